using System.Globalization;

using Linkage.Analyse;

namespace Linkage.Report;

/// <summary>How the report writes numbers: invariant culture, percentages with one decimal, counts with thousands commas.</summary>
public static class ReportText
{
    /// <summary>The mark of a value withheld by disclosure control.</summary>
    public const string Withheld = "c";

    /// <summary>The mark of a value that cannot be computed (no previous year, denominator 0).</summary>
    public const string None = "–";

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>A count: <c>1,234</c>.</summary>
    public static string Count(double? value) => value is { } v ? ((long)v).ToString("#,0", Inv) : None;

    /// <summary>A fraction as a percentage: <c>58.4 %</c>.</summary>
    public static string Percent(double? fraction) => fraction is { } f ? (f * 100).ToString("0.0", Inv) + " %" : None;

    /// <summary>A share and its interval: <c>58.4 % (52.3–64.2)</c>.</summary>
    public static string Share(double? fraction, Interval? interval) =>
        fraction is null ? None : interval is { } i ? $"{Percent(fraction)} ({(i.Low * 100).ToString("0.0", Inv)}–{(i.High * 100).ToString("0.0", Inv)})" : Percent(fraction);

    /// <summary>An annual percent change and its interval: <c>+8.1 % (6.7 to 9.6)</c>.</summary>
    public static string Apc(AnnualPercentChange? apc) =>
        apc is { } a ? $"{WithSign(a.Apc)} % ({WithSign(a.ApcLow)} to {WithSign(a.ApcHigh)})" : None;

    /// <summary>A number with its sign and one decimal: <c>+8.1</c>, <c>−2.0</c>.</summary>
    public static string WithSign(double value)
    {
        var rounded = Math.Round(value, 1, MidpointRounding.AwayFromZero) + 0.0;
        return (rounded > 0 ? "+" : rounded < 0 ? "−" : string.Empty) + Math.Abs(rounded).ToString("0.0", Inv);
    }

    /// <summary>A probability: <c>0.004</c>, <c>&lt;0.001</c>.</summary>
    public static string P(double? p) => p is not { } v ? None : v < 0.001 ? "<0.001" : v.ToString("0.000", Inv);

    /// <summary>A span of years: <c>2010–2025</c>.</summary>
    public static string Years(int? first, int? last) =>
        first is { } f && last is { } l ? (f == l ? f.ToString(Inv) : $"{f.ToString(Inv)}–{l.ToString(Inv)}") : None;
}
