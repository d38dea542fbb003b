using System.Text;

using Linkage.Aggregate;
using Linkage.Analyse;
using Linkage.Config;
using Linkage.Pipeline;
using Linkage.Recognise;

using static Linkage.Tests.Aggregate.StatsKit;

using SeriesKind = Linkage.Aggregate.Series;

namespace Linkage.Tests.Analyse;

[TestClass]
public sealed class TrendSummaryTests
{
    private static string Series(string state, string linkage, int first, params int[] counts)
    {
        var text = new StringBuilder();
        for (var i = 0; i < counts.Length; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{state} {first + i} {linkage} {counts[i]}\n");
        }

        return text.ToString();
    }

    private static IReadOnlyList<TrendRow> Run(string lines, YearWindow window = default, int k = 5) =>
        StatisticsRunner.Run(Obs(lines), DefaultRegions, new StatisticsOptions(k, window)).Trends;

    private static TrendRow Get(IReadOnlyList<TrendRow> rows, string region, SeriesKind series, string panel) =>
        rows.Single(r => r.Region == region && r.Series == series && r.Panel == panel && r.Measure == Linkage.Model.Measure.Children);

    [TestMethod]
    public void TrendSummary_gives_the_APC_of_the_statsmodels_reference_series()
    {
        // statsmodels 0.13.5 GLM Poisson on 2015–2022: APC 17.101529 %, 95 % CI 7.769746 … 27.241351 (../shared/reference/README.md).
        var rows = Run(Series("FRA", "unknown", 2015, 12, 15, 14, 21, 25, 24, 31, 37));

        var all = Get(rows, "OSCE", SeriesKind.Total, "all");
        Assert.AreEqual(17.101529, all.Apc!.Apc, 0.01);
        Assert.AreEqual(7.769746, all.Apc.ApcLow, 0.01);
        Assert.AreEqual(27.241351, all.Apc.ApcHigh, 0.01);
        Assert.AreEqual((2015, 2022, 8), (all.FirstYear, all.LastYear, all.Years));
        Assert.AreEqual(string.Empty, all.Status);

        // Mann–Kendall S by hand: of the 28 pairs, 26 rise and 2 fall (15→14, 25→24), so S = 26 − 2 = 24.
        Assert.AreEqual(24, all.MannKendall!.S);
        Assert.AreEqual(Get(rows, "OSCE", SeriesKind.Total, "consistent").Apc!.Apc, all.Apc.Apc, 1e-12, "one State reporting every year is its own panel");
    }

    [TestMethod]
    public void TrendSummary_says_insufficient_below_five_years_and_leaves_the_statistics_empty()
    {
        var rows = Run(Series("FRA", "unknown", 2015, 12, 15, 14, 21));

        var all = Get(rows, "Western Europe", SeriesKind.Total, "all");
        Assert.AreEqual("insufficient", all.Status);
        Assert.AreEqual(4, all.Years);
        Assert.IsNull(all.Apc);
        Assert.IsNull(all.MannKendall);
        Assert.IsNull(all.SenSlope);
    }

    [TestMethod]
    public void TrendSummary_leaves_years_without_data_out_instead_of_filling_zeros()
    {
        var rows = Run(Series("FRA", "unknown", 2010, 50, 90, 40, 120, 70) + Series("FRA", "unknown", 2016, 110, 180, 90, 220));

        var all = Get(rows, "OSCE", SeriesKind.Total, "all");
        Assert.AreEqual((2010, 2019, 9), (all.FirstYear, all.LastYear, all.Years));
        var expected = TrendModel.Apc([2010, 2011, 2012, 2013, 2014, 2016, 2017, 2018, 2019], [50, 90, 40, 120, 70, 110, 180, 90, 220]);
        Assert.AreEqual(expected!.Apc, all.Apc!.Apc, 1e-9);

        // A State missing 2015 is in no panel that spans 2015: the window is the region's first to last year with data.
        Assert.AreEqual(0, Get(rows, "OSCE", SeriesKind.Total, "consistent").Years);
        Assert.AreEqual("insufficient", Get(rows, "OSCE", SeriesKind.Total, "consistent").Status);
    }

    [TestMethod]
    public void TrendSummary_consistent_panel_keeps_only_States_that_reported_every_year()
    {
        // FRA reports 2015–2021; DEU joins in 2018 with large numbers: the all-reporters series jumps, the panel does not.
        var lines = Series("FRA", "unknown", 2015, 100, 102, 98, 101, 99, 103, 100) + Series("DEU", "unknown", 2018, 400, 410, 390, 405);

        var rows = Run(lines);

        var all = Get(rows, "Western Europe", SeriesKind.Total, "all");
        var panel = Get(rows, "Western Europe", SeriesKind.Total, "consistent");
        Assert.IsGreaterThan(30.0, all.Apc!.Apc, "a change in who reports looks like a steep trend");
        Assert.AreEqual(TrendModel.Apc([2015, 2016, 2017, 2018, 2019, 2020, 2021], [100, 102, 98, 101, 99, 103, 100])!.Apc, panel.Apc!.Apc, 1e-9);
        Assert.AreEqual(7, panel.Years);
    }

    [TestMethod]
    public void TrendSummary_panel_follows_the_from_and_to_window()
    {
        var lines = Series("FRA", "unknown", 2015, 100, 102, 98, 101, 99, 103, 100) + Series("DEU", "unknown", 2017, 400, 410, 390, 405, 420);

        var rows = Run(lines, new YearWindow(2017, 2021));

        var panel = Get(rows, "Western Europe", SeriesKind.Total, "consistent");
        Assert.AreEqual((2017, 2021, 5), (panel.FirstYear, panel.LastYear, panel.Years));
        Assert.AreEqual(TrendModel.Apc([2017, 2018, 2019, 2020, 2021], [498, 511, 489, 508, 520])!.Apc, panel.Apc!.Apc, 1e-9);
    }

    [TestMethod]
    public void TrendSummary_withholds_a_trend_whose_series_has_a_suppressed_year()
    {
        // 2017's internal count of 3 is suppressed; with the APC and the other years published it could be solved for.
        var rows = Run(Series("FRA", "internal", 2015, 40, 45, 3, 50, 52, 55) + Series("FRA", "unknown", 2015, 60, 60, 60, 60, 60, 60));

        var internalAll = Get(rows, "OSCE", SeriesKind.Internal, "all");
        Assert.IsTrue(internalAll.Withheld);
        Assert.AreEqual("c", internalAll.Status);
        Assert.IsNull(internalAll.Apc);
        Assert.AreEqual(6, internalAll.Years);
        Assert.IsTrue(Get(rows, "OSCE", SeriesKind.Internal, "consistent").Withheld);
    }

    [TestMethod]
    public void TrendSummary_withholds_a_panel_trend_with_a_small_yearly_value_even_when_the_regional_counts_are_published()
    {
        // FRA (every year, internal 2) is the panel; DEU (2015–2017) and NLD (2018–2020) make the regional internal counts large.
        var lines = Series("FRA", "internal", 2015, 2, 2, 2, 2, 2, 2) + Series("FRA", "unknown", 2015, 50, 50, 50, 50, 50, 50)
            + Series("DEU", "internal", 2015, 30, 31, 32) + Series("DEU", "unknown", 2015, 50, 50, 50)
            + Series("NLD", "internal", 2018, 33, 34, 35) + Series("NLD", "unknown", 2018, 50, 50, 50);

        var rows = Run(lines);

        Assert.IsFalse(Get(rows, "Western Europe", SeriesKind.Internal, "all").Withheld);
        Assert.IsTrue(Get(rows, "Western Europe", SeriesKind.Internal, "consistent").Withheld);

        Assert.IsFalse(Get(rows, "Western Europe", SeriesKind.Total, "consistent").Withheld, "FRA's total of 52 a year is no small group");
    }

    [TestMethod]
    public void TrendSummary_leaves_out_a_year_whose_value_was_withheld_at_source_instead_of_reading_it_as_zero()
    {
        var rows = Run(Series("SWE", "unknown", 2015, 50, 50, 50, 50, 50) + """
            SWE 2015 internal 10
            SWE 2016 internal 10
            SWE 2017 internal - c
            SWE 2018 internal 10
            SWE 2019 internal 10
            """);

        var internalAll = Get(rows, "Northern Europe", SeriesKind.Internal, "all");
        Assert.AreEqual(4, internalAll.Years);
        Assert.AreEqual("insufficient", internalAll.Status);
    }

    [TestMethod]
    public void TrendSummary_withholds_an_OSCE_panel_trend_that_would_give_back_a_cell_withheld_in_another_region()
    {
        // Found in review: SWE alone is the OSCE panel (flat 10 internal); in 2017 Northern Europe's internal and
        // international are withheld to protect an international 3. The panel trend's interval gives SE, hence SWE's
        // 10, hence Northern Europe's 2017 internal, hence the 3 from the row.
        var lines = """
            SWE 2015 internal 10
            SWE 2016 internal 10
            SWE 2017 internal 10
            SWE 2018 internal 10
            SWE 2019 internal 10
            SWE 2017 international 3
            SWE 2017 not_trafficked 20
            DEU 2017 internal 20
            DEU 2017 international 20
            """;

        var rows = Run(lines);

        Assert.IsTrue(Get(rows, "OSCE", SeriesKind.Internal, "consistent").Withheld);
    }

    [TestMethod]
    public void TrendSummary_withholds_a_panel_trend_when_the_rest_of_the_region_is_a_small_count()
    {
        // Found in review: Northern Europe's 2017 internal is published as 12, and SWE's panel trend reveals its 10,
        // so NOR's 2 would be out.
        var lines = Series("SWE", "internal", 2015, 10, 10, 10, 10, 10) + "NOR 2017 internal 2";

        var rows = Run(lines);

        Assert.IsFalse(Get(rows, "Northern Europe", SeriesKind.Internal, "all").Withheld);
        Assert.IsTrue(Get(rows, "Northern Europe", SeriesKind.Internal, "consistent").Withheld);
        Assert.IsTrue(Get(rows, "OSCE", SeriesKind.Internal, "consistent").Withheld);
    }

    [TestMethod]
    public void TrendSummary_withholds_the_panel_trend_whose_difference_with_the_others_gives_a_small_group()
    {
        // Found in review: with the total, internal and international panel trends of region A all published, a
        // reader learns FRA's 2017 figures, then BEL's from the regional cells: not trafficked + unknown = 2.
        var regions = RegionMap.FromEntries([new("FRA", "A", "test"), new("BEL", "A", "test")], Geography.BuiltIn, out _);
        var lines = string.Concat(Enumerable.Range(2015, 5).Select(y => $"FRA {y} internal 20\nFRA {y} international 20\nFRA {y} not_trafficked 20\nFRA {y} unknown 20\n"))
            + "BEL 2017 internal 10\nBEL 2017 international 10\nBEL 2017 not_trafficked 1\nBEL 2017 unknown 1";

        var rows = StatisticsRunner.Run(Obs(lines, regions), regions, StatisticsOptions.Default).Trends;

        var published = rows.Where(r => r.Region == "A" && r.Panel == "consistent" && !r.Withheld).Select(r => r.Series).ToList();
        Assert.IsFalse(published.Contains(SeriesKind.Total) && published.Contains(SeriesKind.Internal) && published.Contains(SeriesKind.International), "not all three");
        Assert.IsTrue(published.Contains(SeriesKind.Total), "the total alone gives nothing small away");
    }

    [TestMethod]
    public void TrendSummary_withholds_an_OSCE_panel_trend_that_isolates_a_small_group_across_two_regions()
    {
        // Found in review: the OSCE panel (FRA, BEL, AUT) in 2017 beside regions B and C that gained one State each:
        // BEL + AUT = 3 children would follow from the OSCE panel sum and region A.
        var regions = RegionMap.FromEntries(
            [new("FRA", "A", "t"), new("BEL", "B", "t"), new("NLD", "B", "t"), new("AUT", "C", "t"), new("CHE", "C", "t")], Geography.BuiltIn, out _);
        var text = new StringBuilder();
        foreach (var y in new[] { 2015, 2016, 2018, 2019 })
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"FRA {y} internal 80\nBEL {y} internal 40\nAUT {y} internal 40\n");
        }

        text.Append("FRA 2017 internal 80\nBEL 2017 internal 1\nAUT 2017 internal 2\nNLD 2017 internal 40\nCHE 2017 internal 40\n");

        var rows = StatisticsRunner.Run(Obs(text.ToString(), regions), regions, StatisticsOptions.Default).Trends;

        Assert.IsTrue(rows.Single(r => r.Region == "OSCE" && r.Series == SeriesKind.Total && r.Panel == "consistent").Withheld);
    }

    [TestMethod]
    public void TrendSummary_does_not_publish_two_panel_series_whose_difference_is_a_small_count()
    {
        // Found in review: CHE's 2017 total (11) and internal (9) panel sums would give its other categories = 2.
        var regions = RegionMap.FromEntries([new("CHE", "A", "t"), new("NLD", "A", "t")], Geography.BuiltIn, out _);
        var lines = string.Concat(new[] { 2015, 2016, 2018, 2019 }.Select(y => $"CHE {y} internal 20\nCHE {y} international 20\n"))
            + "CHE 2017 internal 9\nCHE 2017 international 2\nNLD 2017 internal 10\nNLD 2017 international 10\nNLD 2017 not_trafficked 10\nNLD 2017 unknown 10";

        var rows = StatisticsRunner.Run(Obs(lines, regions), regions, StatisticsOptions.Default).Trends;

        var published = rows.Where(r => r.Region == "A" && r.Panel == "consistent" && !r.Withheld).Select(r => r.Series).ToList();
        Assert.IsFalse(published.Contains(SeriesKind.International), "CHE's international 2 itself");
        Assert.IsFalse(published.Contains(SeriesKind.Total) && published.Contains(SeriesKind.Internal), "11 − 9 = 2");
    }

    [TestMethod]
    public void TrendSummary_carries_the_flags_of_the_values_it_used()
    {
        var rows = Run(Series("FRA", "unknown", 2015, 12, 15, 14, 21, 25, 24, 31) + "FRA 2022 unknown 37 p");

        Assert.AreEqual("p", Get(rows, "OSCE", SeriesKind.Total, "all").Status);
    }
}
