using System.Text.Json;

namespace Linkage.Cli.Tests;

/// <summary><c>--header-row</c>, <c>--state</c> and <c>--profile</c> as a user types them.</summary>
[TestClass]
public sealed class SourceOptionTests
{
    // A preamble as wide as the table: line 1 could be a header as well as line 3 can.
    private const string Preamble = "Ministry of the Interior,Table 4,2024 edition,final\n,,,\nstate,year,internal,international\nAUT,2021,4,6\nAUT,2022,5,7\n";

    [TestMethod]
    public void Header_row_names_the_header_line_of_a_file_whose_preamble_is_as_wide_as_its_table()
    {
        using var tmp = new TempDir();
        var file = tmp.Write("t.csv", Preamble);

        var result = Cli.Run("validate", file, "--header-row", "3", "--json");

        Assert.AreEqual(1, result.ExitCode, result.Error + result.Out);
        using var doc = JsonDocument.Parse(result.Out);
        var report = doc.RootElement.GetProperty("files")[0];
        Assert.AreEqual(2, report.GetProperty("rows_read").GetInt64());
        Assert.AreEqual(2, report.GetProperty("rows_accepted").GetInt64());
    }

    [TestMethod]
    [DataRow("0")]
    [DataRow("1001")]
    public void Header_row_out_of_range_is_a_usage_error_naming_the_range(string row)
    {
        using var tmp = new TempDir();
        var file = tmp.Write("t.csv", Preamble);

        var result = Cli.Run("validate", file, "--header-row", row);

        Assert.AreEqual(2, result.ExitCode);
        StringAssert.Contains(result.Error, $"--header-row {row} is not a row the header can be on; expected 1 to 1000.");
    }

    [TestMethod]
    public void Header_row_past_the_end_of_the_file_is_a_clear_file_problem()
    {
        using var tmp = new TempDir();
        var file = tmp.Write("t.csv", Preamble);

        var result = Cli.Run("validate", file, "--header-row", "40");

        Assert.AreEqual(3, result.ExitCode, result.Out + result.Error);
        StringAssert.Contains(result.Out, "has no non-blank row 40");
    }

    [TestMethod]
    public void State_reads_a_file_without_a_state_column_and_an_unknown_code_is_refused()
    {
        using var tmp = new TempDir();
        var file = tmp.Write("t.csv", "year,internal,international\n2021,4,6\n");

        var given = Cli.Run("validate", file, "--state", "AUT", "--json");
        using var doc = JsonDocument.Parse(given.Out);
        Assert.AreEqual(1, doc.RootElement.GetProperty("files")[0].GetProperty("rows_accepted").GetInt64(), given.Out);

        var unknown = Cli.Run("validate", file, "--state", "XYZ");
        Assert.AreEqual(2, unknown.ExitCode);
        StringAssert.Contains(unknown.Error, "--state 'XYZ' is not the alpha-3 code of an OSCE participating State; expected e.g. AUT or UKR.");
    }

    [TestMethod]
    public void Validate_names_the_profile_it_used_and_why_and_an_unknown_profile_is_refused()
    {
        var ctdc = System.IO.Path.Combine(Cli.RepoRoot, "tests", "Linkage.Tests", "Data", "real", "ctdc-case-records-sample.csv");

        var result = Cli.Run("validate", ctdc);
        StringAssert.Contains(result.Out, "profile: ctdc (");
        StringAssert.Contains(result.Out, "--profile none reads it without)");
        StringAssert.Contains(result.Out, "read 104, accepted 10, set aside 94, rejected 0");

        var bogus = Cli.Run("validate", ctdc, "--profile", "nosuch");
        Assert.AreEqual(2, bogus.ExitCode);
        StringAssert.Contains(bogus.Error, "--profile 'nosuch' is not a profile; expected one of glotip, un-sdg, ctdc, eurostat, or none.");
    }

    [TestMethod]
    public void Glotip_with_no_config_keeps_its_rejects_and_set_aside_lists_smaller_than_the_workbook_and_validate_short()
    {
        using var tmp = new TempDir();
        var glotip = System.IO.Path.Combine(Cli.RepoRoot, "tests", "Linkage.Tests", "Data", "real", "unodc-glotip-2025.xlsx");

        var run = Cli.Run("run", glotip, "--out", tmp.File("out"));
        var validate = Cli.Run("validate", glotip);

        // 58,769 rows: 7,477 accepted, 50,906 set aside, 386 rejected (breakdowns whose total is below their parts
        // in the workbook itself, e.g. ARM 2015 rows 1776-1777, and citizenships no country table names).
        StringAssert.Contains(run.Out, "read 58769, accepted 7477, set aside 50906, rejected 386");
        var listed = new FileInfo(tmp.File("out/internal/rejects.csv")).Length + new FileInfo(tmp.File("out/internal/set-aside.csv")).Length;
        Assert.IsLessThan(new FileInfo(glotip).Length, listed);
        Assert.IsLessThan(200, validate.Out.Split('\n').Length, "validate groups identical problems");
        StringAssert.Contains(validate.Out, "profile: glotip (");
    }
}
