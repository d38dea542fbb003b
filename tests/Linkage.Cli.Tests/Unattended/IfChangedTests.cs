namespace Linkage.Cli.Tests.Unattended;

/// <summary><c>--if-changed</c>: a nightly run over an unchanged drop folder does nothing, and anything that changes the result makes it run.</summary>
[TestClass]
public sealed class IfChangedTests
{
    [TestMethod]
    public void An_unchanged_run_does_nothing_exits_0_and_says_so_in_one_line()
    {
        using var tmp = new TempDir();
        var input = tmp.Write("in/a.csv", LockAndRecoveryTests.SmallInput);
        var target = tmp.File("out");
        Assert.AreEqual(0, Cli.Run("run", tmp.File("in"), "--out", target, "--as-of", "2026-11-28").ExitCode);
        var manifest = File.ReadAllBytes(Path.Combine(target, "manifest.json"));
        var before = LockAndRecoveryTests.Snapshot(target);

        var again = Cli.Run("run", tmp.File("in"), "--out", target, "--as-of", "2026-11-28", "--if-changed");

        Assert.AreEqual(0, again.ExitCode, again.Error);
        Assert.AreEqual(string.Empty, again.Error);
        var lines = again.Out.Trim().Split('\n');
        Assert.AreEqual(1, lines.Length, again.Out);
        StringAssert.StartsWith(lines[0], "--if-changed: inputs, config, settings and tool version are those of the run started 2026-11-28T12:00:00Z");
        CollectionAssert.AreEqual(manifest, File.ReadAllBytes(Path.Combine(target, "manifest.json")), "nothing was rewritten, not even the manifest");
        var json = Cli.Run("run", tmp.File("in"), "--out", target, "--as-of", "2026-11-28", "--if-changed", "--log-format", "json").Error.Trim().Split('\n');
        StringAssert.Contains(json[^2], "\"event\":\"run.unchanged\"");
        StringAssert.Contains(json[^1], "\"event\":\"run.finished\"");
        CollectionAssert.AreEqual(before, LockAndRecoveryTests.Snapshot(target));
        Assert.IsTrue(File.Exists(input));
    }

    [TestMethod]
    public void A_changed_input_a_new_file_a_changed_setting_a_changed_config_or_damaged_outputs_make_it_run()
    {
        using var tmp = new TempDir();
        var input = tmp.Write("in/a.csv", LockAndRecoveryTests.SmallInput);
        var config = tmp.Write("config.json", "{}");
        var target = tmp.File("out");
        string[] Args(params string[] extra) => ["run", tmp.File("in"), "--out", target, "--as-of", "2026-11-28", "--config", config, "--if-changed", .. extra];
        Assert.AreEqual(0, Cli.Run(Args()).ExitCode);
        Assert.IsTrue(Skipped(Cli.Run(Args())), "baseline: nothing changed");

        // Each change below must make the next --if-changed run do the work (and then the one after it skip).
        var changes = new (string What, Action Change, string[] Extra)[]
        {
            ("one byte of an input", () => File.AppendAllText(input, "Italy,2021,children,10,5,15\n"), []),
            ("a new file in the input folder", () => tmp.Write("in/b.csv", "country,year,measure,total\nSpain,2021,children,30\n"), []),
            ("--min-cell", () => { }, ["--min-cell", "6"]),
            ("the config", () => File.WriteAllText(config, "{ \"states\": {} }"), ["--min-cell", "6"]),
            ("a deleted output", () => File.Delete(Path.Combine(target, "publish", "report.md")), ["--min-cell", "6"]),
            ("an edited output", () => File.AppendAllText(Path.Combine(target, "publish", "trend-summary.csv"), "x"), ["--min-cell", "6"]),
        };
        foreach (var (what, change, extra) in changes)
        {
            change();
            var run = Cli.Run(Args(extra));
            Assert.IsFalse(Skipped(run), $"a change of {what} must make the run do the work: {run.Out}");
            Assert.AreEqual(0, run.ExitCode, what + ": " + run.Error);
            Assert.IsTrue(Skipped(Cli.Run(Args(extra))), $"after running for {what}, the next run skips");
        }
    }

    [TestMethod]
    public void A_run_that_stopped_with_exit_3_is_never_skipped_so_its_alarm_sounds_every_night()
    {
        using var tmp = new TempDir();
        tmp.Write("in/a.csv", "country,year,surname,total\nGermany,2020,x,3\n");
        var target = tmp.File("out");
        Assert.AreEqual(3, Cli.Run("run", tmp.File("in"), "--out", target).ExitCode);

        var again = Cli.Run("run", tmp.File("in"), "--out", target, "--if-changed");

        Assert.AreEqual(3, again.ExitCode);
        Assert.IsFalse(Skipped(again));
    }

    private static bool Skipped(CliResult result) => result.Out.StartsWith("--if-changed:", StringComparison.Ordinal);
}
