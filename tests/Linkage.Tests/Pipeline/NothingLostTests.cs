using Linkage.Model;
using Linkage.Pipeline;
using Linkage.Problems;
using Linkage.Read;
using Linkage.Reconcile;
using Linkage.Tests.TestSupport;

using static Linkage.Tests.Pipeline.PipelineTestKit;

namespace Linkage.Tests.Pipeline;

/// <summary>design.md "Nothing lost": every data row ends in exactly one place, and each reject says why.</summary>
[TestClass]
public sealed class NothingLostTests
{
    [TestMethod]
    public void Pipeline_puts_every_row_of_a_long_file_with_every_kind_of_bad_row_in_one_place()
    {
        var run = RunText(
            "mixed.csv",
            "state,year,trafficking,children\n"
            + "FRA,2019,internal,3\n"          // 2 good
            + "DEU,2019,international,4,9\n"   // 3 ragged: more fields than the header
            + "ITA,2019,\"internal,5\n"        // 4 broken quote
            + "ESP,2019,internal,-3\n"         // 5 negative count
            + "PRT,2019,internal,many\n"       // 6 non-numeric count
            + "Atlantis,2019,internal,1\n"     // 7 unknown state
            + "AUT,1985,internal,1\n"          // 8 year too early
            + "BEL,2099,internal,1\n"          // 9 year too late
            + "NLD,2019,sideways,1\n"          // 10 unrecognised linkage label
            + "DEU,2019,international,4\n"     // 11 good
            + "\n"                             // 12 blank: not a row
            + "POL,2019,unknown,1 234 p\n");   // 13 good

        AssertAccounting(run, read: 11, rejected: 8);
        AssertEveryLinePlaced(run, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13);
        AssertObservations(run, "DEU 2019 children international 4", "FRA 2019 children internal 3", "POL 2019 children unknown 1234 p");

        Assert.AreEqual("File 'mixed.csv', row 3 has 5 fields but the header has 4; expected one field per header column, so check quoting and delimiters in that row.", AssertRejected(run, 3, "ragged-row").Message);
        Assert.AreEqual("ITA,2019,\"internal,5", RejectOfBrokenQuote(run).Value);
        Assert.Contains("non-negative", AssertRejected(run, 5, "bad-count").Message);
        Assert.AreEqual("File 'mixed.csv', row 6, column 'children' has 'many': not a count; expected a count written with digits (and optional thousands separators).", AssertRejected(run, 6, "bad-count").Message);
        Assert.Contains("not an OSCE participating State", AssertRejected(run, 7, "not-osce-state").Message);
        Assert.Contains("expected a year from 1990 to 2027", AssertRejected(run, 8, "bad-period").Message);
        Assert.Contains("expected a year from 1990 to 2027", AssertRejected(run, 9, "bad-period").Message);
        Assert.Contains("map it under \"linkage\" in --config", AssertRejected(run, 10, "unrecognised-label").Message);
        Assert.IsTrue(run.Report.Rejects.All(p => p.Severity == Severity.Error));
        Assert.AreEqual(13, run.Get("POL", "2019", LinkageCategory.Unknown).Source.Row);
    }

    [TestMethod]
    public void Pipeline_puts_every_row_of_a_wide_file_with_every_kind_of_bad_row_in_one_place()
    {
        var run = RunText(
            "mixed.csv",
            "country;year;internal;international;total\n"
            + "FRA;2019;1;2;5\n"       // 2 good
            + "DEU;2019;1;2;5;9\n"     // 3 ragged
            + "ESP;2019;-1;2;5\n"      // 4 negative
            + "PRT;2019;1;two;5\n"     // 5 non-numeric
            + "XKX;2019;1;2;5\n"       // 6 not a participating State
            + "AUT;1985;1;2;5\n"       // 7 too early
            + "BEL;2099;1;2;5\n"       // 8 too late
            + "NLD;2019;4;2;5\n"       // 9 total below parts
            + "POL;2019;1;2;x\n");     // 10 good, total withheld

        AssertAccounting(run, read: 9, rejected: 6, setAside: 1);
        AssertEveryLinePlaced(run, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        AssertObservations(
            run,
            "FRA 2019 children internal 1",
            "FRA 2019 children international 2",
            "FRA 2019 children unknown 2",
            "POL 2019 children internal 1",
            "POL 2019 children international 2",
            "POL 2019 children unknown _ c"); // a confidential total leaves the unknown share withheld
        AssertRejected(run, 3, "ragged-row");
        AssertRejected(run, 4, "bad-count");
        AssertRejected(run, 5, "bad-count");
        AssertSetAside(run, 6, "outside-osce");
        AssertRejected(run, 7, "bad-period");
        AssertRejected(run, 8, "bad-period");
        AssertRejected(run, 9, "total-below-parts");
    }

    [TestMethod]
    public void Pipeline_lists_every_problem_of_a_row_not_just_the_first()
    {
        var run = RunText("many.csv", "country,year,internal,international\nAtlantis,1985,-1,abc\n");

        AssertAccounting(run, read: 1, rejected: 1);
        var codes = run.Report.Rejects.Where(p => p.Row == 2).Select(p => (p.Code, p.Column)).ToList();
        CollectionAssert.AreEquivalent(
            new[] { ("not-osce-state", (string?)"country"), ("bad-period", "year"), ("bad-count", "internal"), ("bad-count", "international") },
            codes);
    }

    [TestMethod]
    public void Pipeline_numbers_rows_by_their_line_after_a_title_preamble()
    {
        var run = RunText("pre.csv", "Children identified, 2019\n\ncountry,year,internal\nFRA,2019,1\nDEU,2019,x1\n");

        AssertAccounting(run, read: 2, rejected: 1);
        Assert.AreEqual(3, run.Report.Info!.HeaderLine);
        Assert.AreEqual(4, run.Get("FRA", "2019", LinkageCategory.Internal).Source.Row);
        AssertRejected(run, 5, "bad-count");
        var warning = run.Report.FileProblems.Single(p => p.Code == "measure-assumed");
        Assert.AreEqual(3, warning.Row, "the warning names the header line, not the title");
        Assert.StartsWith("File 'pre.csv', row 3 does not say", warning.Message);
    }

    [TestMethod]
    public void Pipeline_keeps_files_apart_and_reports_each_file_in_order()
    {
        var inputs = new List<InputFile>
        {
            InputFile.FromText("a.csv", "country,year,internal\nFRA,2019,1\nFRA,2020,bad\n"),
            InputFile.FromText("empty.csv", string.Empty),
            InputFile.FromText("b.csv", "country,year,internal\nDEU,2019,2\n"),
        };

        var result = PipelineRunner.Run(inputs, DefaultContext(), new PipelineOptions());

        CollectionAssert.AreEqual(new[] { "a.csv", "empty.csv", "b.csv" }, result.Files.Select(f => f.File).ToList());
        AssertAccounting(result.Files[0], read: 2, rejected: 1);
        AssertAccounting(result.Files[1], read: 0, rejected: 0);
        Assert.AreEqual("file-empty", result.Files[1].FileProblems.Single().Code);
        Assert.IsTrue(result.Files[1].Unusable);
        AssertAccounting(result.Files[2], read: 1, rejected: 0);
        AssertObservations(result.Observations, "DEU 2019 children internal 2", "FRA 2019 children internal 1");
        Assert.AreEqual(ExitCodes.FinishedWithProblems, result.ExitCode);
        Assert.AreEqual(0, result.Observations.Single(o => o.State == "FRA").Source.FileIndex);
        Assert.AreEqual(2, result.Observations.Single(o => o.State == "DEU").Source.FileIndex);
    }

    [TestMethod]
    public void Pipeline_exit_code_is_success_only_when_everything_was_accepted_without_warnings()
    {
        var clean = RunAll(OnConflict.Error, ("a.csv", "country,year,children_internal\nFRA,2019,1\n"));
        var nothing = RunAll(OnConflict.Error, ("a.csv", "country,year,children_internal\nFRA,1900,1\n"));

        Assert.AreEqual(ExitCodes.Success, clean.ExitCode);
        AssertAccounting(clean.Files[0], read: 1, rejected: 0);
        Assert.AreEqual(ExitCodes.DataError, nothing.ExitCode, "no usable data at all");
        AssertAccounting(nothing.Files[0], read: 1, rejected: 1);
    }

    private static Problem RejectOfBrokenQuote(FileRun run)
    {
        var reject = AssertRejected(run, 4, "row-broken-quote");
        Assert.AreEqual(Severity.Error, reject.Severity);
        return reject;
    }
}
