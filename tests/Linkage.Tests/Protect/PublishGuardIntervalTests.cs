using Linkage.Aggregate;
using Linkage.Analyse;
using Linkage.Model;
using Linkage.Protect;

namespace Linkage.Tests.Protect;

/// <summary>The guard's linear attack on the rows as written (<see cref="PublishGuard.CheckIntervals"/>).</summary>
[TestClass]
public sealed class PublishGuardIntervalTests
{
    // R1 (2, 8, 0, 0 | 10), R2 (3, 7, 0, 0 | 10), OSCE (5, 15, 0, 0 | 20). With the internal and international cells of
    // R1 and R2 withheld, a reader has a + b = 10, c + d = 10, a + c = 5, b + d = 15: a and c each lie in [0, 5]
    // (worked by hand in LinearAttackTests).
    private static readonly List<RegionYear> Regions = SecondarySuppressionTests.Table(("R1", [2, 8, 0, 0]), ("R2", [3, 7, 0, 0]));

    [TestMethod]
    public void The_guard_names_each_small_count_the_written_rows_narrow_below_the_level()
    {
        var breaches = PublishGuard.CheckIntervals(Rectangle(), RegionalProtection.Run(Regions, 5), level: 5);

        CollectionAssert.AreEqual(
            new[]
            {
                "R1 2024 children internal: a withheld small count is narrowed by the published counts to 0 … 5, less than ± 5 around it",
                "R2 2024 children internal: a withheld small count is narrowed by the published counts to 0 … 5, less than ± 5 around it",
            },
            breaches.Select(b => b.Message).ToArray(),
            "2 + 5 = 7 and 3 + 5 = 8 lie beyond 5; the 8 and 7 withheld beside them are not small");
    }

    [TestMethod]
    public void The_guard_passes_the_same_rows_at_a_level_the_intervals_meet()
    {
        // Level 2: a = 2 needs 0 and 4, c = 3 needs 1 and 5, both inside [0, 5].
        Assert.IsEmpty(PublishGuard.CheckIntervals(Rectangle(), RegionalProtection.Run(Regions, 5), level: 2));
    }

    [TestMethod]
    public void The_pipelines_own_tables_pass_the_guard()
    {
        var protection = RegionalProtection.Run(Regions, 5);
        var rows = RegionalTrends.Build(protection).Select(r => r.ToPublished()).ToList();

        Assert.IsTrue(rows.Any(r => r.Withheld), "the table has withheld cells to attack");
        Assert.IsEmpty(PublishGuard.CheckIntervals(rows, protection, protection.ProtectionLevel));
    }

    /// <summary>The five count cells of each row as written, the internal and international cells of R1 and R2 withheld.</summary>
    private static List<PublishedCell> Rectangle()
    {
        var rows = new List<PublishedCell>();
        foreach (var region in Regions)
        {
            var values = region.Figures.Categories.Select(c => c.Value).Append(region.Figures.Total.Value).ToArray();
            for (var c = 0; c < 5; c++)
            {
                var withheld = !region.IsOsce && c < 2;
                rows.Add(new PublishedCell(region.Region, region.Year, region.Measure, RegionalProtection.ColumnCodes[c], withheld ? null : values[c], withheld));
            }
        }

        return rows;
    }
}
