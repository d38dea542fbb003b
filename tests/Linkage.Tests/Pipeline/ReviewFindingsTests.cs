using Linkage.Config;
using Linkage.Problems;
using Linkage.Recognise;

using static Linkage.Tests.Pipeline.PipelineTestKit;

namespace Linkage.Tests.Pipeline;

/// <summary>Cases a second reading of the code found; each once lost or misread a value.</summary>
[TestClass]
public sealed class ReviewFindingsTests
{
    [TestMethod]
    public void A_count_column_in_a_wide_file_stops_the_file_instead_of_being_ignored()
    {
        var run = RunText("wc.csv", "country,year,measure,internal,international,number\nAUT,2020,children,5,3,10\n");

        var problem = run.Report.FileProblems.Single(p => p.Code == "column-not-used");
        Assert.AreEqual(Severity.Error, problem.Severity);
        Assert.AreEqual("number", problem.Column);
        AssertAccounting(run, read: 1, rejected: 1);
        Assert.IsEmpty(run.Observations);
    }

    [TestMethod]
    public void A_total_column_in_a_long_file_stops_the_file_instead_of_being_ignored()
    {
        var run = RunText("lt.csv", "country,year,measure,trafficking,value,total\nAUT,2020,children,internal,5,10\n");

        Assert.AreEqual("total", run.Report.FileProblems.Single(p => p.Code == "column-not-used").Column);
        AssertAccounting(run, read: 1, rejected: 1);
    }

    [TestMethod]
    public void A_report_date_in_a_wide_file_is_noted_and_the_file_stays_wide()
    {
        var run = RunText("wd.csv", "country,report date,year,measure,internal,total\nAUT,2021-03-01,2020,children,5,10\n");

        Assert.AreEqual(Layout.Wide, run.Layout);
        Assert.AreEqual(Severity.Warning, run.Report.FileProblems.Single(p => p.Code == "column-not-used").Severity);
        AssertObservations(run, "AUT 2020 children internal 5", "AUT 2020 children unknown 5");
    }

    [TestMethod]
    public void A_measure_column_that_contradicts_the_value_columns_name_rejects_the_row()
    {
        // "victims" (of every age) is a measure of its own since GLOTIP and the SDG series count victims: the children
        // column here names children.
        var run = RunText("mh.csv", "country,year,indicator,trafficking,child victims\nAUT,2020,cases,internal,4\nAUT,2020,children,internal,5\n");

        AssertAccounting(run, read: 2, rejected: 1);
        var reject = AssertRejected(run, 2, "measure-mismatch");
        Assert.AreEqual("child victims", reject.Column);
        AssertObservations(run, "AUT 2020 children internal 5");
    }

    [TestMethod]
    public void Sdmx_v2_with_structure_name_is_recognised_and_its_deletes_rejected_by_the_action_column_name()
    {
        var run = RunText(
            "v2.csv",
            "STRUCTURE,STRUCTURE_ID,STRUCTURE_NAME,ACTION,REF_AREA,MEASURE,LINKAGE,TIME_PERIOD,OBS_VALUE\n"
            + "dataflow,OSCE:P23(1.0),Linkage,I,AUT,CHILDREN,INTERNAL,2020,4\n"
            + "dataflow,OSCE:P23(1.0),Linkage,D,AUT,CHILDREN,INTERNATIONAL,2020,7\n");

        Assert.AreEqual(Layout.SdmxV2, run.Layout);
        AssertAccounting(run, read: 2, rejected: 1);
        AssertRejected(run, 3, "sdmx-action");
        AssertObservations(run, "AUT 2020 children internal 4");
    }

    [TestMethod]
    public void A_row_that_is_one_part_of_a_sex_breakdown_is_set_aside_and_only_the_total_row_is_counted()
    {
        // GLOTIP's BLR 2003 "Sexual exploitation" row was once published as all of Belarus's victims: a part is never the whole.
        var run = RunText("sex.csv", "country,year,sex,children\nAUT,2020,Total,10\nAUT,2020,Female,6\n");

        AssertAccounting(run, read: 2, rejected: 0, setAside: 1);
        Assert.AreEqual(("sex", "Female"), (AssertSetAside(run, 3, "breakdown-part").Column, AssertSetAside(run, 3, "breakdown-part").Value));
        AssertObservations(run, "AUT 2020 children unknown 10");
    }

    [TestMethod]
    public void A_region_column_is_not_taken_for_a_subnational_area()
    {
        var plan = LayoutDetector.Detect("f.csv", 1, ["region", "country", "year", "total"], Vocabulary.BuiltIn);

        // A world region beside the State (GLOTIP's Region, Subregion) is not used: the region map decides.
        Assert.AreEqual(ColumnRole.Region, plan.Columns[0].Role);
        Assert.AreNotEqual(ColumnRole.Area, plan.Columns[0].Role);
    }

    [TestMethod]
    public void Two_columns_with_the_same_name_say_to_rename_one_in_the_file()
    {
        var plan = LayoutDetector.Detect("f.csv", 1, ["country", "year", "total", "total"], Vocabulary.BuiltIn);

        StringAssert.Contains(plan.Problems.Single(p => p.Code == "ambiguous-columns").Message, "both named 'total'; rename or remove one of them in the file");
    }

    [TestMethod]
    [DataRow("{\"states\": {\"X\": null}}", "\"states\".\"X\"")]
    [DataRow("{\"columns\": {\"state\": null}}", "\"columns\".\"state\"")]
    [DataRow("{\"markers\": {\"missing\": [null]}}", "\"markers\".\"missing\"")]
    [DataRow("{\"columns\": null}", "\"columns\"")]
    public void A_config_with_null_entries_is_a_clear_error_not_a_crash(string json, string where)
    {
        var config = ConfigLoader.Parse(json, "c.json", out var error);

        Assert.IsNull(config);
        StringAssert.StartsWith(error, "Config file 'c.json' has null");
        StringAssert.Contains(error, where);
    }

    [TestMethod]
    public void A_region_key_with_an_empty_area_is_reported()
    {
        var config = ConfigLoader.Parse("{\"regions\": {\"AUT/\": \"Alpine\"}}", "c.json", out _)!;

        RegionMap.From(config, Geography.BuiltIn, out var errors);

        StringAssert.Contains(errors.Single(), "'AUT/' has an empty area");
    }

    [TestMethod]
    public void A_config_cannot_weaken_the_personal_data_guard()
    {
        var config = ConfigLoader.Parse("{\"personalDataWholeHeaderOnly\": [\"surname\"]}", "c.json", out _)!;

        Vocabulary.WithConfig(config, out var errors);

        StringAssert.Contains(errors.Single(), "never weaker");
    }

    [TestMethod]
    public void A_value_under_an_empty_header_says_to_name_the_column_in_the_file()
    {
        var run = RunText("pidx.csv", ",country,year,measure,total\n0,AUT,2020,children,4\n");

        AssertAccounting(run, read: 1, rejected: 1);
        var reject = AssertRejected(run, 2, "unrecognised-column");
        Assert.AreEqual("File 'pidx.csv', row 2 has '0' in column 1, which has no header; name the column in the file (or delete it, e.g. an exported row index).", reject.Message);
    }
}
