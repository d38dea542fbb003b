using Linkage.Aggregate;
using Linkage.Model;
using Linkage.Render;

using static Linkage.Tests.Aggregate.StatsKit;

namespace Linkage.Tests.Render;

[TestClass]
public sealed class StateCompletenessTests
{
    private static string Show(StateCompletenessCell c) =>
        $"{c.State} {c.Year} {c.Kind}" + (c.ShareClass is { } s ? " " + s.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) : string.Empty);

    [TestMethod]
    public void StateCompleteness_gives_each_kind_and_10_percent_class_when_built_from_a_small_example()
    {
        // FRA 2019: (40 − 20) / 40 = 0.5. FRA 2020: total 0. FRA 2021: nothing sent.
        // DEU 2019: total 3 < k = 5 → suppressed. DEU 2020: 7 of 7 recorded → 100 %. DEU 2021: only a missing value.
        // ITA 2019: 3 / 10 = 0.3 exactly (a floating-point floor would give 0.2). ITA 2020: 19 / 20 = 0.95 → the 90 % class.
        var states = Aggregator.Run(Obs("""
            FRA 2019 internal 10
            FRA 2019 international 5
            FRA 2019 not_trafficked 5
            FRA 2019 unknown 20
            FRA 2020 internal 0
            DEU 2019 internal 1
            DEU 2019 unknown 2
            DEU 2020 internal 7
            DEU 2021 internal - m
            ITA 2019 internal 3
            ITA 2019 unknown 7
            ITA 2020 international 19
            ITA 2020 unknown 1
            ITA 2021 unknown 6 p
            """), DefaultRegions, default).States;

        var cells = StateCompleteness.Build(states, 5);

        CollectionAssert.AreEqual(
            new[]
            {
                "DEU 2019 Withheld", "DEU 2020 Share 1.0", "DEU 2021 NotReported",
                "FRA 2019 Share 0.5", "FRA 2020 NoCases", "FRA 2021 NotReported",
                "ITA 2019 Share 0.3", "ITA 2020 Share 0.9", "ITA 2021 Share 0.0",
            },
            cells.Select(Show).ToArray());
        Assert.IsTrue(cells.All(c => c.Measure == Measure.Children));
    }

    [TestMethod]
    public void StateCompleteness_sums_a_State_over_its_regions_when_its_areas_lie_in_several()
    {
        // Each part alone is below k; the State's year is not: 10 children, 5 with linkage recorded.
        var parts = new[]
        {
            new StateYear("ESP", "North", 2019, Measure.Children, Figures(internalCount: 3, unknown: 0)),
            new StateYear("ESP", "South", 2019, Measure.Children, Figures(internalCount: 2, unknown: 5)),
        };

        var cell = StateCompleteness.Build(parts, 5).Single();

        Assert.AreEqual(StateCellKind.Share, cell.Kind);
        Assert.AreEqual(0.5, cell.ShareClass);
    }

    [TestMethod]
    public void StateCompleteness_keeps_the_measures_apart_when_both_are_reported()
    {
        var states = Aggregator.Run(Obs("""
            FRA 2019 internal 10
            FRA 2020 internal:investigations 8
            FRA 2020 unknown:investigations 2
            """), DefaultRegions, default).States;

        var cells = StateCompleteness.Build(states, 5);

        CollectionAssert.AreEqual(
            new[] { "Children FRA 2019 Share", "Investigations FRA 2020 Share" },
            cells.Select(c => $"{c.Measure} {c.State} {c.Year} {c.Kind}").ToArray(),
            "each measure spans its own years");
        Assert.AreEqual(0.8, cells[1].ShareClass);
    }

    private static LinkageFigures Figures(long internalCount, long unknown) =>
        LinkageFigures.Of([new Figure(internalCount, ""), new Figure(0, ""), new Figure(0, ""), new Figure(unknown, "")]);
}
