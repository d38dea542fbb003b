using System.Globalization;

using Linkage.Aggregate;
using Linkage.Model;
using Linkage.Pipeline;
using Linkage.Problems;
using Linkage.Publish;
using Linkage.Render;

namespace Linkage.Report;

/// <summary>The report's sections.</summary>
public static partial class ReportBuilder
{
    private static readonly string[] Regional = ["internal", "international", "not_trafficked", "unknown", "total"];

    /// <summary>The OSCE figures of the latest year and the OSCE trend of the total, all reporters against the panel.</summary>
    private static IEnumerable<string> KeyFigures(StatisticsResult stats, Measure measure)
    {
        var osce = stats.Regional.Where(r => r.Region == Aggregator.Osce && r.Measure == measure).ToList();
        if (osce.Count == 0)
        {
            yield break;
        }

        var year = osce.Max(r => r.Year);
        var total = Cell(stats, Aggregator.Osce, year, measure, "total");
        yield return string.Create(Inv, $"{Title(measure)}, {year}: {Shown(total, r => ReportText.Count(r.Value))} in {total?.StatesReporting ?? 0} reporting States; ")
            + $"paragraph-23 status recorded for {Shown(Cell(stats, Aggregator.Osce, year, measure, "completeness"), r => ReportText.Share(r.Value, r.Interval))}; "
            + $"of those, trafficked {Shown(Cell(stats, Aggregator.Osce, year, measure, "trafficked_share"), r => ReportText.Share(r.Value, r.Interval))}; "
            + $"of the trafficked, internationally {Shown(Cell(stats, Aggregator.Osce, year, measure, "international_share"), r => ReportText.Share(r.Value, r.Interval))}.";
        var all = stats.Trends.FirstOrDefault(t => t.Region == Aggregator.Osce && t.Measure == measure && t.Series == Series.Total && t.Panel == "all");
        var panel = stats.Trends.FirstOrDefault(t => t.Region == Aggregator.Osce && t.Measure == measure && t.Series == Series.Total && t.Panel == "consistent");
        if (all is not null && panel is not null)
        {
            yield return $"{Title(measure)}, trend of the total {ReportText.Years(all.FirstYear, all.LastYear)}: {TrendText(all)} a year over all reporting States; {TrendText(panel)} over the consistent panel.";
        }
    }

    private static string TrendText(TrendRow t) =>
        t.Withheld ? "withheld (c)" : t.Status == "insufficient" ? "too few years (n<5)" : ReportText.Apc(t.Apc);

    /// <summary>The latest year by region with every indicator, then the totals by region and year.</summary>
    private static IEnumerable<ReportBlock> RegionalTables(StatisticsResult stats, Measure measure)
    {
        var rows = stats.Regional.Where(r => r.Measure == measure).ToList();
        var regions = rows.Select(r => r.Region).Distinct().Order(Aggregator.RegionOrder).ToList();
        var years = rows.Select(r => r.Year).Distinct().Order().ToList();
        var latest = years[^1];
        var latestRows = regions.Select(region =>
        {
            RegionalTrendRow? At(string indicator) => Cell(stats, region, latest, measure, indicator);
            return (IReadOnlyList<string>)[
                region,
                .. Regional.Select(i => Shown(At(i), r => ReportText.Count(r.Value))),
                Shown(At("completeness"), r => ReportText.Share(r.Value, r.Interval)),
                Shown(At("trafficked_share"), r => ReportText.Share(r.Value, r.Interval)),
                Shown(At("international_share"), r => ReportText.Share(r.Value, r.Interval)),
                (At("total")?.StatesReporting ?? 0).ToString(Inv),
            ];
        }).ToList();
        yield return new Table(
            string.Create(Inv, $"{Title(measure)} by region, {latest} (c: suppressed; –: cannot be computed)"),
            ["Region", "Internal", "International", "Not trafficked", "Unknown", "Total", "Completeness", "Trafficked", "International share", "States"],
            latestRows,
            [false, true, true, true, true, true, true, true, true, true]);

        var totals = regions.Select(region => (IReadOnlyList<string>)[
            region,
            .. years.Select(y => Shown(Cell(stats, region, y, measure, "total"), r => ReportText.Count(r.Value))),
        ]).ToList();
        yield return new Table(
            $"{Title(measure)}: total by region and year (c: suppressed)",
            ["Region", .. years.Select(y => y.ToString(Inv))],
            totals,
            [false, .. years.Select(_ => true)]);
    }

    /// <summary>APC of each region and series, all reporters beside the consistent panel.</summary>
    private static Table TrendTable(StatisticsResult stats, Measure measure)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var group in stats.Trends.Where(t => t.Measure == measure).GroupBy(t => (t.Region, t.Series)))
        {
            var all = group.Single(t => t.Panel == "all");
            var panel = group.Single(t => t.Panel == "consistent");
            rows.Add([
                group.Key.Region,
                Output.PublishCsv.SeriesCode(group.Key.Series),
                Status(all) ?? ReportText.Apc(all.Apc),
                ReportText.Years(all.FirstYear, all.LastYear),
                Status(all) ?? ReportText.P(all.MannKendall?.P),
                Status(panel) ?? ReportText.Apc(panel.Apc),
                panel.Years > 0 ? ReportText.Years(panel.FirstYear, panel.LastYear) : ReportText.None,
            ]);
        }

        return new Table(
            $"{Title(measure)}: annual percent change, all reporting States and consistent panel",
            ["Region", "Series", "APC, all (95 % CI)", "Years", "Mann–Kendall p", "APC, panel (95 % CI)", "Panel years"],
            rows,
            [false, false, true, true, true, true, true]);
    }

    private static string? Status(TrendRow t) => t.Withheld ? ReportText.Withheld : t.Status == "insufficient" ? "n<5" : null;

    /// <summary>Completeness by State, the files and their row accounting, rejected rows by reason, conflicts.</summary>
    private static IEnumerable<ReportBlock> DataQuality(ReportInput input)
    {
        yield return new Heading(2, "Data quality") { Section = ReportSection.DataQuality };
        var k = input.Statistics.Protection.MinCell;
        foreach (var measure in input.States.Select(s => s.Measure).Distinct().Order())
        {
            var cells = input.States.Where(s => s.Measure == measure).ToList();
            var rows = cells.GroupBy(s => s.State).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
            {
                var reported = g.Where(c => c.Kind != StateCellKind.NotReported).OrderBy(c => c.Year).ToList();
                var last = reported.LastOrDefault();
                return (IReadOnlyList<string>)[
                    g.Key,
                    reported.Count.ToString(Inv),
                    ReportText.Years(reported.FirstOrDefault()?.Year, last?.Year),
                    reported.Count(c => c.Kind == StateCellKind.Share && c.ShareClass > 0).ToString(Inv),
                    last is null ? ReportText.None : last.Kind switch
                    {
                        StateCellKind.Withheld => "not shown",
                        StateCellKind.NoCases => "no cases",
                        _ => ClassText(last.ShareClass),
                    },
                ];
            }).ToList();
            yield return new Table(
                $"Completeness of paragraph-23 recording by State ({Name(measure)}): share of cases whose linkage is recorded, in 20 % classes, shown for totals of at least {StateCompleteness.MinTotal(k)}",
                ["State", "Years reported", "Span", "Years with 20 % or more recorded", "Latest year"],
                rows,
                [false, true, true, true, true]);
        }

        var files = input.Pipeline.Files;
        var names = SubmissionNames.Shown([.. files.Select(f => f.File)]);
        yield return new Table(
            "Submissions read (rows read = accepted + rejected)",
            ["File", "Rows read", "Accepted", "Rejected"],
            [.. files.Select((f, i) => (IReadOnlyList<string>)[names[i], f.RowsRead.ToString("#,0", Inv), f.RowsAccepted.ToString("#,0", Inv), f.RowsRejected.ToString("#,0", Inv)])],
            [false, true, true, true]);
        var reasons = RejectCollection.RowsByCode(files.Select(f => (f.File, f.Rejects)))
            .Select(kv => (Code: kv.Key, Rows: kv.Value))
            .OrderByDescending(x => x.Rows).ThenBy(x => x.Code, StringComparer.Ordinal)
            .ToList();
        yield return reasons.Count == 0
            ? new Paragraph("No row was rejected.")
            : new Table(
                "Rejected rows by reason (internal/rejects.csv lists each row with its reason)",
                ["Reason code", "Rows"],
                [.. reasons.Select(r => (IReadOnlyList<string>)[r.Code, r.Rows.ToString("#,0", Inv)])],
                [false, true]);
        if (input.AppliedSuggestions.Count > 0)
        {
            yield return new Table(
                string.Create(Inv, $"Labels read by a suggested mapping (--accept-suggestions {input.SuggestionThreshold:0.00}): the pipeline did not know them, a model trained on its dictionary suggested what they mean; internal/mapping-review.csv lists every suggestion"),
                ["Label", "Column", "Read as", "Confidence", "Rows"],
                [.. input.AppliedSuggestions.Select(a => (IReadOnlyList<string>)[a.Label, a.Column, $"{a.Section}: {a.Suggestion.Canonical}", a.Suggestion.Confidence.ToString("0.00", Inv), a.RowsAffected.ToString("#,0", Inv)])],
                [false, false, false, true, true]);
        }

        var conflicts = input.Pipeline.Conflicts.Count;
        yield return new Paragraph(string.Create(Inv, $"Conflicting figures between submissions: {conflicts}; identical figures given more than once and kept once: {input.Pipeline.DuplicatesCollapsed}."));
    }

    private static string ClassText(double? shareClass) => shareClass switch
    {
        null => ReportText.None,
        var c when c >= (StateCompleteness.Classes - 1) / (double)StateCompleteness.Classes => string.Create(Inv, $"{c * 100:0}–100 %"),
        var c => string.Create(Inv, $"{c * 100:0}–{(c * 100) + (100 / StateCompleteness.Classes):0} %"),
    };

    /// <summary>The States that reported, year by year.</summary>
    private static Table ReportingStates(StatisticsResult stats, Measure measure)
    {
        var rows = stats.Aggregate.Regions
            .Where(r => r.IsOsce && r.Measure == measure)
            .OrderBy(r => r.Year)
            .Select(r => (IReadOnlyList<string>)[r.Year.ToString(Inv), r.StatesReporting.ToString(Inv), string.Join(", ", r.States)])
            .ToList();
        return new Table($"{Title(measure)}: reporting States per year (ISO 3166-1 alpha-3)", ["Year", "States", "Reporting States"], rows, [false, true, false]);
    }

    /// <summary>The definitions of design.md in plain words.</summary>
    private static IEnumerable<ReportBlock> Methods(int k)
    {
        yield return new Heading(2, "Methods") { Section = ReportSection.Methods };
        yield return new BulletList([
            "Linkage: “internal” means the child was trafficked only within the reporting State; “international” across a border (into, out of or through it), including a child trafficked both ways; “not trafficked” that trafficking was examined and not found; “unknown” that it was not recorded or not known.",
            "Regions are the UN M49 sub-regions of the participating States unless a region map was given; OSCE is the total of all reporting States. Children and investigations are never added together.",
            "Counts are summed over the reporting States; quarters and months are summed to years when they cover the whole year. A value missing or confidential at source adds nothing, but its State still counts as reporting and its flag (m, c) travels to the figure.",
            "Completeness is the share of cases whose linkage was recorded: (total − unknown) / total. Trafficked share: (internal + international) / (total − unknown). International share: international / (internal + international). Each share has a 95 % Wilson score interval.",
            "Year-on-year change is the change of the total from the previous year, as a fraction of the previous year.",
            "Annual percent change comes from a log-linear (quasi-Poisson) regression of the yearly count on the year, years without data left out: APC = 100·(e^b − 1), with a 95 % interval from the t distribution that allows for over-dispersion. The Mann–Kendall test (two-sided p) and Sen's slope (median change per year) are given with it. Fewer than five years give no trend.",
            "Trends are computed over all reporting States and over the consistent panel of States that reported in every year of the window, because a change in who reports is not a trend.",
            string.Create(Inv, $"Disclosure control: no published count lies between 1 and {k - 1}; such counts are suppressed (c), and further counts are suppressed where the totals would otherwise give a suppressed count back. Shares are shown only when their denominator is at least {k} and none of their counts is suppressed; changes and trends only when they cannot give a suppressed count back. State-level completeness is shown in 20 % classes, and not at all where a State's total is below {StateCompleteness.MinTotal(k)}, so that a class never pins down a small count."),
        ]);
    }
}
