using Linkage.Aggregate;
using Linkage.Model;
using Linkage.Protect;

using static Linkage.Tests.Aggregate.StatsKit;

namespace Linkage.Tests.Protect;

/// <summary>
/// The publish guard re-checks the heat map's State-year cells against the State totals, independently of the binning
/// (design.md "Disclosure control": a class only from a total of 5·(k + 1), one of five 20 % classes, "no cases" only
/// for a total of 0), and says where and what as a typed breach.
/// </summary>
[TestClass]
public sealed class PublishGuardStatesTests
{
    private static readonly StateYear[] States =
    [
        new("FRA", "R", 2019, Measure.Children, Figures(internalCount: 20, unknown: 20)),
        new("DEU", "R", 2019, Measure.Children, Figures(internalCount: 3, unknown: 0)),
        new("ITA", "R", 2019, Measure.Children, Figures(internalCount: 0, unknown: 0)),
    ];

    private static LinkageFigures Figures(long internalCount, long unknown) =>
        LinkageFigures.Of([new Figure(internalCount, ""), new Figure(0, ""), new Figure(0, ""), new Figure(unknown, "")]);

    [TestMethod]
    public void The_binning_of_the_protect_stage_passes_the_guard()
    {
        var cells = StateCompleteness.Build(States, 5);

        Assert.IsEmpty(PublishGuard.CheckStates(cells, States, 5));
        Assert.IsNotEmpty(PublishGuard.CheckStates(StateCompleteness.Build(States, 5), States, 10), "at k = 10 FRA's total 40 is below 5·11 = 55, so the k = 5 binning must fail");
    }

    [TestMethod]
    public void A_class_for_a_small_total_an_odd_class_and_a_false_no_cases_are_each_a_breach()
    {
        StateCompletenessCell[] cells =
        [
            new("DEU", 2019, Measure.Children, StateCellKind.Share, 0.8),
            new("FRA", 2019, Measure.Children, StateCellKind.Share, 0.5),
            new("FRA", 2019, Measure.Children, StateCellKind.NoCases, null),
            new("ITA", 2019, Measure.Children, StateCellKind.Withheld, 0.2),
        ];

        var breaches = PublishGuard.CheckStates(cells, States, 5);

        CollectionAssert.AreEqual(
            new[]
            {
                "DEU 2019 children completeness class is shown for a total of 3, below 30",
                "FRA 2019 children completeness class is 0.5, not one of the 20 % classes",
                "FRA 2019 children completeness class says no cases for a total of 40",
                "ITA 2019 children completeness class carries a share although the cell shows none",
            },
            breaches.Select(b => b.Message).ToList());
        Assert.AreEqual("DEU 2019 children completeness class", breaches[0].Where);
    }

    [TestMethod]
    public void A_planted_small_published_count_is_a_typed_breach_naming_its_cell()
    {
        var observations = Obs("""
            FRA 2019 internal 30
            FRA 2019 international 10
            DEU 2019 internal 20
            DEU 2019 international 12
            """);
        var stats = Linkage.Pipeline.StatisticsRunner.Run(observations, DefaultRegions, Linkage.Analyse.StatisticsOptions.Default);
        Assert.IsEmpty(stats.Breaches);
        var cells = stats.Regional.Select(r => r.ToPublished()).ToList();
        var i = cells.FindIndex(c => c.Indicator == "international" && c.Value is not null);
        cells[i] = cells[i] with { Value = 3 };

        var breach = PublishGuard.Check(cells, [.. stats.Trends.Select(t => t.ToPublished())], 5)[0];

        Assert.AreEqual($"{cells[i].Region} 2019 children international", breach.Where);
        Assert.AreEqual("publishes the count 3 below the threshold 5", breach.Finding);
    }
}
