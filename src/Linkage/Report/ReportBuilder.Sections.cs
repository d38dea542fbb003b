using System.Globalization;

using Linkage.Aggregate;
using Linkage.Analyse;
using Linkage.Localisation;
using Linkage.Model;
using Linkage.Problems;
using Linkage.Protect;
using Linkage.Render;

namespace Linkage.Report;

/// <summary>The report's sections.</summary>
public static partial class ReportBuilder
{
    private static readonly string[] Regional = ["internal", "international", "not_trafficked", "unknown", "total"];

    /// <summary>The OSCE figures of the latest year and the OSCE trend of the total, all reporters against the panel.</summary>
    private static IEnumerable<string> KeyFigures(Words t, StatisticsResult stats, Measure measure)
    {
        var n = t.Numbers;
        var osce = stats.Regional.Where(r => r.Region == Aggregator.Osce && r.Measure == measure).ToList();
        if (osce.Count == 0)
        {
            yield break;
        }

        var year = osce.Max(r => r.Year);
        var total = Cell(stats, Aggregator.Osce, year, measure, "total");
        string ShareOf(string indicator) => Shown(Cell(stats, Aggregator.Osce, year, measure, indicator), r => n.Share(r.Value, r.Interval));
        yield return t.Format(
            "report.key.latest",
            ("measure", t.Title(measure)),
            ("year", n.Whole(year)),
            ("total", Shown(total, r => n.Count(r.Value))),
            ("states", n.Whole(total?.StatesReporting ?? 0)),
            ("completeness", ShareOf("completeness")),
            ("trafficked", ShareOf("trafficked_share")),
            ("international", ShareOf("international_share")));
        var all = stats.Trends.FirstOrDefault(r => r.Region == Aggregator.Osce && r.Measure == measure && r.Series == Series.Total && r.Panel == "all");
        var panel = stats.Trends.FirstOrDefault(r => r.Region == Aggregator.Osce && r.Measure == measure && r.Series == Series.Total && r.Panel == "consistent");
        if (all is not null && panel is not null)
        {
            yield return t.Format(
                "report.key.trend",
                ("measure", t.Title(measure)),
                ("years", n.Years(all.FirstYear, all.LastYear)),
                ("all", TrendText(t, all)),
                ("panel", TrendText(t, panel)));
        }
    }

    private static string TrendText(Words t, TrendRow row) =>
        row.Withheld ? t["report.key.withheld"] : row.Status == "insufficient" ? t["report.key.few-years"] : t.Numbers.Apc(row.Apc);

    /// <summary>The latest year by region with every indicator, then the totals by region and year.</summary>
    private static IEnumerable<ReportBlock> RegionalTables(Words t, StatisticsResult stats, Measure measure)
    {
        var n = t.Numbers;
        var rows = stats.Regional.Where(r => r.Measure == measure).ToList();
        var regions = rows.Select(r => r.Region).Distinct().Order(Aggregator.RegionOrder).ToList();
        var years = rows.Select(r => r.Year).Distinct().Order().ToList();
        var latest = years[^1];
        var latestRows = regions.Select(region =>
        {
            RegionalTrendRow? At(string indicator) => Cell(stats, region, latest, measure, indicator);
            return (IReadOnlyList<string>)[
                t.Regions.Show(region),
                .. Regional.Select(i => Shown(At(i), r => n.Count(r.Value))),
                Shown(At("completeness"), r => n.Share(r.Value, r.Interval)),
                Shown(At("trafficked_share"), r => n.Share(r.Value, r.Interval)),
                Shown(At("international_share"), r => n.Share(r.Value, r.Interval)),
                n.Whole(At("total")?.StatesReporting ?? 0),
            ];
        }).ToList();
        yield return new Table(
            t.Format("report.regional.caption", ("measure", t.Title(measure)), ("year", n.Whole(latest))),
            [
                t["report.column.region"], t["report.column.internal"], t["report.column.international"], t["report.column.not-trafficked"],
                t["report.column.unknown"], t["report.column.total"], t["report.column.completeness"], t["report.column.trafficked"],
                t["report.column.international-share"], t["report.column.states"],
            ],
            latestRows,
            [false, true, true, true, true, true, true, true, true, true]);

        var totals = regions.Select(region => (IReadOnlyList<string>)[
            t.Regions.Show(region),
            .. years.Select(y => Shown(Cell(stats, region, y, measure, "total"), r => n.Count(r.Value))),
        ]).ToList();
        yield return new Table(
            t.Format("report.totals.caption", ("measure", t.Title(measure))),
            [t["report.column.region"], .. years.Select(y => n.Whole(y))],
            totals,
            [false, .. years.Select(_ => true)]);
    }

    /// <summary>APC of each region and series, all reporters beside the consistent panel.</summary>
    private static Table TrendTable(Words t, StatisticsResult stats, Measure measure)
    {
        var n = t.Numbers;
        var rows = new List<IReadOnlyList<string>>();
        foreach (var group in stats.Trends.Where(r => r.Measure == measure).GroupBy(r => (r.Region, r.Series)))
        {
            var all = group.Single(r => r.Panel == "all");
            var panel = group.Single(r => r.Panel == "consistent");
            rows.Add([
                t.Regions.Show(group.Key.Region),
                t["report.series." + SeriesCodes.Of(group.Key.Series)],
                Status(all) ?? n.Apc(all.Apc),
                n.Years(all.FirstYear, all.LastYear),
                Status(all) ?? n.P(all.MannKendall?.P),
                Status(panel) ?? n.Apc(panel.Apc),
                panel.Years > 0 ? n.Years(panel.FirstYear, panel.LastYear) : ReportText.None,
            ]);
        }

        return new Table(
            t.Format("report.trends.caption", ("measure", t.Title(measure))),
            [
                t["report.column.region"], t["report.column.series"], t["report.column.apc-all"], t["report.column.years"],
                t["report.column.mann-kendall"], t["report.column.apc-panel"], t["report.column.panel-years"],
            ],
            rows,
            [false, false, true, true, true, true, true]);
    }

    private static string? Status(TrendRow row) => row.Withheld ? Marks.Withheld : row.Status == "insufficient" ? Marks.FewYears : null;

    /// <summary>Completeness by State, the files and their row accounting, rejected rows by reason, conflicts.</summary>
    private static IEnumerable<ReportBlock> DataQuality(Words t, ReportInput input)
    {
        var n = t.Numbers;
        yield return new Heading(2, t["report.heading.data-quality"]) { Section = ReportSection.DataQuality };
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
                    n.Whole(reported.Count),
                    n.Years(reported.FirstOrDefault()?.Year, last?.Year),
                    n.Whole(reported.Count(c => c.Kind == StateCellKind.Share && c.ShareClass > 0)),
                    last is null ? ReportText.None : last.Kind switch
                    {
                        StateCellKind.Withheld => t["report.completeness.not-shown"],
                        StateCellKind.NoCases => t["report.completeness.no-cases"],
                        _ => ClassText(t, last.ShareClass),
                    },
                ];
            }).ToList();
            yield return new Table(
                t.Format("report.completeness.caption", ("measure", t.Name(measure)), ("total", n.Whole(StateCompleteness.MinTotal(k)))),
                [t["report.column.state"], t["report.column.years-reported"], t["report.column.span"], t["report.column.years-recorded"], t["report.column.latest-year"]],
                rows,
                [false, true, true, true, true]);
        }

        var files = input.Pipeline.Files;
        var names = SubmissionNames.Shown([.. files.Select(f => f.File)]);
        yield return new Table(
            t["report.files.caption"],
            [t["report.column.file"], t["report.column.rows-read"], t["report.column.accepted"], t["report.column.rejected"]],
            [.. files.Select((f, i) => (IReadOnlyList<string>)[names[i], n.Count(f.RowsRead), n.Count(f.RowsAccepted), n.Count(f.RowsRejected)])],
            [false, true, true, true]);

        // Reject reasons are shown by their problem code, an identifier that is the same in every language (the README
        // and internal/rejects.csv explain each); only the table around them is translated.
        var reasons = RejectCollection.RowsByCode(files.Select(f => (f.File, f.Rejects)))
            .Select(kv => (Code: kv.Key, Rows: kv.Value))
            .OrderByDescending(x => x.Rows).ThenBy(x => x.Code, StringComparer.Ordinal)
            .ToList();
        yield return reasons.Count == 0
            ? new Paragraph(t["report.rejects.none"])
            : new Table(
                t["report.rejects.caption"],
                [t["report.column.reason-code"], t["report.column.rows"]],
                [.. reasons.Select(r => (IReadOnlyList<string>)[r.Code, n.Count(r.Rows)])],
                [false, true]);
        if (input.AppliedSuggestions.Count > 0)
        {
            // The threshold is quoted as it is typed on the command line, so it keeps its '.' in every language.
            yield return new Table(
                t.Format("report.suggestions.caption", ("threshold", string.Create(Inv, $"{input.SuggestionThreshold:0.00}"))),
                [t["report.column.label"], t["report.column.column"], t["report.column.read-as"], t["report.column.confidence"], t["report.column.rows"]],
                [.. input.AppliedSuggestions.Select(a => (IReadOnlyList<string>)[a.Label, a.Column, $"{a.Section}: {a.Suggestion.Canonical}", n.Format(a.Suggestion.Confidence, "0.00"), n.Count(a.RowsAffected)])],
                [false, false, false, true, true]);
        }

        yield return new Paragraph(t.Format(
            "report.conflicts",
            ("conflicts", n.Whole(input.Pipeline.Conflicts.Count)),
            ("duplicates", n.Whole(input.Pipeline.DuplicatesCollapsed))));
    }

    private static string ClassText(Words t, double? shareClass) => shareClass switch
    {
        null => ReportText.None,
        double c when c >= (StateCompleteness.Classes - 1) / (double)StateCompleteness.Classes =>
            t.Format("report.completeness.class-top", ("low", t.Numbers.Format(c * 100, "0"))),
        double c => t.Format(
            "report.completeness.class",
            ("low", t.Numbers.Format(c * 100, "0")),
            ("high", t.Numbers.Format((c * 100) + (100 / StateCompleteness.Classes), "0"))),
    };

    /// <summary>The States that reported, year by year.</summary>
    private static Table ReportingStates(Words t, StatisticsResult stats, Measure measure)
    {
        var n = t.Numbers;
        var rows = stats.Protection.Rows
            .Select(p => p.Row)
            .Where(r => r.IsOsce && r.Measure == measure)
            .OrderBy(r => r.Year)
            .Select(r => (IReadOnlyList<string>)[n.Whole(r.Year), n.Whole(r.StatesReporting), string.Join(", ", r.States)])
            .ToList();
        return new Table(
            t.Format("report.reporting.caption", ("measure", t.Title(measure))),
            [t["report.column.year"], t["report.column.states"], t["report.column.reporting-states"]],
            rows,
            [false, true, false]);
    }

    /// <summary>The definitions of design.md in plain words; <paramref name="level"/> is the protection level p.</summary>
    private static IEnumerable<ReportBlock> Methods(Words t, int k, int level)
    {
        var n = t.Numbers;
        yield return new Heading(2, t["report.heading.methods"]) { Section = ReportSection.Methods };
        yield return new BulletList([
            t["report.methods.linkage"],
            t["report.methods.regions"],
            t["report.methods.counts"],
            t["report.methods.shares"],
            t["report.methods.yoy"],
            t["report.methods.apc"],
            t["report.methods.panel"],
            t.Format("report.methods.disclosure", ("max", n.Whole(k - 1)), ("k", n.Whole(k)), ("total", n.Whole(StateCompleteness.MinTotal(k)))),
            t.Format("report.methods.protection", ("p", n.Whole(level))),
        ]);
    }
}
