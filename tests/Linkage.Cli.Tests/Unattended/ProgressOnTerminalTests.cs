using System.Text;
using System.Text.RegularExpressions;

namespace Linkage.Cli.Tests.Unattended;

/// <summary>
/// Reading a large records file: a terminal sees rows, rows/s, percent and ETA on one overwritten line; a log file or
/// pipe (stderr not a terminal, as in every other test), a JSON log and <c>--quiet</c> see none of it.
/// </summary>
[TestClass]
public sealed partial class ProgressOnTerminalTests
{
    /// <summary>Enough rows for three progress calls (one every 65,536 rows).</summary>
    private const int Rows = 200_000;

    private static TempDir? _tmp;

    private static string Input => _tmp!.File("in/records.csv");

    [ClassInitialize]
    public static void WriteRecords(TestContext context)
    {
        _tmp = new TempDir();
        string[] states = ["AUT", "DEU", "FRA", "ITA", "ESP", "POL"];
        var text = new StringBuilder("state,date,measure,citizenship,country of exploitation\n", Rows * 40);
        for (var i = 0; i < Rows; i++)
        {
            var state = states[i % states.Length];
            text.Append(state).Append(',').Append(2015 + (i % 10)).Append("-0").Append(1 + (i % 9)).Append("-1").Append(i % 10)
                .Append(",children,").Append(states[i / 7 % states.Length]).Append(',').Append(state).Append('\n');
        }

        _tmp.Write("in/records.csv", text.ToString());
    }

    [ClassCleanup]
    public static void Delete() => _tmp?.Dispose();

    [TestMethod]
    public void Run_of_a_large_file_writes_no_progress_when_stderr_is_not_a_terminal()
    {
        var result = Cli.Run("run", Input, "--out", _tmp!.File("out-pipe"), "--as-of", "2026-11-28");

        Assert.AreEqual(0, result.ExitCode, result.Error + result.Out);
        Assert.AreEqual(string.Empty, result.Error);
        foreach (var text in new[] { "\r", "rows/s", "ETA", "reading " })
        {
            Assert.IsFalse(result.Out.Contains(text, StringComparison.Ordinal), $"stdout has '{text.Replace("\r", "\\r", StringComparison.Ordinal)}': {result.Out}");
        }
    }

    [TestMethod]
    public void Run_of_a_large_file_on_a_terminal_shows_rows_per_second_and_eta_on_one_line()
    {
        // Each reading of the clock moves it half a second: every call is redrawn, at 65,536 rows per 0.5 s.
        var result = Cli.RunOnTerminal(new Cli.SteppingClock(TimeSpan.FromSeconds(0.5)), "run", Input, "--out", _tmp!.File("out-tty"), "--as-of", "2026-11-28");

        Assert.AreEqual(0, result.ExitCode, result.Error);
        var lines = ReadingLine().Matches(result.Error).Select(m => m.Value).ToList();
        Assert.HasCount(3, lines, result.Error);
        StringAssert.Contains(lines[0], "  65,536 rows  131k rows/s  ");
        StringAssert.Contains(lines[2], "  196,608 rows  131k rows/s  ");
        Assert.IsFalse(result.Error.Contains('\n', StringComparison.Ordinal), "progress overwrites one line");
        Assert.IsTrue(result.Error.Split('\r').All(part => part.Length <= 79), "every redraw fits the 79-column line");
        Assert.AreEqual(string.Empty, result.Error.Split('\r')[^1].Trim(), "the progress line is cleared at the end");
        Assert.IsFalse(result.Out.Contains("rows/s", StringComparison.Ordinal), "progress goes to stderr only");
    }

    [TestMethod]
    [DataRow("--log-format", "json")]
    [DataRow("--quiet", null)]
    public void Run_on_a_terminal_writes_no_progress_with_a_json_log_or_quiet(string option, string? value)
    {
        string[] args = ["run", Input, "--out", _tmp!.File("out-" + option.TrimStart('-')), "--as-of", "2026-11-28", option];
        var result = Cli.RunOnTerminal(new Cli.SteppingClock(TimeSpan.FromSeconds(0.5)), value is null ? args : [.. args, value]);

        Assert.AreEqual(0, result.ExitCode, result.Error);
        Assert.IsFalse(result.Error.Contains('\r', StringComparison.Ordinal), result.Error);
        Assert.IsFalse((result.Error + result.Out).Contains("rows/s", StringComparison.Ordinal));
    }

    [TestMethod]
    public void Validate_on_a_terminal_shows_progress_on_stderr_and_clears_it_before_the_report()
    {
        var clock = new Cli.SteppingClock(TimeSpan.FromSeconds(0.5));

        var text = Cli.RunOnTerminal(clock, "validate", Input, "--as-of", "2026-11-28");
        var json = Cli.RunOnTerminal(clock, "validate", Input, "--as-of", "2026-11-28", "--json");

        Assert.AreEqual(0, text.ExitCode, text.Error + text.Out);
        Assert.HasCount(3, ReadingLine().Matches(text.Error), text.Error);
        Assert.AreEqual(string.Empty, text.Error.Split('\r')[^1].Trim(), "the progress line is cleared before the report");
        StringAssert.StartsWith(text.Out, "file: ");
        Assert.AreEqual(string.Empty, json.Error, "no progress with --json");
        StringAssert.StartsWith(json.Out, "{");
    }

    [GeneratedRegex(@"reading 1/1: \S+  [0-9,]+ rows  [0-9.]+[kM]? rows/s  [0-9]{1,3}%  ETA [0-9]+:[0-9]{2}")]
    private static partial Regex ReadingLine();
}
