using BenchmarkDotNet.Attributes;

using Linkage.Analyse;
using Linkage.Config;
using Linkage.Model;
using Linkage.Pipeline;
using Linkage.Recognise;

namespace Linkage.Benchmarks;

/// <summary>
/// Aggregate → protect → analyse on reconciled observations: all 57 States over 20 years and both measures, with many
/// small counts, in the 8 default M49 regions or in 60 regions (subnational work: every State in ten areas, the areas
/// spread over 60 regions). Run: <c>dotnet run -c Release --project tests/Linkage.Benchmarks -- --filter '*Statistics*'</c>.
/// </summary>
[MemoryDiagnoser]
public class StatisticsBenchmarks
{
    private List<Observation> _observations = [];
    private RegionMap _regions = RegionMap.Default(Geography.BuiltIn);

    [Params(8, 60)]
    public int Regions { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(7);
        var states = Geography.BuiltIn.States.Select(s => s.Alpha3).ToList();
        var areas = Regions == 8 ? [string.Empty] : Enumerable.Range(1, 10).Select(i => "area " + i).ToArray();
        _regions = Regions == 8
            ? RegionMap.Default(Geography.BuiltIn)
            : RegionMap.FromEntries(
                [.. states.SelectMany(s => areas.Select(a => new RegionEntry(s + "/" + a, "region " + rng.Next(Regions), "bench"))).Concat(states.Select(s => new RegionEntry(s, "region 0", "bench")))],
                Geography.BuiltIn,
                out _);
        _observations = [];
        var row = 1;
        foreach (var state in states)
        {
            foreach (var area in areas)
            {
                foreach (var measure in new[] { Measure.Children, Measure.Investigations })
                {
                    for (var year = 2005; year < 2025; year++)
                    {
                        foreach (var linkage in Enum.GetValues<LinkageCategory>())
                        {
                            long count = rng.NextDouble() < 0.3 ? rng.Next(0, 5) : rng.Next(5, 200);
                            _observations.Add(new Observation(state, area, _regions.RegionOf(state, area)!, Period.OfYear(year), measure, linkage, count, string.Empty,
                                new SourceRef("bench.csv", ++row, "count", 0, 0, LineSet.Of(row))));
                        }
                    }
                }
            }
        }
    }

    [Benchmark]
    public int Statistics()
    {
        var result = StatisticsRunner.Run(_observations, _regions, StatisticsOptions.Default);
        return result.Regional.Count + result.Trends.Count + result.Protection.SecondaryCount;
    }
}
