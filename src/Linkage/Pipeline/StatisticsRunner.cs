using System.Diagnostics;
using System.Globalization;

using Linkage.Aggregate;
using Linkage.Analyse;
using Linkage.Config;
using Linkage.Model;
using Linkage.Protect;
using Linkage.Publish;
using Linkage.Recognise;

namespace Linkage.Pipeline;

/// <summary>The user's choices for the aggregate, protect and analyse stages.</summary>
/// <param name="MinCell">Threshold k of disclosure control (<c>--min-cell</c>).</param>
/// <param name="Window">Years to use (<c>--from</c>, <c>--to</c>).</param>
public sealed record StatisticsOptions(int MinCell, YearWindow Window)
{
    /// <summary>The default threshold of design.md.</summary>
    public const int DefaultMinCell = 5;

    /// <summary>k = 5, all years.</summary>
    public static StatisticsOptions Default { get; } = new(DefaultMinCell, default);
}

/// <summary>The outcome of the aggregate, protect and analyse stages.</summary>
/// <param name="Aggregate">State, region and OSCE figures, and warnings.</param>
/// <param name="Protection">The suppression of every regional table.</param>
/// <param name="Regional">Rows of <c>publish/regional-trends.csv</c>.</param>
/// <param name="Trends">Rows of <c>publish/trend-summary.csv</c>.</param>
/// <param name="Breaches">What the publish guard found wrong; empty when the tables may be published.</param>
/// <param name="Timings">Milliseconds per stage.</param>
/// <param name="Notes">Run-level warnings that belong to no input file (e.g. a year window with no data).</param>
public sealed record StatisticsResult(
    AggregateResult Aggregate,
    RegionalProtectionResult Protection,
    IReadOnlyList<RegionalTrendRow> Regional,
    IReadOnlyList<TrendRow> Trends,
    IReadOnlyList<string> Breaches,
    IReadOnlyDictionary<string, long> Timings,
    IReadOnlyList<string> Notes)
{
    /// <summary>True when every table passed the audit and the guard: only then is anything written under <c>publish/</c>.</summary>
    public bool MayPublish => Protection.AuditPassed && Breaches.Count == 0;

    /// <summary>
    /// Each State-year's completeness in 20 % classes, binned by the protect stage (small totals not shown): the only
    /// State-level figures the charts and the report see (<see cref="StateCompleteness"/>).
    /// </summary>
    public IReadOnlyList<StateCompletenessCell> States { get; init; } = [];
}

/// <summary>Runs aggregate → protect → analyse over reconciled observations. Pure.</summary>
public static class StatisticsRunner
{
    /// <summary>Computes the publish tables.</summary>
    public static StatisticsResult Run(IReadOnlyList<Observation> observations, RegionMap regions, StatisticsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var aggregate = Aggregator.Run(observations, regions, options.Window);
        var aggregateTime = clock.ElapsedMilliseconds;
        clock.Restart();
        var protection = RegionalProtection.Run(aggregate.Regions, options.MinCell);
        var states = StateCompleteness.Build(aggregate.States, options.MinCell);
        var protectTime = clock.ElapsedMilliseconds;
        clock.Restart();
        var regional = RegionalTrends.Build(protection);
        var trends = TrendSummary.Build(protection, aggregate.States, options.Window);
        var breaches = PublishGuard.Check(regional, trends, options.MinCell);
        var timings = new Dictionary<string, long>(StringComparer.Ordinal)
        {
            ["aggregate"] = aggregateTime,
            ["protect"] = protectTime,
            ["analyse"] = clock.ElapsedMilliseconds,
        };
        var notes = new List<string>();
        if (observations.Count > 0 && aggregate.Regions.Count == 0)
        {
            var (from, to) = (options.Window.From?.ToString(CultureInfo.InvariantCulture) ?? "…", options.Window.To?.ToString(CultureInfo.InvariantCulture) ?? "…");
            var years = observations.Select(o => o.Period.Year).ToList();
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"No observation lies in the years {from}–{to} given by --from/--to (the data covers {years.Min()}–{years.Max()}), so the publish tables have no rows."));
        }

        return new StatisticsResult(aggregate, protection, regional, trends, breaches, timings, notes) { States = states };
    }
}
