using System.Globalization;

using Linkage.Pipeline;

namespace Linkage.Cli.Tests;

/// <summary>The meter between the pipeline's progress calls and the terminal: timing per file, throttling, threads.</summary>
[TestClass]
public sealed class ReadProgressMeterTests
{
    [TestMethod]
    public void ReadProgressMeter_times_each_file_from_its_start_and_redraws_at_most_five_times_a_second()
    {
        var clock = new Cli.SteppingClock(TimeSpan.Zero);
        var lines = new List<string>();
        var meter = new ReadProgressMeter(clock, lines.Add);

        meter.FileStarted(1, 2, "a.csv");
        clock.Advance(TimeSpan.FromMilliseconds(100));
        meter.Report(new ReadProgress(1, 2, "a.csv", 65_536, 10, 100));
        clock.Advance(TimeSpan.FromMilliseconds(150));
        meter.Report(new ReadProgress(1, 2, "a.csv", 131_072, 20, 100));
        meter.Report(new ReadProgress(1, 2, "a.csv", 196_608, 30, 100));
        clock.Advance(TimeSpan.FromSeconds(1));
        meter.FileStarted(2, 2, "b.csv");
        clock.Advance(TimeSpan.FromSeconds(2));
        meter.Report(new ReadProgress(2, 2, "b.csv", 65_536, 50, 100));

        CollectionAssert.AreEqual(
            new[]
            {
                "reading 1/2: a.csv",
                "reading 1/2: a.csv  131,072 rows  524k rows/s  20%  ETA 0:01",
                "reading 2/2: b.csv",
                "reading 2/2: b.csv  65,536 rows  32.8k rows/s  50%  ETA 0:02",
            },
            lines);
    }

    [TestMethod]
    public void ReadProgressMeter_is_not_attached_when_the_log_shows_no_progress()
    {
        var options = new PipelineOptions();
        foreach (var (terminal, format, quiet) in new[] { (false, LogFormat.Text, false), (true, LogFormat.Json, false), (true, LogFormat.Text, true) })
        {
            var log = new RunLog(new CliContext(TextWriter.Null, TextWriter.Null, Cli.Clock, terminal), format, quiet);

            var attached = ReadProgressMeter.Attach(options, log, Cli.Clock);

            Assert.IsNull(attached.OnReadProgress);
            Assert.IsNull(attached.OnFileStarted);
        }
    }

    [TestMethod]
    public void ReadProgressMeter_and_the_log_keep_lines_whole_when_progress_comes_from_other_threads()
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var clock = new Cli.SteppingClock(TimeSpan.FromSeconds(1));
        var log = new RunLog(new CliContext(output, error, clock, ErrorIsTerminal: true), LogFormat.Text, quiet: false);
        var options = ReadProgressMeter.Attach(new PipelineOptions(), log, clock);
        options.OnFileStarted!(1, 1, "f.csv");

        Parallel.For(0, 2_000, i =>
        {
            options.OnReadProgress!(new ReadProgress(1, 1, "f.csv", 65_536L * (i + 1), i + 1, 2_000));
            if (i % 10 == 0)
            {
                log.Error("test", string.Create(CultureInfo.InvariantCulture, $"error {i}"));
            }
        });
        log.ClearProgress();

        // Every stretch between carriage returns is a whole progress line (padded to 79) or a whole error line.
        foreach (var part in error.ToString().Split('\r').Where(p => p.Length > 0))
        {
            var isProgress = part.StartsWith("reading 1/1: f.csv", StringComparison.Ordinal) && part.Length == 79;
            var isClear = part.Trim().Length == 0;
            var isError = part.StartsWith("linkage: error ", StringComparison.Ordinal) && part.EndsWith('\n') && part.Count(c => c == '\n') == 1;
            Assert.IsTrue(isProgress || isClear || isError, $"a torn line: '{part}'");
        }

        Assert.AreEqual(200, error.ToString().Split('\r', '\n').Count(l => l.StartsWith("linkage: error ", StringComparison.Ordinal)));
    }
}
