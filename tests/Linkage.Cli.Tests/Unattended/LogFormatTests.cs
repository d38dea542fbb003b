using System.Globalization;
using System.Text.Json;

namespace Linkage.Cli.Tests.Unattended;

/// <summary><c>--log-format json</c> for log collectors, plain text for people, progress only on a terminal.</summary>
[TestClass]
public sealed class LogFormatTests
{
    private static readonly string[] Keys = ["time", "level", "event", "file", "row", "code", "message", "counts"];

    [TestMethod]
    public void Json_logs_are_one_object_per_line_on_stderr_with_the_fixed_keys_and_nothing_on_stdout()
    {
        using var tmp = new TempDir();
        tmp.Write("in/a.csv", LockAndRecoveryTests.SmallInput + "Narnia,2021,children,1,1,2\n");

        var result = Cli.Run("run", tmp.File("in"), "--out", tmp.File("out"), "--as-of", "2026-11-28", "--log-format", "json");

        Assert.AreEqual(1, result.ExitCode, result.Error);
        Assert.AreEqual(string.Empty, result.Out);
        var events = Parse(result.Error);
        foreach (var e in events)
        {
            CollectionAssert.AreEqual(Keys, e.EnumerateObject().Select(p => p.Name).ToArray());
            Assert.IsTrue(DateTime.TryParseExact(e.GetProperty("time").GetString(), "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
            CollectionAssert.Contains(new[] { "info", "warning", "error" }, e.GetProperty("level").GetString());
        }

        var read = events.Single(e => e.GetProperty("event").GetString() == "file.read");
        Assert.AreEqual("in/a.csv", Path.GetRelativePath(tmp.Path, read.GetProperty("file").GetString()!).Replace('\\', '/'));
        var counts = read.GetProperty("counts");
        Assert.AreEqual(7, counts.GetProperty("rows_read").GetInt64());
        Assert.AreEqual(counts.GetProperty("rows_read").GetInt64(), counts.GetProperty("rows_accepted").GetInt64() + counts.GetProperty("rows_rejected").GetInt64());
        var rejected = events.Single(e => e.GetProperty("event").GetString() == "rows.rejected");
        Assert.AreEqual("not-osce-state", rejected.GetProperty("code").GetString());
        Assert.AreEqual(1, rejected.GetProperty("counts").GetProperty("rows").GetInt64());
        var finished = events[^1];
        Assert.AreEqual("run.finished", finished.GetProperty("event").GetString());
        Assert.AreEqual(1, finished.GetProperty("counts").GetProperty("exit_code").GetInt32());
        CollectionAssert.IsSubsetOf(new[] { "lock.acquired", "run.started", "output.committed", "file.read", "rows.rejected", "run.finished" }, events.Select(e => e.GetProperty("event").GetString()).ToArray());
    }

    [TestMethod]
    public void Json_errors_carry_file_and_code_and_every_event_name_is_documented_in_the_readme()
    {
        using var tmp = new TempDir();
        tmp.Write("in/a.csv", "country,year,surname,total\nGermany,2020,x,3\n");
        var readme = File.ReadAllText(Path.Combine(Cli.RepoRoot, "README.md"));

        var personal = Parse(Cli.Run("run", tmp.File("in"), "--out", tmp.File("out"), "--log-format", "json").Error);
        var usage = Parse(Cli.Run("run", tmp.File("in"), "--out", tmp.File("out"), "--log-format", "json", "--min-cell", "1").Error);
        using (Output.RunLock.TryAcquire(tmp.File("out"), DateTimeOffset.UnixEpoch, out _))
        {
            personal.AddRange(Parse(Cli.Run("run", tmp.File("in"), "--out", tmp.File("out"), "--log-format", "json").Error));
        }

        var problem = personal.First(e => e.GetProperty("event").GetString() == "file.problem");
        Assert.AreEqual("error", problem.GetProperty("level").GetString());
        Assert.AreEqual("personal-data", problem.GetProperty("code").GetString());
        StringAssert.EndsWith(problem.GetProperty("file").GetString(), "a.csv");
        Assert.AreEqual("usage.error", usage.Single().GetProperty("event").GetString());
        Assert.IsTrue(personal.Any(e => e.GetProperty("event").GetString() == "lock.held"));
        foreach (var name in personal.Concat(usage).Select(e => e.GetProperty("event").GetString()).Distinct())
        {
            StringAssert.Contains(readme, $"`{name}`", $"the README's log section must list the event {name}");
        }
    }

    [TestMethod]
    public void Progress_is_written_only_to_a_terminal_and_never_with_json_or_quiet()
    {
        using var tmp = new TempDir();
        tmp.Write("in/a.csv", LockAndRecoveryTests.SmallInput);
        string Stderr(bool terminal, params string[] extra)
        {
            using var output = new StringWriter(CultureInfo.InvariantCulture);
            using var error = new StringWriter(CultureInfo.InvariantCulture);
            Assert.AreEqual(0, Program.Run(["run", tmp.File("in"), "--out", tmp.File("out"), "--as-of", "2026-11-28", .. extra], output, error, Cli.Clock, terminal));
            return error.ToString();
        }

        var terminal = Stderr(true);
        StringAssert.Contains(terminal, "\rreading 1/1: ");
        StringAssert.Contains(terminal, "\rrendering ");
        Assert.IsFalse(terminal.Contains('\n', StringComparison.Ordinal), "progress overwrites one line");
        Assert.AreEqual(string.Empty, terminal.Split('\r')[^1].Trim(), "the progress line is cleared at the end");
        Assert.AreEqual(string.Empty, Stderr(false), "a log file or pipe gets no progress");
        Assert.AreEqual(string.Empty, Stderr(true, "--quiet"));
        Assert.IsFalse(Stderr(true, "--log-format", "json").Contains('\r', StringComparison.Ordinal));
    }

    [TestMethod]
    public void Text_logs_stay_plain_lines_without_json_or_progress()
    {
        using var tmp = new TempDir();
        tmp.Write("in/a.csv", LockAndRecoveryTests.SmallInput + "Narnia,2021,children,1,1,2\n");

        var result = Cli.Run("run", tmp.File("in"), "--out", tmp.File("out"), "--as-of", "2026-11-28");

        Assert.AreEqual(1, result.ExitCode);
        Assert.AreEqual(string.Empty, result.Error);
        var lines = result.Out.Trim().Split('\n');
        Assert.AreEqual(3, lines.Length, result.Out);
        StringAssert.EndsWith(lines[0], "a.csv: read 7, accepted 6, set aside 0, rejected 1");

        // Why, by problem code, in one line: the row itself is in internal/rejects.csv.
        Assert.AreEqual("  problems: 1 not-osce-state (each row in internal/rejects.csv)", lines[1]);
        StringAssert.StartsWith(lines[2], "18 observations written to ");
    }

    [TestMethod]
    [DataRow("--log-format", "json", DisplayName = "--log-format json")]
    [DataRow("--log-format=json", null, DisplayName = "--log-format=json")]
    public void Errors_the_command_line_parser_finds_are_json_too_when_json_was_asked_for(string option, string? value)
    {
        string[] args = value is null ? ["run", Cli.SampleData, option, "--min-cell", "abc"] : ["run", Cli.SampleData, option, value, "--min-cell", "abc"];

        var result = Cli.Run(args);

        Assert.AreEqual(2, result.ExitCode);
        var events = Parse(result.Error);
        Assert.IsNotEmpty(events);
        Assert.IsTrue(events.All(e => e.GetProperty("event").GetString() == "usage.error" && e.GetProperty("level").GetString() == "error"), result.Error);
        Assert.IsTrue(events.All(e => e.GetProperty("code").GetString() == "usage"), result.Error);
        Assert.IsTrue(events.Any(e => e.GetProperty("message").GetString()!.Contains("--out", StringComparison.Ordinal)), "the missing --out is among them");
    }

    [TestMethod]
    public void A_run_that_stops_early_still_ends_its_json_log_with_run_finished_and_its_exit_code()
    {
        using var tmp = new TempDir();
        tmp.Write("in/a.csv", LockAndRecoveryTests.SmallInput);
        using var held = Output.RunLock.TryAcquire(tmp.File("out"), DateTimeOffset.UnixEpoch, out _);

        var events = Parse(Cli.Run("run", tmp.File("in"), "--out", tmp.File("out"), "--log-format", "json").Error);

        Assert.AreEqual("lock.held", events[0].GetProperty("event").GetString());
        Assert.AreEqual("lock-held", events[0].GetProperty("code").GetString());
        Assert.AreEqual("run.finished", events[^1].GetProperty("event").GetString());
        Assert.AreEqual(4, events[^1].GetProperty("counts").GetProperty("exit_code").GetInt32());
    }

    [TestMethod]
    public void An_unknown_log_format_is_a_usage_error()
    {
        var result = Cli.Run("run", Cli.SampleData, "--out", "x", "--log-format", "xml");

        Assert.AreEqual(2, result.ExitCode);
        Assert.AreEqual("linkage: --log-format 'xml' is not a log format; expected text or json.", result.Error.Trim());
    }

    private static List<JsonElement> Parse(string stderr) =>
        [.. stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone())];
}
