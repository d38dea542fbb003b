using System.Diagnostics;
using System.Globalization;

using Linkage.Aggregate;
using Linkage.Analyse;
using Linkage.Config;
using Linkage.Model;
using Linkage.Protect;
using Linkage.Recognise;

namespace Linkage.Pipeline;

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
        var protection = RegionalProtection.Run(aggregate.Regions, options.MinCell, options.Level);
        var states = StateCompleteness.Build(aggregate.States, options.MinCell);
        var panels = PanelProtection.Run(protection, aggregate.States, options.Window);
        var protectTime = clock.ElapsedMilliseconds;
        clock.Restart();
        var regional = RegionalTrends.Build(protection);
        var trends = TrendSummary.Build(protection, panels, options.Window);
        List<PublishedCell> published = [.. regional.Select(r => r.ToPublished())];
        var breaches = PublishGuard.Check(published, [.. trends.Select(t => t.ToPublished())], options.MinCell)
            .Concat(PublishGuard.CheckStates(states, aggregate.States, options.MinCell))
            .Concat(PublishGuard.CheckIntervals(published, protection, options.Level)).ToList();
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
