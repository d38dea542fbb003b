using Linkage.Analyse;
using Linkage.Localisation;

namespace Linkage.Report;

/// <summary>
/// How the English report writes numbers (invariant culture: percentages with one decimal, counts with thousands
/// commas). The work is done by <see cref="NumberText"/>, which the charts and the report in every language share;
/// these are its English forms, and the marks that stand for a value.
/// </summary>
public static class ReportText
{
    /// <summary>The mark of a value withheld by disclosure control.</summary>
    public const string Withheld = Marks.Withheld;

    /// <summary>The mark of a value that cannot be computed (no previous year, denominator 0).</summary>
    public const string None = Marks.None;

    /// <summary>A count: <c>1,234</c>.</summary>
    public static string Count(double? value) => NumberText.English.Count(value);

    /// <summary>A fraction as a percentage: <c>58.4 %</c>.</summary>
    public static string Percent(double? fraction) => NumberText.English.Percent(fraction);

    /// <summary>A share and its interval: <c>58.4 % (52.3–64.2)</c>.</summary>
    public static string Share(double? fraction, Interval? interval) => NumberText.English.Share(fraction, interval);

    /// <summary>An annual percent change and its interval: <c>+8.1 % (6.7 to 9.6)</c>.</summary>
    public static string Apc(AnnualPercentChange? apc) => NumberText.English.Apc(apc);

    /// <summary>A number with its sign and one decimal: <c>+8.1</c>, <c>−2.0</c>.</summary>
    public static string WithSign(double value) => NumberText.English.WithSign(value);

    /// <summary>A probability: <c>0.004</c>, <c>&lt;0.001</c>.</summary>
    public static string P(double? p) => NumberText.English.P(p);

    /// <summary>A span of years: <c>2010–2025</c>.</summary>
    public static string Years(int? first, int? last) => NumberText.English.Years(first, last);
}
