using System.Text;

using Linkage.Analyse;
using Linkage.Output;
using Linkage.Pipeline;
using Linkage.Problems;
using Linkage.Reconcile;

using static Linkage.Tests.Aggregate.StatsKit;
using static Linkage.Tests.Pipeline.PipelineTestKit;

namespace Linkage.Tests.Pipeline;

/// <summary>
/// The pipeline's own SDMX publication given back as an input: its REF_AREA values are regions and its counts sums
/// of States, so it must be neither read as States (hundreds of rejects) nor counted again.
/// </summary>
[TestClass]
public sealed class PublicationInputTests
{
    private const string Submission = """
        country,year,measure,internal,international,not trafficked,unknown
        FRA,2019,children,40,30,60,70
        DEU,2019,children,30,25,10,8
        """;

    private static string Publication()
    {
        var rows = StatisticsRunner.Run(Obs("""
            FRA 2019 internal 40
            FRA 2019 international 30
            FRA 2019 not_trafficked 60
            FRA 2019 unknown 70
            """), DefaultRegions, StatisticsOptions.Default).Regional;
        using var stream = new MemoryStream();
        PublishSdmx.Write(stream, rows, m49Regions: true);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [TestMethod]
    public void PipelineRunner_makes_the_SDMX_publication_unusable_with_one_sentence_and_counts_its_rows_as_rejected()
    {
        var text = Publication();
        var dataRows = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 1;

        var run = RunText("regional-trends.sdmx.csv", text);

        Assert.AreEqual(18, dataRows, "Western Europe and OSCE × 9 indicators");
        AssertAccounting(run, read: dataRows, rejected: dataRows);
        Assert.IsEmpty(run.Observations);
        Assert.IsTrue(run.Report.Unusable);
        Assert.HasCount(1, run.Report.FileProblems);
        var problem = run.Report.FileProblems[0];
        Assert.AreEqual(ProblemCatalogue.PublicationInputCode, problem.Code);
        Assert.AreEqual(
            "File 'regional-trends.sdmx.csv' is a linkage publication of regional aggregates (row 2, column 'STRUCTURE_ID' names the dataflow OSCE:DF_P23_REGIONAL_TRENDS(1.0)), not a State submission; it was not read, so pass the States' own submissions instead.",
            problem.Message);
        Assert.IsTrue(run.Report.Rejects.All(r => r.Code == "file-unusable"), "no 'not an OSCE State' rejects");
        Assert.AreEqual(
            "File 'regional-trends.sdmx.csv', row 2 was not used because the file is a linkage publication of regional aggregates, not a State submission (input-is-publication); pass the States' own submissions instead.",
            AssertRejected(run, 2, "file-unusable").Message);
        AssertRejected(run, dataRows + 1, "file-unusable");
    }

    [TestMethod]
    public void PipelineRunner_does_not_count_a_publication_next_to_the_submissions_again_and_exits_1()
    {
        var result = RunAll(OnConflict.Error, ("a.csv", Submission), ("regional-trends.sdmx.csv", Publication()));

        Assert.AreEqual(ExitCodes.FinishedWithProblems, result.ExitCode);
        Assert.IsTrue(result.Observations.All(o => o.Source.File == "a.csv"));
        Assert.HasCount(8, result.Observations);
        AssertAccounting(result.Files[0], read: 2, rejected: 0);
        AssertAccounting(result.Files[1], read: 18, rejected: 18);
    }

    [TestMethod]
    public void PipelineRunner_recognises_the_publication_dataflow_in_another_version_and_in_SDMX_CSV_1()
    {
        var run = RunText("old.csv", """
            DATAFLOW,REF_AREA,MEASURE,LINKAGE,TIME_PERIOD,OBS_VALUE
            osce:df_p23_regional_trends(2.0),155,CHILDREN,_T,2019,246
            OSCE:DF_P23_REGIONAL_TRENDS(2.0),OSCE,CHILDREN,_T,2019,246
            """);

        AssertAccounting(run, read: 2, rejected: 2);
        Assert.AreEqual(ProblemCatalogue.PublicationInputCode, run.Report.FileProblems.Single().Code);
        Assert.Contains("row 2, column 'DATAFLOW'", run.Report.FileProblems[0].Message);
    }

    [TestMethod]
    public void PipelineRunner_still_reads_the_first_row_of_an_SDMX_submission_of_another_dataflow()
    {
        // The first row is looked at to tell the publication apart; it must still be read as a row.
        var run = RunText("v2.csv", """
            STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,MEASURE,LINKAGE,TIME_PERIOD,OBS_VALUE
            dataflow,OSCE:DF_P23_REGIONAL_TRENDS_DRAFT(1.0),I,AUT,CHILDREN,INTERNAL,2020,4
            dataflow,OSCE:DF_P23_REGIONAL_TRENDS_DRAFT(1.0),I,AUT,CHILDREN,INTERNATIONAL,2020,9
            """);

        AssertAccounting(run, read: 2, rejected: 0);
        Assert.IsEmpty(run.Report.FileProblems.Where(p => p.Severity != Severity.Warning).ToList());
        AssertObservations(run, "AUT 2020 children internal 4", "AUT 2020 children international 9");
    }
}
