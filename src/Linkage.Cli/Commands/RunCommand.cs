using System.CommandLine;
using System.Globalization;

using Linkage.Output;
using Linkage.Pipeline;
using Linkage.Problems;
using Linkage.Render;

namespace Linkage.Cli.Commands;

/// <summary>
/// <c>linkage run INPUT... --out DIR</c>: parses the options (<see cref="RunOptions"/>), takes the output folder's
/// lock, runs the whole chain in the library (<see cref="PipelineRun.Run"/>), commits the bytes it returns
/// (<see cref="RunOutputs.Commit"/>: <c>internal/</c>, <c>publish/</c>, then <c>manifest.json</c>, moved into place
/// together) and prints what happened (<see cref="RunSummary"/>).
/// </summary>
internal static class RunCommand
{
    public static Command Create(CliContext cli)
    {
        var options = new RunOptions();
        var command = new Command("run", "Process submissions and write the outputs.");
        options.AddTo(command);
        command.SetAction(parse =>
        {
            var started = cli.Clock.GetUtcNow();
            if (options.Format(parse) is not { } format)
            {
                return cli.UsageError(options.BadFormat(parse));
            }

            var log = new RunLog(cli, format, options.Quiet(parse));
            if (options.Parse(parse, format, cli.Clock, out var error) is not { } args)
            {
                return Usage(log, error!);
            }

            string target;
            string? foreign;
            try
            {
                target = OutputFolder.Resolve(args.OutDir);
                foreign = OutputFolder.ForeignEntry(target);
            }
            catch (ArgumentException ex)
            {
                return Usage(log, ex.Message);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return OutputFailed(log, args.OutDir, ex);
            }

            var cwd = Path.GetFullPath(Environment.CurrentDirectory);
            if (cwd == target || cwd.StartsWith(target + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                return Usage(log, $"--out '{args.OutDir}' is or holds the current folder, which the run would replace under your feet; give a folder of its own.");
            }

            if (OutputFolder.IsMountPoint(target))
            {
                return Usage(log, $"--out '{args.OutDir}' is a mount point; linkage stages the outputs beside the folder and swaps the two, which cannot cross file systems, so give a folder inside it.");
            }

            if (foreign is not null)
            {
                return Usage(log, $"--out '{args.OutDir}' holds '{foreign}', which linkage did not write (it is not in the folder's manifest); each run replaces the whole folder, so give a folder of its own (new, empty, or written by linkage).");
            }

            using var runLock = RunLocking.Take(log, target, started);
            return runLock is null ? Finished(log, ExitCodes.OutputError) : Locked(log, cli.Clock, parse, args, target, started);
        });
        return command;
    }

    /// <summary>With the lock held: recovers an interrupted run, honours <c>--if-changed</c>, runs, commits and prints.</summary>
    private static int Locked(RunLog log, TimeProvider clock, ParseResult parse, RunArguments args, string target, DateTimeOffset started)
    {
        try
        {
            foreach (var note in OutputFolder.Recover(target))
            {
                log.Report("output.recovered", RunProblems.InterruptedRun(note));
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return OutputFailed(log, target, ex);
        }

        var resolved = args.Resolved;
        if (args.IfChanged)
        {
            var now = RunFingerprint.Compute(args.Settings, resolved.Inputs.Select(i => (i.Name, RunFingerprint.HashFile(i.Path))), resolved.Skipped.Select(s => s.Name));
            if (RunFingerprint.MatchesLastRun(target, now, out var lastStarted, out var lastExit))
            {
                var warned = lastExit == ExitCodes.FinishedWithProblems ? " (it exited 1: its rejects and warnings stand, see its manifest)" : string.Empty;
                log.Info("run.unchanged", $"--if-changed: inputs, config, settings and tool version are those of the run started {lastStarted ?? "earlier"}{warned}, whose outputs in {target} are intact; nothing to do.", counts: new Dictionary<string, long> { ["last_exit_code"] = lastExit });
                return Finished(log, ExitCodes.Success);
            }
        }

        log.Trace("run.started", string.Create(CultureInfo.InvariantCulture, $"reading {resolved.Inputs.Count} input file(s)."), counts: new Dictionary<string, long> { ["files"] = resolved.Inputs.Count });
        var request = new RunRequest(resolved.Inputs, resolved.Context, ReadProgressMeter.Attach(resolved.Options, log, clock), args.Statistics)
        {
            HasWarnings = resolved.HasWarnings,
            AcceptSuggestions = args.Threshold,
            Config = resolved.ConfigData,
            AsOf = resolved.AsOf,
            Language = args.Language,
            Progress = log.Progress,
            Arguments = [.. parse.Tokens.Select(t => t.Value)],
            ConfigFile = resolved.Config,
            RegionsFile = resolved.RegionsFile,
            Skipped = resolved.Skipped,
            Settings = args.Settings,
            StartedUtc = started,
        };
        RunProduct product;
        try
        {
            product = PipelineRun.Run(request);
        }
        catch (ChartFontException ex)
        {
            log.Report("output.failed", RunProblems.FontMissing(ex.Message));
            return Finished(log, ExitCodes.OutputError);
        }

        try
        {
            foreach (var e in product.Events)
            {
                log.Report(e.Event, e.Problem, e.File);
            }

            var (result, stats, exit) = (product.Outcome.Result, product.Outcome.Statistics, product.Outcome.ExitCode);
            RunSummary.ReportErrors(log, result);
            var written = RunOutputs.Commit(target, product.Files, product.Manifest);
            log.Trace("output.committed", $"moved the new outputs into '{target}'.", counts: new Dictionary<string, long> { ["files"] = written.Count });
            RunSummary.Report(log, result, stats, resolved, exit, target);
            return exit;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return OutputFailed(log, target, ex);
        }
    }

    private static int Usage(RunLog log, string message)
    {
        log.Error("usage.error", message);
        return ExitCodes.Usage;
    }

    /// <summary>Exit code 4 with one sentence: the location could not be written, and what was there is as it was.</summary>
    internal static int OutputFailed(RunLog log, string target, Exception ex)
    {
        var reason = ex.Message.ReplaceLineEndings(" ").Trim().TrimEnd('.');
        log.Report("output.failed", RunProblems.OutputUnwritable(target, reason));
        return Finished(log, ExitCodes.OutputError);
    }

    /// <summary>The closing <c>run.finished</c> event of a run that stopped early (JSON only; text mode has said why).</summary>
    internal static int Finished(RunLog log, int exit)
    {
        log.Trace("run.finished", string.Create(CultureInfo.InvariantCulture, $"exit code {exit}."), counts: new Dictionary<string, long> { ["exit_code"] = exit });
        return exit;
    }
}
