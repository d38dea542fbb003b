using System.Globalization;

using Linkage.Aggregate;
using Linkage.Model;
using Linkage.Pipeline;
using Linkage.Publish;
using Linkage.Render;

namespace Linkage.Report;

/// <summary>Everything the report is made of; only disclosure-controlled values are read from it.</summary>
/// <param name="Statistics">The publish tables (regional rows and trends) and the aggregate's list of reporting States.</param>
/// <param name="Pipeline">Files, row accounting, rejects and conflicts.</param>
/// <param name="States">State-level completeness in 20 % classes, not shown for small totals (<see cref="StateCompleteness"/>).</param>
/// <param name="Charts">The chart images, in the order they are shown.</param>
/// <param name="AsOf">The <c>--as-of</c> date, if given (never the wall clock: the report must not change between runs).</param>
public sealed record ReportInput(
    StatisticsResult Statistics,
    PipelineResult Pipeline,
    IReadOnlyList<StateCompletenessCell> States,
    IReadOnlyList<ReportChart> Charts,
    DateOnly? AsOf)
{
    /// <summary>Label suggestions that <c>--accept-suggestions</c> applied (listed under data quality).</summary>
    public IReadOnlyList<Suggest.MappingReviewRow> AppliedSuggestions { get; init; } = [];

    /// <summary>The <c>--accept-suggestions</c> confidence, when given.</summary>
    public double? SuggestionThreshold { get; init; }
}

/// <summary>
/// Builds the meeting-paper report (issue 4): key figures with intervals, the charts, the regional table with
/// withheld cells marked, the trend table (panel against all reporters), data quality, the reporting States per
/// year, and the methods in plain words. Counts and shares come only from the publish tables.
/// </summary>
public static partial class ReportBuilder
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Builds the report's blocks.</summary>
    public static IReadOnlyList<ReportBlock> Build(ReportInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var stats = input.Statistics;
        var k = stats.Protection.MinCell;
        var years = stats.Regional.Select(r => r.Year).ToList();
        var states = stats.Aggregate.States.Select(s => s.State).Distinct(StringComparer.Ordinal).Count();
        var blocks = new List<ReportBlock>
        {
            new Heading(1, "Trafficking linkage in child sexual exploitation material investigations: OSCE regional statistics"),
            new Paragraph(string.Create(Inv, $"Paragraph-23 data of {states} reporting participating States, {ReportText.Years(years.Count > 0 ? years.Min() : null, years.Count > 0 ? years.Max() : null)}.")
                + (input.AsOf is { } asOf ? $" Data as of {asOf.ToString("yyyy-MM-dd", Inv)}." : string.Empty)
                + string.Create(Inv, $" Counts of 1 to {k - 1} are suppressed and shown as “c”, as are the counts, shares and trends that would reveal them.")),
        };

        var measures = stats.Regional.Select(r => r.Measure).Distinct().Order().ToList();
        blocks.Add(new Heading(2, "Key figures") { Section = ReportSection.KeyFigures });
        blocks.Add(new BulletList([.. measures.SelectMany(m => KeyFigures(stats, m))]));
        if (input.Charts.Count > 0)
        {
            blocks.Add(new Heading(2, "Charts") { Section = ReportSection.Charts });
            blocks.AddRange(input.Charts.Select(c => new Figure(c.Title, c.FileName, c.Png) { SourceNote = c.SourceNote }));
        }

        foreach (var measure in measures)
        {
            blocks.Add(new Heading(2, $"Regional table: {Name(measure)}") { Section = ReportSection.Regional });
            blocks.AddRange(RegionalTables(stats, measure).Select(b => b is Table t ? t with { SourceNote = SourceNote(input, measure) } : b));
        }

        blocks.Add(new Heading(2, "Trends") { Section = ReportSection.Trends });
        blocks.Add(new Paragraph("Annual percent change (APC) of the yearly count with its 95 % interval, over all reporting States and over the consistent panel of States that reported in every year of the window; a change in who reports is not a trend. “n<5”: fewer than five years; “c”: withheld because it could reveal a suppressed count."));
        blocks.AddRange(measures.Select(m => TrendTable(stats, m) with { SourceNote = SourceNote(input, m) }));
        blocks.AddRange(DataQuality(input));
        blocks.Add(new Heading(2, "Reporting States per year") { Section = ReportSection.ReportingStates });
        blocks.AddRange(measures.Select(m => ReportingStates(stats, m) with { SourceNote = SourceNote(input, m) }));
        blocks.AddRange(Methods(k));
        return blocks;
    }

    private static string Name(Measure measure) => measure == Measure.Children ? "children" : "investigations";

    private static string Title(Measure measure) => measure == Measure.Children ? "Children" : "Investigations";

    private static RegionalTrendRow? Cell(StatisticsResult stats, string region, int year, Measure measure, string indicator) =>
        stats.Regional.FirstOrDefault(r => r.Region == region && r.Year == year && r.Measure == measure && r.Indicator == indicator);

    /// <summary>The source note the measure's charts carry (<see cref="ChartBuilder.SourceNote"/>), so a table and a chart name the same source.</summary>
    private static string SourceNote(ReportInput input, Measure measure) =>
        ChartBuilder.SourceNote(
            new ChartInput(input.Statistics.Regional, input.Statistics.Trends, input.States, measure, input.Statistics.Protection.MinCell, input.AsOf),
            new RegionalTable(input.Statistics.Regional, measure),
            [.. input.States.Where(c => c.Measure == measure)]);

    private static string Shown(RegionalTrendRow? row, Func<RegionalTrendRow, string> format) =>
        row is null ? ReportText.None : row.Withheld ? ReportText.Withheld : format(row);
}
