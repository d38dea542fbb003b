namespace Linkage.Cli.Tests;

/// <summary>Bad input never produces a stack trace: each case has its exit code and its reject reason.</summary>
[TestClass]
public sealed class BadInputTests
{
    private const string Good = "country,year,measure,internal,international,total\nAustria,2020,children,5,7,20\n";

    [TestMethod]
    [DataRow("empty.csv", "", "file-empty", DisplayName = "empty")]
    [DataRow("header.csv", "country,year,total\n", "file-header-only", DisplayName = "header only")]
    [DataRow("report.pdf", "%PDF-1.4 not a submission", "file-unsupported-type", DisplayName = "unsupported type")]
    public void Validate_reports_an_unusable_file_and_still_processes_the_others(string name, string content, string code)
    {
        using var tmp = new TempDir();
        var bad = tmp.Write(name, content);
        var good = tmp.Write("good.csv", Good);

        var result = Cli.Run("validate", bad, good);

        Assert.AreEqual(1, result.ExitCode, result.Out + result.Error);
        StringAssert.Contains(result.Out, $"[{code}] File '{bad}'");
        StringAssert.Contains(result.Out, "rows: read 1, accepted 1, set aside 0, rejected 0");
        AssertNoStackTrace(result);
    }

    [TestMethod]
    public void Run_on_only_an_empty_file_exits_3_with_one_sentence_naming_it()
    {
        using var tmp = new TempDir();
        var empty = tmp.Write("empty.csv", string.Empty);

        var result = Cli.Run("run", empty, "--out", tmp.File("out"));

        Assert.AreEqual(3, result.ExitCode);
        StringAssert.Contains(result.Error, $"File '{empty}' is empty");
        AssertNoStackTrace(result);
    }

    [TestMethod]
    public void Validate_reports_a_binary_file()
    {
        using var tmp = new TempDir();
        var bytes = new byte[2048];
        new Random(7).NextBytes(bytes);
        bytes[10] = 0;
        var path = tmp.File("data.csv");
        File.WriteAllBytes(path, bytes);

        var result = Cli.Run("validate", path, tmp.Write("good.csv", Good));

        Assert.AreEqual(1, result.ExitCode);
        StringAssert.Contains(result.Out, "[file-binary]");
        AssertNoStackTrace(result);
    }

    [TestMethod]
    [DataRow("Austria,2020,children,5,7,20,surplus\n", "ragged-row", DisplayName = "ragged row")]
    [DataRow("Austria,2020,children,-5,7,20\n", "bad-count", DisplayName = "negative count")]
    [DataRow("Austria,2020,children,five,7,20\n", "bad-count", DisplayName = "non-numeric count")]
    [DataRow("Atlantis,2020,children,5,7,20\n", "not-osce-state", DisplayName = "unknown state")]
    [DataRow("Austria,1985,children,5,7,20\n", "bad-period", DisplayName = "year before 1990")]
    [DataRow("Austria,2028,children,5,7,20\n", "bad-period", DisplayName = "year after next year")]
    [DataRow("Austria,2020,children,15,7,20\n", "total-below-parts", DisplayName = "total below parts")]
    public void Run_rejects_a_bad_row_with_its_reason_and_keeps_the_good_one(string badRow, string code)
    {
        using var tmp = new TempDir();
        var file = tmp.Write("in.csv", Good + badRow);

        var result = Cli.Run("run", file, "--out", tmp.File("out"));

        Assert.AreEqual(1, result.ExitCode, result.Error);
        var rejects = CsvText.ReadFile(tmp.File("out/internal/rejects.csv"));
        Assert.AreEqual(code, rejects.Single()["code"]);
        Assert.AreEqual("3", rejects.Single()["source_row"]);
        StringAssert.Contains(rejects.Single()["reason"], $"File '{file}', row 3");
        StringAssert.Contains(result.Out, "read 2, accepted 1, set aside 0, rejected 1");
        AssertNoStackTrace(result);
    }

    [TestMethod]
    public void Run_rejects_a_row_whose_quote_is_never_closed()
    {
        using var tmp = new TempDir();
        var file = tmp.Write("in.csv", Good + "\"Austria,2021,children,5,7,20\n");

        var result = Cli.Run("run", file, "--out", tmp.File("out"));

        Assert.AreEqual(1, result.ExitCode, result.Error);
        StringAssert.Contains(result.Out, "read 2, accepted 1, set aside 0, rejected 1");
        var reject = CsvText.ReadFile(tmp.File("out/internal/rejects.csv")).Single();
        Assert.AreEqual("3", reject["source_row"]);
        AssertNoStackTrace(result);
    }

    [TestMethod]
    public void Run_on_a_file_with_no_usable_rows_exits_3()
    {
        using var tmp = new TempDir();
        var file = tmp.Write("in.csv", "country,year,total\nAtlantis,2020,3\n");

        var result = Cli.Run("run", file, "--out", tmp.File("out"));

        Assert.AreEqual(3, result.ExitCode);
        StringAssert.Contains(result.Error, "no usable data");
        Assert.AreEqual(1, CsvText.ReadFile(tmp.File("out/internal/rejects.csv")).Count);
    }

    private static void AssertNoStackTrace(CliResult result)
    {
        Assert.IsFalse(result.Error.Contains("   at ", StringComparison.Ordinal), result.Error);
        Assert.IsFalse(result.Out.Contains("   at ", StringComparison.Ordinal), result.Out);
        Assert.IsFalse(result.Error.Contains("internal error", StringComparison.Ordinal), result.Error);
    }
}
