using System.Globalization;

using CsvHelper;

using Linkage.Aggregate;
using Linkage.Analyse;
using Linkage.Model;

namespace Linkage.Output;

/// <summary>
/// Writes the two publish tables with exactly the columns of design.md. Numbers are written as plain numbers with
/// the invariant culture and a fixed number of decimals (never exponent notation), so the files are byte-identical
/// across machines and cultures; text cells that could run as a formula are prefixed with <c>'</c>.
/// </summary>
public static class PublishCsv
{
    /// <summary>Columns of <c>publish/regional-trends.csv</c>.</summary>
    public static readonly string[] RegionalTrendColumns =
        ["region", "year", "measure", "indicator", "value", "ci_low", "ci_high", "status", "states_reporting"];

    /// <summary>Columns of <c>publish/trend-summary.csv</c>.</summary>
    public static readonly string[] TrendSummaryColumns =
        ["region", "measure", "series", "panel", "first_year", "last_year", "n_years", "apc", "apc_low", "apc_high", "mk_s", "mk_tau", "mk_p", "sen_slope", "status"];

    private const string Fraction = "0.######";
    private const string Percent = "0.####";
    private const string Probability = "0.##########";


    /// <summary>Writes <c>regional-trends.csv</c>.</summary>
    public static void WriteRegionalTrends(Stream destination, IEnumerable<RegionalTrendRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var csv = CsvWriter.Create(destination, CsvTables.Options, leaveOpen: true);
        csv.WriteHeader(RegionalTrendColumns);
        foreach (var r in rows)
        {
            csv.WriteField(r.Region);
            csv.WriteField(r.Year);
            csv.WriteField(Codes.Of(r.Measure));
            csv.WriteField(r.Indicator);
            if (r.IsCount)
            {
                csv.WriteField(r.Value is { } v ? (long?)checked((long)v) : null);
            }
            else
            {
                Number(csv, r.Value, Fraction, 6);
            }

            Number(csv, r.Interval?.Low, Fraction, 6);
            Number(csv, r.Interval?.High, Fraction, 6);
            csv.WriteField(r.Status);
            csv.WriteField(r.StatesReporting);
            csv.EndRecord();
        }
    }

    /// <summary>Writes <c>trend-summary.csv</c>.</summary>
    public static void WriteTrendSummary(Stream destination, IEnumerable<TrendRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var csv = CsvWriter.Create(destination, CsvTables.Options, leaveOpen: true);
        csv.WriteHeader(TrendSummaryColumns);
        foreach (var r in rows)
        {
            csv.WriteField(r.Region);
            csv.WriteField(Codes.Of(r.Measure));
            csv.WriteField(SeriesCode(r.Series));
            csv.WriteField(r.Panel);
            csv.WriteField(r.FirstYear);
            csv.WriteField(r.LastYear);
            csv.WriteField(r.Years);
            Number(csv, r.Apc?.Apc, Percent, 4);
            Number(csv, r.Apc?.ApcLow, Percent, 4);
            Number(csv, r.Apc?.ApcHigh, Percent, 4);
            csv.WriteField(r.MannKendall?.S);
            Number(csv, r.MannKendall?.Tau, Fraction, 6);
            Number(csv, r.MannKendall?.P, Probability, 10);
            Number(csv, r.SenSlope, Percent, 4);
            csv.WriteField(r.Status);
            csv.EndRecord();
        }
    }

    /// <summary>The code of a series: <c>total</c>, <c>internal</c>, <c>international</c>.</summary>
    public static string SeriesCode(Series series) => SeriesCodes.Of(series);

    /// <summary>Rounds half away from zero to a fixed number of decimals and writes the number; never <c>-0</c>.</summary>
    private static void Number(CsvWriter csv, double? value, string format, int decimals)
    {
        if (value is not { } v || !double.IsFinite(v))
        {
            csv.WriteField((string?)null);
            return;
        }

        var rounded = Math.Round(v, decimals, MidpointRounding.AwayFromZero) + 0.0;
        csv.WriteField(rounded == 0 ? 0.0 : rounded, format);
    }
}
