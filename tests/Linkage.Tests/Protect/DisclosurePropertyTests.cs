using System.Globalization;

using Linkage.Aggregate;
using Linkage.Analyse;
using Linkage.Config;
using Linkage.Model;
using Linkage.Pipeline;
using Linkage.Protect;
using Linkage.Recognise;

namespace Linkage.Tests.Protect;

/// <summary>
/// Property tests of design.md "Disclosure control": seeded random submissions (random States, region maps, years,
/// small and zero counts, missing and confidential values, thresholds) go through aggregate → protect → analyse, and
/// every published table is checked for guarantees 1–3 with an audit independent of the library's.
/// Set <c>LINKAGE_DISCLOSURE_SEED</c> to replay one case and <c>LINKAGE_DISCLOSURE_CASES</c> to run more.
/// </summary>
[TestClass]
public sealed class DisclosurePropertyTests
{
    private const int DefaultCases = 500;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private static readonly string[] Counts = RegionalTrends.CountIndicators;

    [TestMethod]
    public void Published_tables_keep_guarantees_1_to_3_on_random_submissions()
    {
        foreach (var seed in Seeds())
        {
            var (observations, regions, k) = Generate(seed);
            var stats = StatisticsRunner.Run(observations, regions, new StatisticsOptions(k, default));
            var context = string.Create(Inv, $"seed {seed} (k = {k}, {observations.Count} observations)");

            Assert.IsTrue(stats.MayPublish, $"{context}: {string.Join("; ", stats.Breaches)}");
            CheckCountsAreTrueOrSuppressed(stats, k, context);
            CheckNoSuppressedCountIsDetermined(stats, k, context);
            CheckSharesAndChanges(stats, k, context);
            CheckTrends(stats, context);
        }
    }

    private static IEnumerable<int> Seeds()
    {
        if (int.TryParse(Environment.GetEnvironmentVariable("LINKAGE_DISCLOSURE_SEED"), NumberStyles.Integer, Inv, out var one))
        {
            return [one];
        }

        var cases = int.TryParse(Environment.GetEnvironmentVariable("LINKAGE_DISCLOSURE_CASES"), NumberStyles.Integer, Inv, out var n) && n > 0 ? n : DefaultCases;
        return Enumerable.Range(1, cases);
    }

    /// <summary>Guarantee 1, and nothing published differs from the aggregate.</summary>
    private static void CheckCountsAreTrueOrSuppressed(StatisticsResult stats, int k, string context)
    {
        var truth = stats.Aggregate.Regions.ToDictionary(r => (r.Region, r.Year, r.Measure));
        foreach (var row in stats.Regional.Where(r => r.IsCount))
        {
            var figure = truth[(row.Region, row.Year, row.Measure)].Figures;
            var column = Array.IndexOf(Counts, row.Indicator);
            var actual = column == 4 ? figure.Total : figure.Categories[column];
            if (row.Withheld)
            {
                Assert.IsNull(row.Value, $"{context}: a suppressed cell has a value");
                continue;
            }

            if (actual.NotGiven)
            {
                // No State of the region recorded the category that year: published as not recorded, never as 0.
                Assert.AreEqual((null, "m"), (row.Value, row.Status), $"{context}: {row.Region} {row.Year} {row.Indicator} is not recorded");
                continue;
            }

            Assert.AreEqual(actual.Value, (long?)row.Value, $"{context}: {row.Region} {row.Year} {row.Indicator}");
            Assert.IsFalse(row.Value is >= 1 && row.Value < k, $"{context}: {row.Region} {row.Year} {row.Indicator} = {row.Value} is published below k");
        }
    }

    /// <summary>Guarantee 2 over the counts: no suppressed count follows from the published ones (MathNet rank test).</summary>
    private static void CheckNoSuppressedCountIsDetermined(StatisticsResult stats, int k, string context)
    {
        foreach (var table in stats.Regional.Where(r => r.IsCount).GroupBy(r => (r.Year, r.Measure)))
        {
            var regions = table.Select(r => r.Region).Distinct().ToList();
            Assert.AreEqual(Aggregator.Osce, regions[^1], $"{context}: OSCE is the last row");
            int Cell(string region, string indicator) => (regions.IndexOf(region) * 5) + Array.IndexOf(Counts, indicator);
            var relations = new List<Relation>();
            foreach (var region in regions)
            {
                relations.Add(Relation.Sum(Counts[..4].Select(c => Cell(region, c)), Cell(region, "total")));
            }

            foreach (var c in Counts)
            {
                relations.Add(Relation.Sum(regions.SkipLast(1).Select(r => Cell(r, c)), Cell(Aggregator.Osce, c)));
            }

            var suppressed = new bool[regions.Count * 5];
            foreach (var row in table.Where(r => r.Withheld))
            {
                suppressed[Cell(row.Region, row.Indicator)] = true;
            }

            Assert.IsEmpty(IndependentAudit.DeterminedCells(relations, suppressed), $"{context}: {table.Key} gives a suppressed count away");

            // Withheld parts of one relation must not add up to a small count a reader can compute.
            var value = new long[regions.Count * 5];
            foreach (var row in table)
            {
                value[Cell(row.Region, row.Indicator)] = (long)(row.Value ?? 0);
            }

            foreach (var relation in relations)
            {
                var parts = relation.Terms.Where(t => t.Coefficient > 0 && suppressed[t.Cell]).ToList();
                var totalWithheld = relation.Terms.Any(t => t.Coefficient < 0 && suppressed[t.Cell]);
                if (parts.Count > 0 && !totalWithheld)
                {
                    var known = value[relation.Terms.Single(t => t.Coefficient < 0).Cell] - relation.Terms.Where(t => t.Coefficient > 0 && !suppressed[t.Cell]).Sum(t => value[t.Cell]);
                    Assert.IsFalse(known >= 1 && known < k, $"{context}: {table.Key}: withheld parts add up to {known}");
                }
            }
        }
    }

    /// <summary>Guarantee 3, and shares and changes are made only of published counts (so they reveal nothing more).</summary>
    private static void CheckSharesAndChanges(StatisticsResult stats, int k, string context)
    {
        var cells = stats.Regional.ToDictionary(r => (r.Region, r.Year, r.Measure, r.Indicator));
        long? Published(RegionalTrendRow r, string indicator, int yearOffset = 0) =>
            cells.TryGetValue((r.Region, r.Year + yearOffset, r.Measure, indicator), out var c) && !c.Withheld ? (long?)c.Value : null;

        foreach (var row in stats.Regional.Where(r => !r.IsCount && r.Value is not null))
        {
            var (i, x, n, t, u) = (Published(row, "internal"), Published(row, "international"), Published(row, "not_trafficked"), Published(row, "total"), Published(row, "unknown"));
            var (num, den) = row.Indicator switch
            {
                "completeness" => (t - u, t),
                "trafficked_share" => (i + x, t - u),
                "international_share" => (x, i + x),
                _ => (t - Published(row, "total", -1), Published(row, "total", -1)),
            };
            Assert.IsNotNull(num, $"{context}: {row.Region} {row.Year} {row.Indicator} is published beside a suppressed count");
            Assert.IsNotNull(den, $"{context}: {row.Region} {row.Year} {row.Indicator} is published beside a suppressed count");
            Assert.AreEqual((double)num.Value / den.Value, row.Value!.Value, 1e-12, $"{context}: {row.Region} {row.Year} {row.Indicator}");
            if (row.Indicator != "yoy_change")
            {
                Assert.IsGreaterThanOrEqualTo(k, den.Value, $"{context}: {row.Region} {row.Year} {row.Indicator} has a denominator below k");
                Assert.IsNotNull(row.Interval, $"{context}: a published share has its interval");
            }
        }
    }

    /// <summary>
    /// A published all-reporters trend is made only of published counts; a published panel trend, its yearly panel
    /// sums taken as known, gives no withheld count away (State-level rank test, independent of the library's).
    /// </summary>
    private static void CheckTrends(StatisticsResult stats, string context)
    {
        var cells = stats.Regional.ToDictionary(r => (r.Region, r.Year, r.Measure, r.Indicator));
        foreach (var trend in stats.Trends.Where(t => t.Panel == "all" && !t.Withheld && t.Status is not ("insufficient" or TrendSummary.NotRecorded)))
        {
            var indicator = Linkage.Output.PublishCsv.SeriesCode(trend.Series);
            for (var y = trend.FirstYear!.Value; y <= trend.LastYear!.Value; y++)
            {
                if (cells.TryGetValue((trend.Region, y, trend.Measure, indicator), out var cell))
                {
                    Assert.IsFalse(cell.Withheld, $"{context}: the trend of {trend.Region} {indicator} uses a withheld year {y}");
                }
            }
        }

        // Every published panel trend adds, per year, the sum of its panel's State values to what a reader knows.
        var known = new Dictionary<(Measure, int), List<double[]>>();
        var units = stats.Aggregate.States.GroupBy(s => (s.Measure, s.Year)).ToDictionary(g => g.Key, g => g.ToList());
        double[] Vector((Measure, int) key, IEnumerable<StateYear> parts, int? column)
        {
            var list = units[key];
            var v = new double[list.Count * 4];
            foreach (var part in parts)
            {
                var i = list.IndexOf(part);
                for (var c = 0; c < 4; c++)
                {
                    v[(i * 4) + c] = (column is null || column == c) && part.Figures.Categories[c].Value is not null ? 1 : 0;
                }
            }

            return v;
        }

        foreach (var row in stats.Regional.Where(r => r.IsCount && !r.Withheld && r.Value is not null))
        {
            var key = (row.Measure, row.Year);
            var column = Array.IndexOf(Counts, row.Indicator);
            var parts = units[key].Where(u => row.Region == Aggregator.Osce || u.Region == row.Region);
            known.TryAdd(key, []);
            known[key].Add(Vector(key, parts, column == 4 ? null : column));
        }

        foreach (var trend in stats.Trends.Where(t => t.Panel == "consistent" && !t.Withheld && t.Status != "insufficient"))
        {
            var inScope = stats.Aggregate.States.Where(s => s.Measure == trend.Measure && (trend.Region == Aggregator.Osce || s.Region == trend.Region)).ToList();
            var years = stats.Aggregate.Regions.Where(r => r.Region == trend.Region && r.Measure == trend.Measure && r.Figures.HasNumbers).Select(r => r.Year).ToList();
            var (from, to) = (years.Min(), years.Max());
            var members = inScope.Select(s => s.State).Distinct()
                .Where(st => Enumerable.Range(from, to - from + 1).All(y => inScope.Any(s => s.State == st && s.Year == y && s.Figures.HasNumbers)))
                .ToHashSet();
            int? column = trend.Series switch { Series.Internal => 0, Series.International => 1, _ => null };
            for (var y = from; y <= to; y++)
            {
                known[(trend.Measure, y)].Add(Vector((trend.Measure, y), inScope.Where(s => s.Year == y && members.Contains(s.State)), column));
            }
        }

        foreach (var row in stats.Regional.Where(r => r.IsCount && r.Withheld))
        {
            var key = (row.Measure, row.Year);
            var column = Array.IndexOf(Counts, row.Indicator);
            var target = Vector(key, units[key].Where(u => row.Region == Aggregator.Osce || u.Region == row.Region), column == 4 ? null : column);
            var rows = known.GetValueOrDefault(key) ?? [];
            var rank = rows.Count == 0 ? 0 : MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfRowArrays(rows).Rank();
            var withTarget = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfRowArrays([.. rows, target]).Rank();
            Assert.AreNotEqual(rank, withTarget, $"{context}: {row.Region} {row.Year} {row.Indicator} can be computed from the published counts and panel trends");
        }
    }

    /// <summary>A random submission: 1–25 States in 1–6 regions, 1–7 years, both measures, with many small counts and zeros.</summary>
    internal static (List<Observation> Observations, RegionMap Regions, int MinCell) Generate(int seed)
    {
        var random = new Random(seed);
        var k = new[] { 2, 3, 5, 5, 10 }[random.Next(5)];
        var states = Geography.BuiltIn.States.OrderBy(_ => random.Next()).Take(random.Next(1, 26)).Select(s => s.Alpha3).ToList();
        var regionCount = random.Next(1, 7);
        var map = RegionMap.FromEntries(
            [.. states.Select(s => new RegionEntry(s, "Region " + (char)('A' + random.Next(regionCount)), "generated"))],
            Geography.BuiltIn,
            out _);
        var first = 2010 + random.Next(3);
        var years = random.Next(1, 8);
        var observations = new List<Observation>();
        var row = 1;
        foreach (var state in states)
        {
            foreach (var measure in new[] { Measure.Children, Measure.Investigations }.Take(random.Next(1, 3)))
            {
                for (var year = first; year < first + years; year++)
                {
                    if (random.NextDouble() < 0.2)
                    {
                        continue;
                    }

                    foreach (var linkage in Enum.GetValues<LinkageCategory>())
                    {
                        var roll = random.NextDouble();
                        if (roll < 0.05)
                        {
                            continue;
                        }

                        var (count, flag) = roll switch
                        {
                            < 0.08 => ((long?)null, "m"),
                            < 0.10 => ((long?)null, "c"),
                            < 0.35 => ((long?)0, string.Empty),
                            < 0.65 => ((long?)random.Next(1, k + 2), string.Empty),
                            _ => ((long?)random.Next(5, 300), random.NextDouble() < 0.1 ? "p" : string.Empty),
                        };
                        observations.Add(new Observation(state, string.Empty, map.RegionOf(state, string.Empty)!, Period.OfYear(year), measure, linkage, count, flag,
                            new SourceRef("generated.csv", ++row, "count", 0, 0, LineSet.Of(row))));
                    }
                }
            }
        }

        return (observations, map, k);
    }
}
