using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;

using Linkage.Output;
using Linkage.Pipeline;
using Linkage.Problems;
using Linkage.Render;
using Linkage.Report;

namespace Linkage.Cli.Commands;

/// <summary>
/// <c>linkage run INPUT... --out DIR</c>: runs every stage and writes <c>internal/</c> (observations, rejects),
/// <c>publish/</c> (the two tables, the charts, the report) and, last, <c>manifest.json</c>. Outputs are staged and
/// moved into place at the end.
/// </summary>
internal static class RunCommand
{
    public static Command Create(CliContext cli)
    {
        var inputs = new InputOptions();
        var outDir = new Option<string>("--out")
        {
            Description = "Output folder (created if missing).",
            HelpName = "DIR",
            Required = true,
        };
        var quiet = new Option<bool>("--quiet") { Description = "Print only errors." };
        var minCell = WholeNumber.Option(
            "--min-cell",
            "Disclosure threshold k: published counts of 1 to k-1 are suppressed, shares need a denominator of at least k.",
            "N",
            StatisticsOptions.DefaultMinCell);
        var from = WholeNumber.Optional("--from", "First year of the statistics and of the trend window.", "YEAR");
        var to = WholeNumber.Optional("--to", "Last year of the statistics and of the trend window.", "YEAR");
        var command = new Command("run", "Process submissions and write the outputs.");
        inputs.AddTo(command);
        command.Options.Add(outDir);
        command.Options.Add(minCell);
        command.Options.Add(from);
        command.Options.Add(to);
        command.Options.Add(quiet);
        command.SetAction(parse =>
        {
            var started = cli.Clock.GetUtcNow();
            if (string.IsNullOrWhiteSpace(parse.GetValue(outDir)))
            {
                return cli.UsageError("--out is empty; expected the folder to write the outputs to.");
            }

            var resolved = inputs.Resolve(parse, cli.Clock, out var error);
            if (resolved is null)
            {
                return cli.UsageError(error!);
            }

            if (parse.GetValue(minCell) < 2)
            {
                return cli.UsageError(string.Create(CultureInfo.InvariantCulture, $"--min-cell {parse.GetValue(minCell)} would publish counts of single children; expected an integer of at least 2."));
            }

            if (parse.GetValue(from) is { } f && parse.GetValue(to) is { } t && f > t)
            {
                return cli.UsageError(string.Create(CultureInfo.InvariantCulture, $"--from {f} is after --to {t}; expected the first year, then the last."));
            }

            var result = PipelineRunner.Run(resolved.Inputs, resolved.Context, resolved.Options);
            StatisticsResult? stats = null;
            if (!result.HasPersonalData && !result.HasFatalFileProblem && !result.HasFatalConflict && result.Observations.Count > 0)
            {
                stats = StatisticsRunner.Run(result.Observations, resolved.Context.Regions, new StatisticsOptions(parse.GetValue(minCell), new Aggregate.YearWindow(parse.GetValue(from), parse.GetValue(to))));
                result = result.WithWarnings(stats.Aggregate.Warnings);
            }

            var exit = resolved.ExitCode(result);
            if (stats is { Notes.Count: > 0 })
            {
                exit = Math.Max(exit, ExitCodes.FinishedWithProblems);
            }

            if (stats is { MayPublish: false })
            {
                // Never reached by design: the suppression widens until the audit passes. If it ever is, nothing is published.
                foreach (var breach in stats.Breaches.DefaultIfEmpty("a table failed the disclosure audit").Take(5))
                {
                    cli.Error.WriteLine($"linkage: not published: {breach}.");
                }

                exit = ExitCodes.DataError;
            }

            var target = parse.GetValue(outDir)!;
            var writeClock = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                Write(target, parse.Tokens.Select(t => t.Value).ToList(), resolved, result, stats, exit, started, writeClock);
            }
            catch (ChartFontException ex)
            {
                cli.Error.WriteLine($"linkage: {ex.Message} Nothing was written; previous outputs were left as they were.");
                return ExitCodes.OutputError;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                cli.Error.WriteLine($"linkage: the outputs could not be written to '{target}' ({ex.Message}); previous outputs were left as they were.");
                return ExitCodes.OutputError;
            }

            Report(cli, result, stats, resolved.Skipped, exit, target, parse.GetValue(quiet));
            return exit;
        });
        return command;
    }

    private static void Write(string target, IReadOnlyList<string> arguments, ResolvedInputs resolved, PipelineResult result, StatisticsResult? stats, int exit, DateTimeOffset started, System.Diagnostics.Stopwatch writeClock)
    {
        using var folder = new OutputFolder(target);

        // A file with personal-data columns stops publication; its rows were never read, so there is nothing to write but the record of why.
        if (!result.HasPersonalData)
        {
            folder.Write("internal/observations.csv", s => CsvTables.WriteObservations(s, result.Observations));
        }

        folder.Write("internal/rejects.csv", s => CsvTables.WriteRejects(s, result.Files));

        long? renderTime = null;

        // Only tables that passed the audit and the publish guard leave internal/; a run with a fatal problem publishes nothing.
        if (stats is { MayPublish: true } && exit != ExitCodes.DataError)
        {
            folder.Write("publish/regional-trends.csv", s => PublishCsv.WriteRegionalTrends(s, stats.Regional));
            folder.Write("publish/trend-summary.csv", s => PublishCsv.WriteTrendSummary(s, stats.Trends));
            var renderClock = System.Diagnostics.Stopwatch.StartNew();
            WriteChartsAndReport(folder, stats, result, resolved.AsOf);
            renderTime = renderClock.ElapsedMilliseconds;
        }

        var timings = new Dictionary<string, long>(result.Timings, StringComparer.Ordinal);
        foreach (var (stage, ms) in stats?.Timings ?? new Dictionary<string, long>())
        {
            timings[stage] = ms;
        }

        if (renderTime is { } renderMs)
        {
            timings["render"] = renderMs;
        }

        timings["write"] = writeClock.ElapsedMilliseconds - (renderTime ?? 0);
        var outputs = folder.Written.ToList();
        folder.Write("manifest.json", s => Manifest.Write(s, new ManifestData
        {
            Arguments = arguments,
            Config = resolved.Config,
            RegionsFile = resolved.RegionsFile,
            Statistics = stats,
            Result = result,
            Skipped = resolved.Skipped,
            Outputs = outputs,
            StartedUtc = started,
            Timings = timings,
            ExitCode = exit,
        }));
        folder.Commit();
    }

    /// <summary>Renders the charts of each measure (PNG, full-width PNG, SVG) and the report that embeds them.</summary>
    private static void WriteChartsAndReport(OutputFolder folder, StatisticsResult stats, PipelineResult result, DateOnly? asOf)
    {
        ChartRenderer.EnsureFont();
        var states = StateCompleteness.Build(stats.Aggregate.States, stats.Protection.MinCell);
        var reportCharts = new List<ReportChart>();
        foreach (var measure in stats.Regional.Select(r => r.Measure).Distinct().Order())
        {
            foreach (var chart in ChartBuilder.Build(new ChartInput(stats.Regional, stats.Trends, states, measure, stats.Protection.MinCell, asOf)))
            {
                foreach (var file in ChartRenderer.Render(chart))
                {
                    folder.Write("publish/charts/" + file.FileName, s => s.Write(file.Bytes));
                    if (file.FileName == chart.Name + ".png")
                    {
                        reportCharts.Add(new ReportChart($"{chart.Title}: {chart.Subtitle}", "charts/" + file.FileName, file.Bytes));
                    }
                }
            }
        }

        var blocks = ReportBuilder.Build(new ReportInput(stats, result, states, reportCharts, asOf));
        folder.Write("publish/report.html", s => WriteText(s, HtmlReport.Write(blocks)));
        folder.Write("publish/report.md", s => WriteText(s, MarkdownReport.Write(blocks)));
    }

    private static void WriteText(Stream stream, string text)
    {
        var bytes = new System.Text.UTF8Encoding(false).GetBytes(text);
        stream.Write(bytes);
    }

    private static void Report(CliContext cli, PipelineResult result, StatisticsResult? stats, IReadOnlyList<SkippedInput> skipped, int exit, string target, bool quiet)
    {
        var inv = CultureInfo.InvariantCulture;
        foreach (var f in result.Files)
        {
            foreach (var p in f.FileProblems.Where(p => p.Severity != Severity.Warning))
            {
                cli.Error.WriteLine($"linkage: {p.Message}");
            }
        }

        foreach (var p in result.Conflicts.Where(p => p.Severity == Severity.Fatal).Take(20))
        {
            cli.Error.WriteLine($"linkage: {p.Message}");
        }

        if (result.Observations.Count == 0 && !result.HasPersonalData)
        {
            cli.Error.WriteLine("linkage: no usable data was found in the inputs; see internal/rejects.csv for why each row was rejected.");
        }

        if (!quiet)
        {
            foreach (var f in result.Files)
            {
                cli.Out.WriteLine(string.Create(inv, $"{f.File}: read {f.RowsRead}, accepted {f.RowsAccepted}, rejected {f.RowsRejected}"));
            }

            foreach (var w in result.Warnings)
            {
                cli.Out.WriteLine($"warning: {w.Message}");
            }

            foreach (var s in skipped.Where(s => s.IsWarning))
            {
                cli.Out.WriteLine($"warning: skipped {s.Name} ({s.Reason}).");
            }

            foreach (var note in stats?.Notes ?? [])
            {
                cli.Out.WriteLine($"warning: {note}");
            }

            cli.Out.WriteLine(result.HasPersonalData
                ? string.Create(inv, $"Nothing published: an input has personal-data columns; the manifest and internal/rejects.csv in {target} say which; exit code {exit}.")
                : string.Create(inv, $"{result.Observations.Count} observations written to {Path.Combine(target, "internal")}{Published(stats, target)}; exit code {exit}."));
        }
    }

    private static string Published(StatisticsResult? stats, string target) => stats is { MayPublish: true }
        ? string.Create(
            CultureInfo.InvariantCulture,
            $", regional tables to {Path.Combine(target, "publish")} (k = {stats.Protection.MinCell}: {stats.Protection.PrimaryCount} small counts suppressed, {stats.Protection.SecondaryCount} more to protect them)")
        : string.Empty;
}
