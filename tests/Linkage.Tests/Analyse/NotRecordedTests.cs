using Linkage.Aggregate;
using Linkage.Analyse;
using Linkage.Pipeline;

using static Linkage.Tests.Aggregate.StatsKit;

namespace Linkage.Tests.Analyse;

/// <summary>A linkage category nobody recorded is published as not recorded (m), never as 0, and has no trend.</summary>
[TestClass]
public sealed class NotRecordedTests
{
    [TestMethod]
    public void A_category_no_state_of_the_region_recorded_is_empty_with_status_m_and_its_shares_too()
    {
        // Western Europe: FRA and DEU give totals only (linkage unknown); Southern Europe: ITA records internal 0.
        var stats = StatisticsRunner.Run(Obs("FRA 2019 unknown 40\nDEU 2019 unknown 30\nITA 2019 internal 0\nITA 2019 international 12\nITA 2019 unknown 8\n"), DefaultRegions, StatisticsOptions.Default);
        RegionalTrendRow Cell(string region, string indicator) => stats.Regional.Single(r => r.Region == region && r.Year == 2019 && r.Indicator == indicator);

        Assert.AreEqual((null, "m"), (Cell("Western Europe", "internal").Value, Cell("Western Europe", "internal").Status));
        Assert.AreEqual((null, "m"), (Cell("Western Europe", "international").Value, Cell("Western Europe", "international").Status));
        Assert.AreEqual((null, "m"), (Cell("Western Europe", "international_share").Value, Cell("Western Europe", "international_share").Status));
        Assert.AreEqual(70d, Cell("Western Europe", "total").Value);

        // A 0 that a State wrote is a recorded 0; not_trafficked, which nobody gave anywhere, is not recorded even in the OSCE row.
        Assert.AreEqual((0d, string.Empty), (Cell("Southern Europe", "internal").Value, Cell("Southern Europe", "internal").Status));
        Assert.AreEqual(12d, Cell("OSCE", "international").Value);
        Assert.AreEqual((null, "m"), (Cell("OSCE", "not_trafficked").Value, Cell("OSCE", "not_trafficked").Status));

        // ITA gives internal and international but never not_trafficked: the share of the trafficked among those
        // whose status is known would be 100 % by construction, so it is not recorded; the international share stands.
        Assert.AreEqual((null, "m"), (Cell("Southern Europe", "trafficked_share").Value, Cell("Southern Europe", "trafficked_share").Status));
        Assert.AreEqual(1d, Cell("Southern Europe", "international_share").Value);
    }

    [TestMethod]
    public void A_state_that_gave_no_number_at_all_does_not_turn_a_category_nobody_recorded_into_a_recorded_zero()
    {
        // GLOTIP's Central Asia 2022 children: TJK 8 and UZB 36 unknown, TKM's only figure '<5' (withheld, rows
        // 42772, 46196, 42951). TKM adds no number to any category, so internal is still not recorded, not 0.
        var stats = StatisticsRunner.Run(Obs("TJK 2022 unknown 8\nUZB 2022 unknown 36\nTKM 2022 unknown - c\n"), DefaultRegions, StatisticsOptions.Default);
        RegionalTrendRow Cell(string indicator) => stats.Regional.Single(r => r.Region == "Central Asia" && r.Year == 2022 && r.Indicator == indicator);

        Assert.AreEqual((null, "m"), (Cell("internal").Value, Cell("internal").Status));
        Assert.AreEqual((null, "m"), (Cell("not_trafficked").Value, Cell("not_trafficked").Status));
        Assert.AreEqual((null, "m"), (Cell("trafficked_share").Value, Cell("trafficked_share").Status));
    }

    [TestMethod]
    public void A_series_no_state_ever_recorded_has_no_trend_not_a_flat_one()
    {
        var lines = string.Join('\n', Enumerable.Range(2015, 6).Select(y => $"FRA {y} unknown {40 + y - 2015}\nDEU {y} unknown {30 + y - 2015}"));

        var stats = StatisticsRunner.Run(Obs(lines), DefaultRegions, StatisticsOptions.Default);

        var internalTrend = stats.Trends.Single(t => t.Region == "Western Europe" && t.Series == Series.Internal && t.Panel == "all");
        Assert.AreEqual(TrendSummary.NotRecorded, internalTrend.Status);
        Assert.IsNull(internalTrend.Apc);
        var total = stats.Trends.Single(t => t.Region == "Western Europe" && t.Series == Series.Total && t.Panel == "all");
        Assert.IsNotNull(total.Apc);
    }
}
