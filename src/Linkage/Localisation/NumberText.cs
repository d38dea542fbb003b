using System.Globalization;

using Linkage.Analyse;

namespace Linkage.Localisation;

/// <summary>
/// How the charts and the report write numbers in one language: the decimal and grouping separators, the percent
/// pattern and the range pattern all come from the language's text file (<c>number.*</c>), never from the machine's
/// culture data, so a file is the same on every machine. English keeps the invariant <c>1,234</c> and <c>58.4 %</c>;
/// the others write <c>1 234</c> and <c>58,4 %</c>, which no reader of theirs takes for a decimal point.
/// </summary>
public sealed class NumberText
{
    /// <summary>The mark of a value that cannot be computed (<see cref="Marks.None"/>).</summary>
    public const string None = Marks.None;

    private readonly NumberFormatInfo _format;
    private readonly string _percent;
    private readonly string _range;

    /// <summary>Number text with the given separators and patterns (<c>{n} %</c>, <c>{low} to {high}</c>).</summary>
    public NumberText(string decimalSeparator, string groupSeparator, string percentPattern, string rangePattern)
    {
        // A copy of the invariant format with only the two separators changed: nothing comes from the OS.
        var format = (NumberFormatInfo)NumberFormatInfo.InvariantInfo.Clone();
        format.NumberDecimalSeparator = decimalSeparator;
        format.NumberGroupSeparator = groupSeparator;
        _format = NumberFormatInfo.ReadOnly(format);
        _percent = percentPattern;
        _range = rangePattern;
    }

    /// <summary>The English number text (the invariant culture's separators).</summary>
    public static NumberText English => TextCatalogue.For(Language.En).Numbers;

    /// <summary>The decimal separator.</summary>
    public string DecimalSeparator => _format.NumberDecimalSeparator;

    /// <summary>The thousands separator.</summary>
    public string GroupSeparator => _format.NumberGroupSeparator;

    /// <summary>A whole number without grouping (years, axis ticks): <c>2025</c>, <c>1500</c>.</summary>
    public string Whole(long value) => value.ToString("0", _format);

    /// <summary>A count with thousands grouped: <c>1,234</c> (English), <c>1 234</c>.</summary>
    public string Count(long value) => value.ToString("#,0", _format);

    /// <summary>A count with thousands grouped, or <see cref="None"/>.</summary>
    public string Count(double? value) => value is { } v ? Count((long)v) : None;

    /// <summary>A number in a .NET custom format (<c>0.0</c>, <c>0.##</c>) with this language's separators.</summary>
    public string Format(double value, string format) => value.ToString(format, _format);

    /// <summary>A number text followed by the percent sign as the language writes it: <c>58.4 %</c>, <c>58,4 %</c>.</summary>
    public string PercentSign(string number) => _percent.Replace("{n}", number, StringComparison.Ordinal);

    /// <summary>A fraction as a percentage with one decimal: <c>58.4 %</c>.</summary>
    public string Percent(double? fraction) => fraction is { } f ? PercentSign(Format(f * 100, "0.0")) : None;

    /// <summary>A share and its interval: <c>58.4 % (52.3–64.2)</c>.</summary>
    public string Share(double? fraction, Interval? interval) =>
        fraction is null ? None
        : interval is { } i ? $"{Percent(fraction)} ({Format(i.Low * 100, "0.0")}–{Format(i.High * 100, "0.0")})"
        : Percent(fraction);

    /// <summary>Two values as a range in words: <c>6.7 to 9.6</c>.</summary>
    public string Range(string low, string high) =>
        _range.Replace("{low}", low, StringComparison.Ordinal).Replace("{high}", high, StringComparison.Ordinal);

    /// <summary>An annual percent change and its interval: <c>+8.1 % (6.7 to 9.6)</c>.</summary>
    public string Apc(AnnualPercentChange? apc) =>
        apc is { } a ? $"{PercentSign(WithSign(a.Apc))} ({Range(WithSign(a.ApcLow), WithSign(a.ApcHigh))})" : None;

    /// <summary>A number with its sign and one decimal: <c>+8.1</c>, <c>−2.0</c>, <c>0.0</c>.</summary>
    public string WithSign(double value)
    {
        var rounded = Math.Round(value, 1, MidpointRounding.AwayFromZero) + 0.0;
        return (rounded > 0 ? "+" : rounded < 0 ? "−" : string.Empty) + Format(Math.Abs(rounded), "0.0");
    }

    /// <summary>A probability: <c>0.004</c>, <c>&lt;0.001</c>.</summary>
    public string P(double? p) => p is not { } v ? None : v < 0.001 ? "<" + Format(0.001, "0.000") : Format(v, "0.000");

    /// <summary>A span of years: <c>2010–2025</c>, or one year.</summary>
    public string Years(int? first, int? last) =>
        first is { } f && last is { } l ? (f == l ? Whole(f) : $"{Whole(f)}–{Whole(l)}") : None;
}
