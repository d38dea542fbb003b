using static Linkage.Tests.Pipeline.PipelineTestKit;

namespace Linkage.Tests.Normalise;

[TestClass]
public sealed class SdmxAndMarkerTests
{
    [TestMethod]
    public void Sdmx_v2_row_with_action_D_is_rejected_because_a_delete_is_not_data()
    {
        var run = RunText(
            "v2.csv",
            "STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,MEASURE,LINKAGE,TIME_PERIOD,OBS_VALUE\n"
            + "dataflow,OSCE:P23(1.0),I,AUT,CHILDREN,INTERNAL,2020,4\n"
            + "dataflow,OSCE:P23(1.0),D,AUT,CHILDREN,INTERNATIONAL,2020,9\n");

        AssertAccounting(run, read: 2, rejected: 1);
        var reject = AssertRejected(run, 3, "sdmx-action");
        Assert.AreEqual("ACTION", reject.Column);
        AssertObservations(run, "AUT 2020 children internal 4");
    }

    [TestMethod]
    public void German_k_A_is_a_missing_value_marker_in_a_count_cell()
    {
        var run = RunText("de.csv", "Land;Jahr;Messgröße;intern;grenzüberschreitend;Insgesamt\nÖsterreich;2020;Kinder;k. A.;3;10\n");

        AssertAccounting(run, read: 1, rejected: 0);
        AssertObservations(run, "AUT 2020 children international 3", "AUT 2020 children unknown 7");
    }
}
