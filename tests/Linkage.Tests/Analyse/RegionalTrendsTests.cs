using Linkage.Aggregate;
using Linkage.Analyse;
using Linkage.Pipeline;

using static Linkage.Tests.Aggregate.StatsKit;

namespace Linkage.Tests.Analyse;

[TestClass]
public sealed class RegionalTrendsTests
{
    private static IReadOnlyList<RegionalTrendRow> Run(string lines, int k = 5) =>
        StatisticsRunner.Run(Obs(lines), DefaultRegions, new StatisticsOptions(k, default)).Regional;

    private static RegionalTrendRow Get(IReadOnlyList<RegionalTrendRow> rows, string region, int year, string indicator) =>
        rows.Single(r => r.Region == region && r.Year == year && r.Indicator == indicator);

    [TestMethod]
    public void RegionalTrends_gives_shares_with_the_Wilson_interval_of_Newcombe_1998_table_I()
    {
        // completeness = (263 − 182) / 263 = 81 / 263; Newcombe (1998), Statistics in Medicine 17:857, Table I, method 3: 0.2553 – 0.3662.
        var rows = Run("""
            FRA 2019 internal 33
            FRA 2019 international 15
            FRA 2019 not_trafficked 33
            FRA 2019 unknown 182
            """);

        var completeness = Get(rows, "Western Europe", 2019, "completeness");
        Assert.AreEqual(81.0 / 263, completeness.Value!.Value, 1e-12);
        Assert.AreEqual(0.2553, completeness.Interval!.Value.Low, 1e-4);
        Assert.AreEqual(0.3662, completeness.Interval!.Value.High, 1e-4);
        Assert.AreEqual(48.0 / 81, Get(rows, "Western Europe", 2019, "trafficked_share").Value!.Value, 1e-12);
        Assert.AreEqual(15.0 / 48, Get(rows, "Western Europe", 2019, "international_share").Value!.Value, 1e-12);
        Assert.AreEqual(263.0, Get(rows, "OSCE", 2019, "total").Value);
        Assert.AreEqual(1, Get(rows, "OSCE", 2019, "total").StatesReporting);
    }

    [TestMethod]
    public void RegionalTrends_writes_the_indicators_in_the_order_of_design_md()
    {
        var rows = Run("FRA 2019 internal 33");

        CollectionAssert.AreEqual(RegionalTrends.Indicators, rows.Where(r => r.Region == "OSCE").Select(r => r.Indicator).ToArray());
        CollectionAssert.AreEqual(
            new[] { "internal", "international", "not_trafficked", "unknown", "total", "completeness", "trafficked_share", "international_share", "yoy_change" },
            RegionalTrends.Indicators);
    }

    [TestMethod]
    public void RegionalTrends_withholds_a_share_made_of_a_suppressed_count()
    {
        // International 3 is suppressed, and with it the internal 40 (its complement): the shares that use them would give them back.
        var rows = Run("""
            FRA 2019 internal 40
            FRA 2019 international 3
            FRA 2019 not_trafficked 60
            FRA 2019 unknown 70
            """);

        Assert.IsTrue(Get(rows, "Western Europe", 2019, "international").Withheld);
        Assert.IsTrue(Get(rows, "Western Europe", 2019, "international_share").Withheld);
        Assert.AreEqual("c", Get(rows, "Western Europe", 2019, "trafficked_share").Status);
        Assert.IsNull(Get(rows, "Western Europe", 2019, "trafficked_share").Value);
        var completeness = Get(rows, "Western Europe", 2019, "completeness");
        Assert.AreEqual(103.0 / 173, completeness.Value!.Value, 1e-12, "total and unknown are published, so completeness is");
    }

    [TestMethod]
    public void RegionalTrends_gives_the_year_on_year_change_of_the_total_and_leaves_it_empty_without_a_usable_previous_year()
    {
        var rows = Run("""
            FRA 2018 internal 0
            FRA 2019 internal 100
            FRA 2020 internal 125 p
            FRA 2022 internal 90
            """);

        Assert.IsNull(Get(rows, "OSCE", 2018, "yoy_change").Value, "no 2017");
        Assert.IsNull(Get(rows, "OSCE", 2019, "yoy_change").Value, "2018 is 0");
        Assert.AreEqual(0.25, Get(rows, "OSCE", 2020, "yoy_change").Value!.Value, 1e-12);
        Assert.AreEqual("p", Get(rows, "OSCE", 2020, "yoy_change").Status);
        Assert.IsNull(Get(rows, "OSCE", 2022, "yoy_change").Value, "no 2021");
        Assert.IsFalse(Get(rows, "OSCE", 2022, "yoy_change").Withheld);
    }

    [TestMethod]
    public void RegionalTrends_withholds_the_change_next_to_a_suppressed_total()
    {
        var rows = Run("""
            FRA 2019 internal 3
            FRA 2020 internal 50
            FRA 2021 internal 60
            """);

        Assert.IsTrue(Get(rows, "OSCE", 2019, "total").Withheld);
        Assert.IsTrue(Get(rows, "OSCE", 2020, "yoy_change").Withheld, "50 / 3 would give the 3 back");
        Assert.AreEqual(0.2, Get(rows, "OSCE", 2021, "yoy_change").Value!.Value, 1e-12);
    }

    [TestMethod]
    public void RegionalTrends_publishes_a_figure_with_a_confidential_component_with_its_flag_not_as_suppressed()
    {
        var rows = Run("""
            FRA 2019 internal 30
            DEU 2019 internal - c
            """);

        var cell = Get(rows, "Western Europe", 2019, "internal");
        Assert.AreEqual(30.0, cell.Value);
        Assert.AreEqual("c", cell.Status);
        Assert.IsFalse(cell.Withheld);
        Assert.AreEqual(2, cell.StatesReporting);
    }

    [TestMethod]
    public void RegionalTrends_leaves_shares_empty_when_the_denominator_is_zero()
    {
        var rows = Run("""
            FRA 2019 not_trafficked 0
            FRA 2019 unknown 12
            """);

        Assert.AreEqual(0.0, Get(rows, "OSCE", 2019, "completeness").Value);
        Assert.IsNull(Get(rows, "OSCE", 2019, "trafficked_share").Value);
        Assert.IsNull(Get(rows, "OSCE", 2019, "international_share").Value);
        Assert.IsFalse(Get(rows, "OSCE", 2019, "international_share").Withheld);
    }
}
