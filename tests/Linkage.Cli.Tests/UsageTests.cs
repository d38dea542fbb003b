namespace Linkage.Cli.Tests;

[TestClass]
public sealed class UsageTests
{
    [TestMethod]
    [DataRow(new string[0], DisplayName = "no command")]
    [DataRow(new[] { "run", "sample-data" }, DisplayName = "run without --out")]
    [DataRow(new[] { "frobnicate" }, DisplayName = "unknown command")]
    [DataRow(new[] { "validate", "sample-data", "--bogus" }, DisplayName = "unknown option")]
    [DataRow(new[] { "validate", "sample-data", "--on-conflict", "newest" }, DisplayName = "bad --on-conflict")]
    [DataRow(new[] { "validate", "sample-data", "--layout", "diagonal" }, DisplayName = "bad --layout")]
    [DataRow(new[] { "validate", "sample-data", "--delimiter", "#" }, DisplayName = "bad --delimiter")]
    [DataRow(new[] { "validate", "sample-data", "--encoding", "klingon" }, DisplayName = "bad --encoding")]
    [DataRow(new[] { "validate", "sample-data", "--as-of", "28.11.2026" }, DisplayName = "bad --as-of")]
    [DataRow(new[] { "validate", "no-such-folder" }, DisplayName = "missing input")]
    public void Linkage_exits_2_on_a_usage_error_without_a_stack_trace(string[] args)
    {
        var result = Cli.Run([.. args.Select(a => a == "sample-data" ? Cli.SampleData : a)]);

        Assert.AreEqual(2, result.ExitCode, result.Out + result.Error);
        Assert.AreNotEqual(string.Empty, result.Error.Trim());
        Assert.IsFalse(result.Error.Contains("   at ", StringComparison.Ordinal), result.Error);
    }

    [TestMethod]
    public void Linkage_says_an_unknown_option_is_not_an_option_and_prints_no_help_dump()
    {
        var result = Cli.Run("validate", Cli.SampleData, "--bogus");

        Assert.AreEqual("linkage: '--bogus' is not an option of this command (and no file has that name); see --help for the options.", result.Error.Trim());
        Assert.AreEqual(string.Empty, result.Out);
    }

    [TestMethod]
    public void Linkage_without_a_required_option_says_which_in_one_line_each()
    {
        var result = Cli.Run("run", Cli.SampleData);

        Assert.AreEqual(2, result.ExitCode);
        Assert.AreEqual("linkage: Option '--out' is required." + Environment.NewLine + "linkage: run 'linkage run --help' for the usage.", result.Error.Trim());
        Assert.AreEqual(string.Empty, result.Out);
    }

    [TestMethod]
    public void Linkage_names_the_bad_value_and_the_expected_ones()
    {
        var result = Cli.Run("validate", Cli.SampleData, "--on-conflict", "newest");

        Assert.AreEqual("linkage: --on-conflict 'newest' is not a policy; expected error or latest.", result.Error.Trim());
    }

    [TestMethod]
    public void Linkage_reports_a_broken_config_file_with_its_line()
    {
        using var tmp = new TempDir();
        var config = tmp.Write("bad.json", "{\n  \"columns\": { \"state\": [\"Code\" }\n}");

        var result = Cli.Run("validate", Cli.SampleData, "--config", config);

        Assert.AreEqual(2, result.ExitCode);
        StringAssert.Contains(result.Error, $"Config file '{config}' is not valid config JSON at line 2");
    }

    [TestMethod]
    public void Help_lists_the_commands_and_exits_0()
    {
        var result = Cli.Run("--help");

        Assert.AreEqual(0, result.ExitCode);
        StringAssert.Contains(result.Out, "run <INPUT>");
        StringAssert.Contains(result.Out, "validate <INPUT>");
        StringAssert.Contains(result.Out, "sample ");
        Assert.AreEqual(string.Empty, result.Error);
    }
}
