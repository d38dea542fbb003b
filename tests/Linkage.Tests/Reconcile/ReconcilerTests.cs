using Linkage.Model;
using Linkage.Normalise;
using Linkage.Problems;
using Linkage.Reconcile;

using static Linkage.Tests.Pipeline.PipelineTestKit;

namespace Linkage.Tests.Reconcile;

[TestClass]
public sealed class ReconcilerTests
{
    private const string WideHeader = "country,year,internal,international,not trafficked,unknown\n";

    private static Observation Obs(string file, int fileIndex, int row, string state, Period period, LinkageCategory linkage, long? count, string flag = "") =>
        new(state, string.Empty, "Western Europe", period, Measure.Children, linkage, count, flag, new SourceRef(file, row, Codes.Of(linkage), 0, fileIndex, LineSet.Of(row)));

    private static FileResult Result(string file, long rowsRead, params Observation[] observations) =>
        new(file, observations, new RejectCollection(), [], rowsRead, new HashSet<int>(), 0);

    [TestMethod]
    public void Reconciler_collapses_identical_figures_from_two_files_without_files_on_disk()
    {
        var a = Result("a.csv", 1, Obs("a.csv", 0, 2, "FRA", Period.OfYear(2019), LinkageCategory.Internal, 3));
        var b = Result("b.csv", 1, Obs("b.csv", 1, 5, "FRA", Period.OfYear(2019), LinkageCategory.Internal, 3));

        var result = Reconciler.Run([a, b], OnConflict.Error);

        Assert.AreEqual(1, result.DuplicatesCollapsed);
        Assert.IsEmpty(result.Conflicts);
        var kept = result.Observations.Single();
        Assert.AreEqual("a.csv", kept.Source.File);
        Assert.IsTrue(result.Files.All(f => f.RowsRejected == 0 && f.RowsAccepted == 1));
    }

    [TestMethod]
    public void Reconciler_rejects_both_sides_of_a_conflict_without_files_on_disk()
    {
        var a = Result("a.csv", 1, Obs("a.csv", 0, 2, "FRA", Period.OfYear(2019), LinkageCategory.Internal, 3));
        var b = Result("b.csv", 1, Obs("b.csv", 1, 5, "FRA", Period.OfYear(2019), LinkageCategory.Internal, 4));

        var result = Reconciler.Run([a, b], OnConflict.Error);

        Assert.IsEmpty(result.Observations);
        Assert.HasCount(2, result.Conflicts);
        Assert.IsTrue(result.Conflicts.All(p => p.Code == "conflict" && p.Severity == Severity.Fatal));
        CollectionAssert.AreEqual(new[] { 2 }, result.Files[0].RejectedLines.ToList());
        CollectionAssert.AreEqual(new[] { 5 }, result.Files[1].RejectedLines.ToList());
        Assert.AreEqual(
            "File 'a.csv', row 2, column 'internal' has '3' for FRA 2019 children internal, but 'b.csv', row 5 has '4'; correct one submission, or pass --on-conflict latest to let the later file win.",
            result.Files[0].Rejects.Single().Message);
    }

    [TestMethod]
    public void Reconciler_collapses_identical_figures_given_by_two_submissions()
    {
        var result = RunAll(OnConflict.Error, ("a.csv", WideHeader + "FRA,2019,1,2,3,4\n"), ("b.csv", WideHeader + "France,2019,1,2,3,4\nDEU,2019,5,6,7,8\n"));

        Assert.AreEqual(4, result.DuplicatesCollapsed);
        Assert.IsEmpty(result.Conflicts);
        AssertAccounting(result.Files[0], read: 1, rejected: 0);
        AssertAccounting(result.Files[1], read: 2, rejected: 0);
        AssertObservations(
            result.Observations,
            "DEU 2019 children internal 5",
            "DEU 2019 children international 6",
            "DEU 2019 children not_trafficked 7",
            "DEU 2019 children unknown 8",
            "FRA 2019 children internal 1",
            "FRA 2019 children international 2",
            "FRA 2019 children not_trafficked 3",
            "FRA 2019 children unknown 4");
        Assert.IsTrue(result.Observations.Where(o => o.State == "FRA").All(o => o.Source.File == "a.csv"));
        Assert.AreEqual(ExitCodes.FinishedWithProblems, result.ExitCode, "the measure was assumed: a warning");
    }

    [TestMethod]
    public void Reconciler_rejects_both_conflicting_rows_with_their_other_categories_under_error()
    {
        var result = RunAll(OnConflict.Error, ("a.csv", WideHeader + "FRA,2019,1,2,3,4\nDEU,2019,5,6,7,8\n"), ("b.csv", WideHeader + "FRA,2019,1,9,3,4\n"));

        AssertAccounting(result.Files[0], read: 2, rejected: 1);
        AssertAccounting(result.Files[1], read: 1, rejected: 1);
        Assert.IsTrue(result.HasFatalConflict);
        Assert.AreEqual(ExitCodes.DataError, result.ExitCode);
        Assert.HasCount(2, result.Conflicts);
        AssertObservations(
            result.Observations,
            "DEU 2019 children internal 5",
            "DEU 2019 children international 6",
            "DEU 2019 children not_trafficked 7",
            "DEU 2019 children unknown 8");

        var a = AssertRejected(result.Files[0], 2, "conflict");
        Assert.AreEqual(Severity.Fatal, a.Severity);
        Assert.AreEqual("international", a.Column);
        Assert.AreEqual("2", a.Value);
        Assert.AreEqual(
            "File 'a.csv', row 2, column 'international' has '2' for FRA 2019 children international, but 'b.csv', row 2 has '9'; correct one submission, or pass --on-conflict latest to let the later file win.",
            a.Message);
        var b = AssertRejected(result.Files[1], 2, "conflict");
        Assert.AreEqual("9", b.Value);
        Assert.Contains("but 'a.csv', row 2 has '2'", b.Message);
    }

    [TestMethod]
    public void Reconciler_lets_the_later_file_win_under_latest_and_records_the_superseded_figure()
    {
        var result = RunAll(OnConflict.Latest, ("a.csv", WideHeader + "FRA,2019,1,2,3,4\nDEU,2019,5,6,7,8\n"), ("b.csv", WideHeader + "FRA,2019,1,9,3,4\n"));

        // Row 2 of a.csv still gives figures that stand (equal to b.csv's), so it is accepted; the replaced figure is a warning.
        AssertAccounting(result.Files[0], read: 2, rejected: 0);
        AssertAccounting(result.Files[1], read: 1, rejected: 0);
        Assert.IsFalse(result.HasFatalConflict);
        var fra = result.Observations.Where(o => o.State == "FRA").ToList();
        AssertObservations(fra, "FRA 2019 children internal 1", "FRA 2019 children international 9", "FRA 2019 children not_trafficked 3", "FRA 2019 children unknown 4");
        Assert.IsTrue(fra.All(o => o.Source.File == "b.csv"), "the resubmission is what the provenance points to");
        Assert.HasCount(4, result.Observations.Where(o => o.State == "DEU").ToList());

        var superseded = result.Files[0].FileProblems.Single(p => p.Code == "superseded");
        Assert.AreEqual(Severity.Warning, superseded.Severity);
        Assert.AreEqual(
            "File 'a.csv', row 2, column 'international' has '2' for FRA 2019 children international, replaced by '9' from the later 'b.csv', row 2 (--on-conflict latest).",
            superseded.Message);
        Assert.AreEqual(ExitCodes.FinishedWithProblems, result.ExitCode);
    }

    [TestMethod]
    public void Reconciler_under_latest_rejects_a_row_whose_every_figure_was_replaced()
    {
        var result = RunAll(OnConflict.Latest, ("a.csv", "country,year,internal\nFRA,2019,1\n"), ("b.csv", "country,year,internal\nFRA,2019,2\n"));

        AssertAccounting(result.Files[0], read: 1, rejected: 1);
        Assert.AreEqual(Severity.Error, AssertRejected(result.Files[0], 2, "superseded").Severity);
        AssertObservations(result.Observations, "FRA 2019 children internal 2");
    }

    [TestMethod]
    public void Reconciler_under_latest_never_loses_a_figure_that_won_its_own_comparison()
    {
        // b.csv's internal (6) beats a.csv's (5); b.csv's international (4) loses to c.csv's (7). Internal 6 must stand.
        var result = RunAll(
            OnConflict.Latest,
            ("a.csv", "country,year,internal,international\nAUT,2020,5,3\n"),
            ("b.csv", "country,year,internal,international\nAUT,2020,6,4\n"),
            ("c.csv", "country,year,international\nAUT,2020,7\n"));

        AssertObservations(result.Observations, "AUT 2020 children internal 6", "AUT 2020 children international 7");
        AssertAccounting(result.Files[0], read: 1, rejected: 1);
        AssertAccounting(result.Files[1], read: 1, rejected: 0);
        AssertAccounting(result.Files[2], read: 1, rejected: 0);
        Assert.AreEqual("superseded", result.Files[1].FileProblems.Single(p => p.Severity == Severity.Warning && p.Code == "superseded").Code);
    }

    [TestMethod]
    public void Reconciler_rejects_a_year_given_whole_in_one_file_and_in_quarters_in_another()
    {
        var result = RunAll(
            OnConflict.Error,
            ("a.csv", "country,year,internal\nFRA,2019,5\nFRA,2020,1\n"),
            ("b.csv", "country,period,internal\nFRA,2019-Q1,2\nFRA,2019-Q2,3\n"));

        AssertAccounting(result.Files[0], read: 2, rejected: 1);
        AssertAccounting(result.Files[1], read: 2, rejected: 2);
        AssertObservations(result.Observations, "FRA 2020 children internal 1");
        Assert.IsTrue(result.HasFatalConflict);
        var whole = AssertRejected(result.Files[0], 2, "conflict-year-parts");
        Assert.AreEqual(Severity.Fatal, whole.Severity);
        Assert.AreEqual(
            "File 'a.csv', row 2, column 'internal' gives FRA 2019 children internal for 2019, but 'b.csv', row 2 gives the same year as 2019-Q1; a year must come either whole or in parts, so drop one, or pass --on-conflict latest.",
            whole.Message);
        Assert.Contains("the same year as 2019", AssertRejected(result.Files[1], 2, "conflict-year-parts").Message);
        AssertRejected(result.Files[1], 3, "conflict-year-parts");
    }

    [TestMethod]
    public void Reconciler_keeps_the_later_side_of_a_year_given_whole_and_in_parts_under_latest()
    {
        var result = RunAll(
            OnConflict.Latest,
            ("a.csv", "country,year,internal\nFRA,2019,5\n"),
            ("b.csv", "country,period,internal\nFRA,2019-Q1,2\nFRA,2019-Q2,3\n"));

        AssertAccounting(result.Files[0], read: 1, rejected: 1);
        AssertAccounting(result.Files[1], read: 2, rejected: 0);
        AssertObservations(result.Observations, "FRA 2019-Q1 children internal 2", "FRA 2019-Q2 children internal 3");
        AssertRejected(result.Files[0], 2, "superseded");
    }

    [TestMethod]
    public void Reconciler_accepts_quarters_and_a_different_year_side_by_side()
    {
        var result = RunAll(
            OnConflict.Error,
            ("a.csv", "country,year,internal\nFRA,2018,5\n"),
            ("b.csv", "country,period,internal\nFRA,2019-Q1,2\nFRA,2019-Q2,3\n"));

        Assert.IsEmpty(result.Conflicts);
        AssertAccounting(result.Files[0], read: 1, rejected: 0);
        AssertAccounting(result.Files[1], read: 2, rejected: 0);
        Assert.HasCount(3, result.Observations);
    }

    [TestMethod]
    public void Reconciler_in_file_duplicate_with_different_values_rejects_both_rows()
    {
        var run = RunText("d.csv", "country,year,internal,international\nFRA,2019,5,1\nDEU,2019,2,2\nFRA,2019,6,1\n");

        AssertAccounting(run, read: 3, rejected: 2);
        AssertObservations(run, "DEU 2019 children internal 2", "DEU 2019 children international 2");
        var first = AssertRejected(run, 2, "conflict-in-file");
        Assert.AreEqual(
            "File 'd.csv', row 2, column 'internal' has '5': in conflict with row 4 (6) of the same file for FRA 2019 children internal; expected one value per State, area, period, measure and linkage.",
            first.Message);
        Assert.Contains("in conflict with row 2 (5)", AssertRejected(run, 4, "conflict-in-file").Message);
        AssertEveryLinePlaced(run, 2, 3, 4);
    }

    [TestMethod]
    public void Reconciler_in_file_duplicate_in_a_long_file_rejects_both_rows()
    {
        var run = RunText("d.csv", "state,year,trafficking,children\nFRA,2019,internal,5\nFRA,2019,domestic,6\nFRA,2019,international,1\n");

        AssertAccounting(run, read: 3, rejected: 2);
        AssertObservations(run, "FRA 2019 children international 1");
        Assert.Contains("in conflict with row 3 (6)", AssertRejected(run, 2, "conflict-in-file").Message);
        Assert.Contains("in conflict with row 2 (5)", AssertRejected(run, 3, "conflict-in-file").Message);
    }

    [TestMethod]
    public void Reconciler_in_file_duplicate_with_the_same_value_collapses()
    {
        var run = RunText("d.csv", "country,year,internal\nFRA,2019,5\nFRA,2019,5\n");

        AssertAccounting(run, read: 2, rejected: 0);
        AssertObservations(run, "FRA 2019 children internal 5");
    }
}
