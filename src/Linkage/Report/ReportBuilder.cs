using System.Globalization;

using Linkage.Aggregate;
using Linkage.Analyse;
using Linkage.Localisation;
using Linkage.Model;
using Linkage.Protect;
using Linkage.Reconcile;
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

    /// <summary>The language of the report's text (<c>--lang</c>); English by default.</summary>
    public Language Language { get; init; } = Language.En;

    /// <summary>
    /// True (the default) when the regions come from the built-in UN M49 map: its sub-regions are shown in
    /// <see cref="Language"/>. False for a user's region map, whose names are proper names and shown as given (also when
    /// one is spelled like an M49 sub-region). <c>OSCE</c> is shown in the language either way.
    /// </summary>
    public bool DefaultRegionMap { get; init; } = true;

    /// <summary>The publications the figures come from, named in the source notes (<see cref="ChartInput.Sources"/>).</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>
    /// What the charts of <paramref name="measure"/> are drawn from: the one place a <see cref="Render.ChartInput"/> is
    /// built, so the charts and the report's source notes read the same protected rows, threshold and sources.
    /// </summary>
    public ChartInput ChartInput(Measure measure) =>
        new(Statistics.Regional, Statistics.Trends, States, measure, Statistics.Protection.MinCell, AsOf)
        {
            Language = Language,
            DefaultRegionMap = DefaultRegionMap,
            Sources = Sources,
        };
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
        var t = new Words(input);
        var n = t.Numbers;
        var stats = input.Statistics;
        var k = stats.Protection.MinCell;
        var years = stats.Regional.Select(r => r.Year).ToList();
        var states = stats.States.Select(s => s.State).Distinct(StringComparer.Ordinal).Count();
        var blocks = new List<ReportBlock>
        {
            new Heading(1, t["report.title"]),
            new Paragraph(t.Format("report.intro", ("states", n.Whole(states)), ("years", n.Years(years.Count > 0 ? years.Min() : null, years.Count > 0 ? years.Max() : null)))
                + (input.AsOf is { } asOf ? " " + t.Format("as-of", ("date", asOf.ToString("yyyy-MM-dd", Inv))) : string.Empty)
                + " " + t.Format("report.suppression", ("max", n.Whole(k - 1)))),
        };

        var measures = stats.Regional.Select(r => r.Measure).Distinct().Order().ToList();
        blocks.Add(new Heading(2, t["report.heading.key-figures"]) { Section = ReportSection.KeyFigures });
        blocks.Add(new BulletList([.. measures.SelectMany(m => KeyFigures(t, stats, m))]));
        if (input.Charts.Count > 0)
        {
            blocks.Add(new Heading(2, t["report.heading.charts"]) { Section = ReportSection.Charts });
            blocks.AddRange(input.Charts.Select(c => new Figure(c.Title, c.FileName, c.Png) { SourceNote = c.SourceNote }));
        }

        foreach (var measure in measures)
        {
            blocks.Add(new Heading(2, t.Format("report.heading.regional", ("measure", t.Name(measure)))) { Section = ReportSection.Regional });
            blocks.AddRange(RegionalTables(t, stats, measure).Select(b => b is Table table ? table with { SourceNote = SourceNote(input, measure) } : b));
        }

        blocks.Add(new Heading(2, t["report.heading.trends"]) { Section = ReportSection.Trends });
        blocks.Add(new Paragraph(t["report.trends.intro"]));
        blocks.AddRange(measures.Select(m => TrendTable(t, stats, m) with { SourceNote = SourceNote(input, m) }));
        blocks.AddRange(DataQuality(t, input));
        blocks.Add(new Heading(2, t["report.heading.reporting-states"]) { Section = ReportSection.ReportingStates });
        blocks.AddRange(measures.Select(m => ReportingStates(t, stats, m) with { SourceNote = SourceNote(input, m) }));
        blocks.AddRange(Methods(t, k, stats.Protection.ProtectionLevel));
        return blocks;
    }

    private static RegionalTrendRow? Cell(StatisticsResult stats, string region, int year, Measure measure, string indicator) =>
        stats.Regional.FirstOrDefault(r => r.Region == region && r.Year == year && r.Measure == measure && r.Indicator == indicator);

    /// <summary>The source note the measure's charts carry (<see cref="ChartBuilder.SourceNote"/>), so a table and a chart name the same source.</summary>
    private static string SourceNote(ReportInput input, Measure measure) =>
        ChartBuilder.SourceNote(
            input.ChartInput(measure),
            new RegionalTable(input.Statistics.Regional, measure),
            [.. input.States.Where(c => c.Measure == measure)],
            TextCatalogue.For(input.Language));

    private static string Shown(RegionalTrendRow? row, Func<RegionalTrendRow, string> format) =>
        row is null ? ReportText.None : row.Withheld ? ReportText.Withheld : format(row);

    /// <summary>The report's language: its texts, numbers and region names.</summary>
    private sealed class Words(ReportInput input)
    {
        public TextCatalogue Strings { get; } = TextCatalogue.For(input.Language);

        public NumberText Numbers => Strings.Numbers;

        public RegionNames Regions { get; } = new(TextCatalogue.For(input.Language), input.DefaultRegionMap);

        public string this[string key] => Strings[key];

        public string Format(string key, params ReadOnlySpan<(string Name, string Value)> values) => Strings.Format(key, values);

        /// <summary>The measure in running text: <c>children</c>.</summary>
        public string Name(Measure measure) => Strings["measure." + Codes.Of(measure) + ".lower"];

        /// <summary>The measure at the start of a sentence or caption: <c>Children</c>.</summary>
        public string Title(Measure measure) => Strings["measure." + Codes.Of(measure)];
    }
}
