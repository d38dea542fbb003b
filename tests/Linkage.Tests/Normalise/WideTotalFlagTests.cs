using static Linkage.Tests.Pipeline.PipelineTestKit;

namespace Linkage.Tests.Normalise;

/// <summary>A value the source withheld keeps its flag through the total rule.</summary>
[TestClass]
public sealed class WideTotalFlagTests
{
    [TestMethod]
    public void Wide_confidential_total_beside_categories_leaves_a_withheld_unknown_flagged_c()
    {
        var run = RunText("t.csv", "country,year,internal,international,total\nFRA,2019,3,2,c\n");

        AssertAccounting(run, read: 1, rejected: 0);
        AssertObservations(run, "FRA 2019 children internal 3", "FRA 2019 children international 2", "FRA 2019 children unknown _ c");
    }

    [TestMethod]
    public void Wide_confidential_unknown_derived_from_the_total_keeps_flag_c()
    {
        var run = RunText("t.csv", "country,year,internal,unknown,total\nFRA,2019,5,c,10\n");

        AssertAccounting(run, read: 1, rejected: 0);
        AssertObservations(run, "FRA 2019 children internal 5", "FRA 2019 children unknown 5 c");
    }

    [TestMethod]
    public void Wide_empty_total_beside_categories_adds_no_unknown()
    {
        var run = RunText("t.csv", "country,year,internal,international,total\nFRA,2019,3,2,\n");

        AssertObservations(run, "FRA 2019 children internal 3", "FRA 2019 children international 2");
    }
}
