using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;

using Linkage.Analyse;
using Linkage.Localisation;
using Linkage.Output;
using Linkage.Pipeline;
using Linkage.Problems;
using Linkage.Reconcile;
using Linkage.Render;
using Linkage.Report;
using Linkage.Suggest;

namespace Linkage.Cli.Commands;

/// <summary>
/// <c>linkage run INPUT... --out DIR</c>: runs every stage and writes <c>internal/</c> (observations, rejects),
/// <c>publish/</c> (the two tables, the charts, the report and its Word annex) and, last, <c>manifest.json</c>. Outputs are staged and
/// moved into place at the end.
/// </summary>
internal static class RunCommand
{
    /// <summary>The threshold of <c>--accept-suggestions</c> given without a value (its precision is measured in the tests).</summary>
    public const double DefaultAcceptThreshold = 0.9;

    /// <summary>What the run did not recognise, what was suggested, and what <c>--accept-suggestions</c> applied.</summary>
    private sealed record SuggestionOutcome(IReadOnlyList<MappingReviewRow> Review, IReadOnlyList<MappingReviewRow> Applied, double? Threshold, long Milliseconds);

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
        var lang = new Option<string?>("--lang")
        {
            // Languages.CodeList is a constant, compiled in: the help does not load the library.
            Description = $"Language of the charts and the report: {Languages.CodeList} (default en). CSV outputs and file names stay the same.",
            HelpName = "CODE",
        };
        var logFormat = new Option<string?>("--log-format")
        {
            Description = "text (default): short plain lines; json: one JSON object per line on stderr, nothing on stdout.",
            HelpName = "text|json",
        };
        var accept = new Option<string?>("--accept-suggestions")
        {
            Description = "Apply the suggested mapping of every unrecognised label or header whose confidence is at least P (0 < P <= 1; 0.9 when P is left out, the threshold whose precision the tests measure); a label whose own words say it is no such label is never mapped; each one applied is listed in the manifest and the report. Default: none applied.",
            HelpName = "P",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var ifChanged = new Option<bool>("--if-changed")
        {
            Description = "Do nothing (exit 0) when the inputs, config, region map, settings and tool version are those of the last successful run in --out.",
        };
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
        command.Options.Add(accept);
        command.Options.Add(lang);
        command.Options.Add(ifChanged);
        command.Options.Add(logFormat);
        command.Options.Add(quiet);
        command.SetAction(parse =>
        {
            var started = cli.Clock.GetUtcNow();
            var format = parse.GetValue(logFormat) switch
            {
                null or "text" => LogFormat.Text,
                "json" => LogFormat.Json,
                _ => (LogFormat?)null,
            };
            if (format is null)
            {
                return cli.UsageError($"--log-format '{parse.GetValue(logFormat)}' is not a log format; expected text or json.");
            }

            var log = new RunLog(cli, format.Value, parse.GetValue(quiet));
            int Usage(string message)
            {
                log.Error("usage.error", message);
                return ExitCodes.Usage;
            }

            if (string.IsNullOrWhiteSpace(parse.GetValue(outDir)))
            {
                return Usage("--out is empty; expected the folder to write the outputs to.");
            }

            var resolved = inputs.Resolve(parse, cli.Clock, out var error);
            if (resolved is null)
            {
                return Usage(error!);
            }

            if (parse.GetValue(minCell) < 2)
            {
                return Usage(string.Create(CultureInfo.InvariantCulture, $"--min-cell {parse.GetValue(minCell)} would publish counts of single children; expected an integer of at least 2."));
            }

            if (parse.GetValue(from) is { } f && parse.GetValue(to) is { } t && f > t)
            {
                return Usage(string.Create(CultureInfo.InvariantCulture, $"--from {f} is after --to {t}; expected the first year, then the last."));
            }

            double? threshold = null;
            if (parse.GetResult(accept) is { Implicit: false } given && given.Tokens.Count == 0)
            {
                threshold = DefaultAcceptThreshold;
            }
            else if (parse.GetValue(accept) is { } p)
            {
                if (!double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !(value > 0 && value <= 1))
                {
                    return Usage($"--accept-suggestions '{p}' is not a confidence; expected a number above 0 and at most 1, e.g. 0.9.");
                }

                threshold = value;
            }

            var language = Language.En;
            if (parse.GetValue(lang) is { } code && !Languages.TryParse(code, out language))
            {
                return Usage($"--lang '{code}' is not a language of the charts and report; expected one of {Languages.CodeList}.");
            }

            string target;
            string? foreign;
            try
            {
                target = OutputFolder.Resolve(parse.GetValue(outDir)!);
                foreign = OutputFolder.ForeignEntry(target);
            }
            catch (ArgumentException ex)
            {
                return Usage(ex.Message);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return OutputFailed(log, parse.GetValue(outDir)!, ex);
            }

            var cwd = Path.GetFullPath(Environment.CurrentDirectory);
            if (cwd == target || cwd.StartsWith(target + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                return Usage($"--out '{parse.GetValue(outDir)}' is or holds the current folder, which the run would replace under your feet; give a folder of its own.");
            }

            if (OutputFolder.IsMountPoint(target))
            {
                return Usage($"--out '{parse.GetValue(outDir)}' is a mount point; linkage stages the outputs beside the folder and swaps the two, which cannot cross file systems, so give a folder inside it.");
            }

            if (foreign is not null)
            {
                return Usage($"--out '{parse.GetValue(outDir)}' holds '{foreign}', which linkage did not write (it is not in the folder's manifest); each run replaces the whole folder, so give a folder of its own (new, empty, or written by linkage).");
            }

            RunLock? runLock;
            LockHolder? heldBy;
            try
            {
                runLock = RunLock.TryAcquire(target, started, out heldBy);
            }
            catch (LockFileException ex)
            {
                log.Report("output.failed", RunProblems.LockFile(ex.Message));
                return Finished(log, ExitCodes.OutputError);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                var reason = ex.Message.ReplaceLineEndings(" ").Trim().TrimEnd('.');
                var lockPath = RunLock.LockPathFor(target);
                var advice = ex is UnauthorizedAccessException && File.Exists(lockPath)
                    ? $"the lock file exists but this account may not write it (another user's?); fix its owner or remove it"
                    : ex is UnauthorizedAccessException
                        ? $"linkage keeps its lock and staging folder beside --out, so the folder holding '{target}' must be writable"
                        : "linkage keeps its lock and staging folder beside --out";
                log.Report("output.failed", RunProblems.LockUnwritable(lockPath, reason, advice));
                return Finished(log, ExitCodes.OutputError);
            }

            if (runLock is null)
            {
                log.Report("lock.held", RunProblems.LockHeld(heldBy!.Describe(), target, RunLock.LockPathFor(target)));
                return Finished(log, ExitCodes.OutputError);
            }

            using (runLock)
            {
                log.Trace("lock.acquired", $"took the lock '{runLock.Path}'.");
                if (runLock.TakenOverFrom is { } stale)
                {
                    log.Report("lock.taken_over", RunProblems.StaleLock(stale.Describe()));
                }

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

                var settings = Settings(parse, inputs, resolved, minCell, from, to);
                settings.Add(new("accept_suggestions", threshold?.ToString("R", CultureInfo.InvariantCulture)));
                settings.Add(new("lang", language.Code()));
                if (parse.GetValue(ifChanged))
                {
                    var now = RunFingerprint.Compute(settings, resolved.Inputs.Select(i => (i.Name, RunFingerprint.HashFile(i.Path))), resolved.Skipped.Select(s => s.Name));
                    if (RunFingerprint.MatchesLastRun(target, now, out var lastStarted, out var lastExit))
                    {
                        var warned = lastExit == ExitCodes.FinishedWithProblems ? " (it exited 1: its rejects and warnings stand, see its manifest)" : string.Empty;
                        log.Info("run.unchanged", $"--if-changed: inputs, config, settings and tool version are those of the run started {lastStarted ?? "earlier"}{warned}, whose outputs in {target} are intact; nothing to do.", counts: new Dictionary<string, long> { ["last_exit_code"] = lastExit });
                        return Finished(log, ExitCodes.Success);
                    }
                }

                return Execute(log, cli.Clock, parse, resolved, settings, target, started, new StatisticsOptions(parse.GetValue(minCell), new Aggregate.YearWindow(parse.GetValue(from), parse.GetValue(to))), threshold, language);
            }
        });
        return command;
    }

    /// <summary>Every setting that changes the outputs, for the fingerprint (logging options are not among them).</summary>
    private static List<KeyValuePair<string, string?>> Settings(ParseResult parse, InputOptions inputs, ResolvedInputs resolved, Option<int> minCell, Option<int?> from, Option<int?> to) =>
    [
        new("cli_build", typeof(RunCommand).Assembly.ManifestModule.ModuleVersionId.ToString("N")),
        new("min_cell", RunFingerprint.Value(parse.GetValue(minCell))),
        new("from", RunFingerprint.Value(parse.GetValue(from))),
        new("to", RunFingerprint.Value(parse.GetValue(to))),
        new("max_year", RunFingerprint.Value(resolved.Context.MaxYear)),
        new("as_of", resolved.AsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        new("layout", parse.GetValue(inputs.Layout)),
        new("encoding", parse.GetValue(inputs.Encoding)),
        new("delimiter", parse.GetValue(inputs.Delimiter)),
        new("sheet", parse.GetValue(inputs.Sheet)),
        new("date_format", parse.GetValue(inputs.DateFormat)),
        new("on_conflict", parse.GetValue(inputs.OnConflict)),
        new("config_sha256", resolved.Config?.Sha256),
        new("regions_sha256", resolved.RegionsFile?.Sha256),
    ];

    /// <summary>Runs the stages and writes the outputs; called while holding the output folder's lock.</summary>
    private static int Execute(RunLog log, TimeProvider clock, ParseResult parse, ResolvedInputs resolved, List<KeyValuePair<string, string?>> settings, string target, DateTimeOffset started, StatisticsOptions statistics, double? threshold, Language language)
    {
        log.Trace("run.started", string.Create(CultureInfo.InvariantCulture, $"reading {resolved.Inputs.Count} input file(s)."), counts: new Dictionary<string, long> { ["files"] = resolved.Inputs.Count });
        var options = ReadProgressMeter.Attach(resolved.Options, log, clock);
        var outcome = RunStages.Run(resolved.Inputs, resolved.Context, options, statistics, resolved.HasWarnings);
        var suggestions = Suggest(log, resolved, options, statistics, threshold, ref outcome);
        var (result, stats, exit) = (outcome.Result, outcome.Statistics, outcome.ExitCode);
        if (stats is { MayPublish: false })
        {
            foreach (var breach in stats.Breaches.Select(b => b.Message).DefaultIfEmpty("a table failed the disclosure audit").Take(5))
            {
                log.Report("disclosure.breach", RunProblems.DisclosureAudit(breach));
            }
        }

        ReportErrors(log, result);
        var fingerprint = RunFingerprint.Compute(settings, result.Files.Select(f => (f.File, f.Sha256)), resolved.Skipped.Select(s => s.Name));
        var writeClock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            Write(log, target, parse.Tokens.Select(t => t.Value).ToList(), resolved, outcome, suggestions, started, fingerprint, writeClock, language);
        }
        catch (ChartFontException ex)
        {
            log.Report("output.failed", RunProblems.FontMissing(ex.Message));
            return Finished(log, ExitCodes.OutputError);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return OutputFailed(log, target, ex);
        }

        Report(log, result, stats, resolved, exit, target);
        return exit;
    }

    /// <summary>Exit code 4 with one sentence: the location could not be written, and what was there is as it was.</summary>
    private static int OutputFailed(RunLog log, string target, Exception ex)
    {
        var reason = ex.Message.ReplaceLineEndings(" ").Trim().TrimEnd('.');
        log.Report("output.failed", RunProblems.OutputUnwritable(target, reason));
        return Finished(log, ExitCodes.OutputError);
    }

    /// <summary>The closing <c>run.finished</c> event of a run that stopped early (JSON only; text mode has said why).</summary>
    private static int Finished(RunLog log, int exit)
    {
        log.Trace("run.finished", string.Create(CultureInfo.InvariantCulture, $"exit code {exit}."), counts: new Dictionary<string, long> { ["exit_code"] = exit });
        return exit;
    }

    /// <summary>
    /// Suggests mappings for what the run did not recognise (training a model only when there is something), and with
    /// <c>--accept-suggestions P</c> runs the stages again with the suggestions of confidence ≥ P added to the config.
    /// </summary>
    private static SuggestionOutcome Suggest(RunLog log, ResolvedInputs resolved, PipelineOptions options, StatisticsOptions statistics, double? threshold, ref RunOutcome outcome)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var review = MappingReview.Build(outcome.Result, resolved.Context.Vocabulary);
        IReadOnlyList<MappingReviewRow> applied = [];
        if (threshold is { } p && review.Count > 0)
        {
            var (merged, accepted) = MappingReview.Accept(resolved.ConfigData, review, p);
            IReadOnlyList<string> errors = [];
            var vocabulary = accepted.Count > 0 ? Recognise.Vocabulary.WithConfig(merged, out errors) : null;
            if (vocabulary is not null && errors.Count == 0)
            {
                applied = accepted;
                log.Progress("reading again with the accepted suggestions…");
                outcome = RunStages.Run(resolved.Inputs, resolved.Context with { Vocabulary = vocabulary }, options, statistics, hasWarnings: true);
                foreach (var a in applied)
                {
                    log.Report("mapping.applied", RunProblems.SuggestionApplied(a.Label, a.Column, a.Section, a.Suggestion.Canonical, a.Suggestion.Confidence, a.RowsAffected), a.Files.Count > 0 ? a.Files[0] : null);
                }
            }
            else if (errors.Count > 0)
            {
                log.Report("mapping.not_applied", RunProblems.SuggestionNotApplied(errors[0]));
            }
        }

        return new SuggestionOutcome(review, applied, threshold, clock.ElapsedMilliseconds);
    }

    private static void Write(RunLog log, string target, IReadOnlyList<string> arguments, ResolvedInputs resolved, RunOutcome outcome, SuggestionOutcome suggestions, DateTimeOffset started, string fingerprint, System.Diagnostics.Stopwatch writeClock, Language language)
    {
        var (result, stats, exit) = (outcome.Result, outcome.Statistics, outcome.ExitCode);
        log.Progress("writing outputs…");
        using var folder = new OutputFolder(target);

        // A file with personal-data columns stops publication; its rows were never read, so there is nothing to write but the record of why.
        foreach (var file in Publication.Internal(result, suggestions.Review, suggestions.Applied))
        {
            folder.Write(file.Path, s => s.Write(file.Bytes));
        }

        long? renderTime = null;

        // Only tables that passed the audit and the publish guard leave internal/; a run with a fatal problem publishes nothing.
        if (outcome.Publishes)
        {
            var renderClock = System.Diagnostics.Stopwatch.StartNew();
            var publication = Publication.Render(new PublicationInput(outcome.Statistics, result, resolved.AsOf)
            {
                Language = language,
                DefaultRegionMap = resolved.Context.Regions.IsDefault,
                AppliedSuggestions = suggestions.Applied,
                SuggestionThreshold = suggestions.Threshold,
                Progress = log.Progress,
            });
            renderTime = renderClock.ElapsedMilliseconds;
            foreach (var file in publication)
            {
                folder.Write(file.Path, s => s.Write(file.Bytes));
            }
        }

        var timings = new Dictionary<string, long>(result.Timings, StringComparer.Ordinal);
        foreach (var (stage, ms) in stats?.Timings ?? new Dictionary<string, long>())
        {
            timings[stage] = ms;
        }

        timings["suggest"] = suggestions.Milliseconds;
        if (renderTime is { } renderMs)
        {
            timings["render"] = renderMs;
        }

        timings["write"] = writeClock.ElapsedMilliseconds - (renderTime ?? 0);
        var outputs = folder.Written.ToList();
        var manifest = Publication.Manifest(new ManifestData
        {
            Arguments = arguments,
            Config = resolved.Config,
            RegionsFile = resolved.RegionsFile,
            Statistics = stats,
            Result = result,
            Skipped = resolved.Skipped,
            ConfigWarnings = resolved.ConfigWarnings,
            Outputs = outputs,
            StartedUtc = started,
            Timings = timings,
            ExitCode = exit,
            Fingerprint = fingerprint,
            Suggestions = new ManifestSuggestions(suggestions.Review.Count, suggestions.Threshold, suggestions.Applied),
        });
        folder.Write(manifest.Path, s => s.Write(manifest.Bytes));
        folder.Commit();
        log.Trace("output.committed", $"moved the new outputs into '{target}'.", counts: new Dictionary<string, long> { ["files"] = folder.Written.Count });
    }

    /// <summary>The data errors, logged before writing so that an output failure (exit 4) cannot hide them.</summary>
    private static void ReportErrors(RunLog log, PipelineResult result)
    {
        foreach (var f in result.Files)
        {
            foreach (var p in f.FileProblems.Where(p => p.Severity != Severity.Warning))
            {
                log.Error("file.problem", p.Message, p.File, p.Row, p.Code);
            }
        }

        foreach (var p in result.Conflicts.Where(p => p.Severity == Severity.Fatal).Take(20))
        {
            log.Error("conflict", p.Message, p.File, p.Row, p.Code);
        }

        if (result.Observations.Count == 0 && !result.HasPersonalData)
        {
            log.Report("data.none", RunProblems.NoUsableData());
        }
    }

    /// <summary>Row accounting, warnings and the closing summary of a run whose outputs were written.</summary>
    private static void Report(RunLog log, PipelineResult result, StatisticsResult? stats, ResolvedInputs resolved, int exit, string target)
    {
        var inv = CultureInfo.InvariantCulture;
        foreach (var f in result.Files)
        {
            log.Info(
                "file.read",
                string.Create(inv, $"{f.File}: read {f.RowsRead}, accepted {f.RowsAccepted}, set aside {f.RowsSetAside}, rejected {f.RowsRejected}"),
                f.File,
                new Dictionary<string, long> { ["rows_read"] = f.RowsRead, ["rows_accepted"] = f.RowsAccepted, ["rows_set_aside"] = f.RowsSetAside, ["rows_rejected"] = f.RowsRejected });
            foreach (var g in f.SetAside.GroupBy(e => e.Reason, StringComparer.Ordinal))
            {
                log.Trace("rows.set_aside", string.Create(inv, $"{g.Sum(e => e.Rows)} row(s) set aside: {g.Key}."), f.File, g.Key, new Dictionary<string, long> { ["rows"] = g.Sum(e => e.Rows) });
            }

            var byCode = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var r in f.Rejects)
            {
                byCode[r.Code] = byCode.GetValueOrDefault(r.Code) + 1;
            }

            foreach (var (code, n) in byCode.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                log.Trace("rows.rejected", string.Create(inv, $"{n} row(s) rejected: {code}."), f.File, code, new Dictionary<string, long> { ["rows"] = n });
            }

            // In text mode one line says why rows were rejected, by problem code; each row is in internal/rejects.csv.
            if (byCode.Count > 0 && log.Format == LogFormat.Text)
            {
                var why = string.Join(", ", byCode.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => string.Create(inv, $"{kv.Value} {kv.Key}")));
                log.Info("file.rejected", $"  problems: {why} (each row in internal/rejects.csv)", f.File);
            }
        }

        foreach (var w in result.Warnings)
        {
            log.Warning("data.warning", w.Message, w.File, w.Row, w.Code);
        }

        foreach (var w in resolved.ConfigWarnings)
        {
            log.Report("config.warning", RunProblems.ConfigNoEffect(w));
        }

        foreach (var s in resolved.Skipped.Where(s => s.IsWarning))
        {
            log.Report("input.skipped", RunProblems.InputSkipped(s.Name, s.Reason), s.Name);
        }

        foreach (var note in stats?.Notes ?? [])
        {
            log.Report("statistics.note", RunProblems.StatisticsNote(note));
        }

        var counts = new Dictionary<string, long>
        {
            ["exit_code"] = exit,
            ["files"] = result.Files.Count,
            ["rows_read"] = result.Files.Sum(f => f.RowsRead),
            ["rows_accepted"] = result.Files.Sum(f => f.RowsAccepted),
            ["rows_set_aside"] = result.Files.Sum(f => f.RowsSetAside),
            ["rows_rejected"] = result.Files.Sum(f => f.RowsRejected),
            ["observations"] = result.Observations.Count,
        };
        if (stats is { MayPublish: true })
        {
            counts["primary_suppressed"] = stats.Protection.PrimaryCount;
            counts["secondary_suppressed"] = stats.Protection.SecondaryCount;
        }

        log.Info(
            "run.finished",
            result.HasPersonalData
                ? string.Create(inv, $"Nothing published: an input has personal-data columns; the manifest and internal/rejects.csv in {target} say which; exit code {exit}.")
                : string.Create(inv, $"{result.Observations.Count} observations written to {Path.Combine(target, "internal")}{Published(stats, target)}; exit code {exit}."),
            counts: counts);
    }

    private static string Published(StatisticsResult? stats, string target) => stats is { MayPublish: true }
        ? string.Create(
            CultureInfo.InvariantCulture,
            $", regional tables to {Path.Combine(target, "publish")} (k = {stats.Protection.MinCell}: {stats.Protection.PrimaryCount} small counts suppressed, {stats.Protection.SecondaryCount} more to protect them)")
        : string.Empty;
}
