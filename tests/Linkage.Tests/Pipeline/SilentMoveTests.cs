using static Linkage.Tests.Pipeline.PipelineTestKit;

namespace Linkage.Tests.Pipeline;

/// <summary>Cases where a figure would have moved silently to "unknown" or been overwritten.</summary>
[TestClass]
public sealed class SilentMoveTests
{
    [TestMethod]
    public void A_ragged_category_row_in_a_long_file_with_a_total_takes_its_group_with_it()
    {
        var run = RunText(
            "l.csv",
            "country,year,measure,trafficking,value\n"
            + "AUT,2020,children,total,10\n"
            + "AUT,2020,children,internal,4,oops\n"
            + "AUT,2020,children,international,2\n"
            + "DEU,2020,children,internal,1\n");

        AssertAccounting(run, read: 4, rejected: 3);
        AssertRejected(run, 3, "ragged-row");
        AssertRejected(run, 2, "rejected-with-group");
        AssertObservations(run, "DEU 2020 children internal 1");
    }

    [TestMethod]
    public void Two_total_columns_for_one_measure_reject_the_row_instead_of_overwriting()
    {
        var run = RunText("w.csv", "country,year,internal,total,children_total\nAUT,2020,1,5,6\n");

        AssertAccounting(run, read: 1, rejected: 1);
        StringAssert.Contains(AssertRejected(run, 2, "ambiguous-columns").Message, "columns 'total' and 'children_total' giving the same children figure");
    }
}
