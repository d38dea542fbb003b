using System.Diagnostics;

using Linkage.Analyse;
using Linkage.Config;
using Linkage.Localisation;
using Linkage.Normalise;
using Linkage.Output;
using Linkage.Problems;
using Linkage.Read;
using Linkage.Suggest;

namespace Linkage.Pipeline;

/// <summary>Everything <c>linkage run</c> needs once its options are parsed: the inputs, the choices, and what the manifest records.</summary>
/// <param name="Inputs">The input files, as <see cref="InputSet.Expand"/> gave them (or in memory).</param>
/// <param name="Context">Dictionaries, States, regions and date choices.</param>
/// <param name="Options">Read, layout and conflict choices.</param>
/// <param name="Statistics">Threshold k and year window: the one copy of k the later stages read.</param>
public sealed record RunRequest(IReadOnlyList<InputFile> Inputs, NormaliseContext Context, PipelineOptions Options, StatisticsOptions Statistics)
{
    /// <summary>True when a warning arose outside the inputs' rows (skipped files, a config entry without effect): exit at least 1.</summary>
    public bool HasWarnings { get; init; }

    /// <summary>The <c>--accept-suggestions</c> confidence; null to apply none.</summary>
    public double? AcceptSuggestions { get; init; }

    /// <summary>The parsed config, into which accepted suggestions are merged; null when none was given.</summary>
    public LinkageConfig? Config { get; init; }

    /// <summary>The <c>--as-of</c> date, if given.</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>The language of the charts and the report.</summary>
    public Language Language { get; init; } = Language.En;

    /// <summary>Told what the run is doing, for a progress line.</summary>
    public Action<string>? Progress { get; init; }

    /// <summary>The command line as given, for the manifest.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>The config file's path and SHA-256, for the manifest.</summary>
    public (string Path, string Sha256)? ConfigFile { get; init; }

    /// <summary>The region map file's path and SHA-256, for the manifest.</summary>
    public (string Path, string Sha256)? RegionsFile { get; init; }

    /// <summary>What input folders held that was not read, and why.</summary>
    public IReadOnlyList<SkippedInput> Skipped { get; init; } = [];

    /// <summary>Every setting that changes the outputs, for the <see cref="RunFingerprint"/>.</summary>
    public IReadOnlyList<KeyValuePair<string, string?>> Settings { get; init; } = [];

    /// <summary>When the run started (UTC), for the manifest.</summary>
    public DateTimeOffset StartedUtc { get; init; }
}

/// <summary>What the run did not recognise, what was suggested, and what <c>--accept-suggestions</c> applied.</summary>
/// <param name="Review">Every unrecognised label or header with its suggestion.</param>
/// <param name="Applied">The suggestions applied (the stages then ran again with them).</param>
/// <param name="Threshold">The <c>--accept-suggestions</c> confidence, when given.</param>
/// <param name="Milliseconds">Time spent suggesting.</param>
public sealed record SuggestionOutcome(IReadOnlyList<MappingReviewRow> Review, IReadOnlyList<MappingReviewRow> Applied, double? Threshold, long Milliseconds);

/// <summary>A run-level problem the run met, with the log event it is reported under and the input it concerns.</summary>
/// <param name="Event">The log event, e.g. <c>disclosure.breach</c>.</param>
/// <param name="Problem">The problem, from <see cref="RunProblems"/>.</param>
/// <param name="File">The input file it concerns, if any.</param>
public sealed record RunEvent(string Event, RunProblem Problem, string? File = null);

/// <summary>
/// The result of <see cref="PipelineRun.Run"/>: the outcome of the stages, every output file as bytes (<c>internal/</c>
/// and, when the tables passed the audit, <c>publish/</c>), the run-level problems to report, and the manifest to
/// write once the files are.
/// </summary>
/// <param name="Outcome">Read to analyse, and the exit code.</param>
/// <param name="Suggestions">Suggestions reviewed and applied.</param>
/// <param name="Files">The files to commit, in the order they are written (the manifest is not among them).</param>
/// <param name="Events">Run-level problems, in the order they arose.</param>
/// <param name="Timings">Milliseconds per stage, render included.</param>
/// <param name="Request">What the run was asked.</param>
public sealed record RunProduct(RunOutcome Outcome, SuggestionOutcome Suggestions, IReadOnlyList<OutputFile> Files, IReadOnlyList<RunEvent> Events, IReadOnlyDictionary<string, long> Timings, RunRequest Request)
{
    /// <summary>The <see cref="RunFingerprint"/> of this run, which <c>--if-changed</c> compares with the next.</summary>
    public string Fingerprint { get; } = RunFingerprint.Compute(
        Request.Settings, Outcome.Result.Files.Select(f => (f.File, f.Sha256)), Request.Skipped.Select(s => s.Name));

    /// <summary>The body of <c>manifest.json</c>, given the files as written and the time writing them took.</summary>
    public OutputFile Manifest(IReadOnlyList<OutputEntry> outputs, long writeMilliseconds)
    {
        var timings = new Dictionary<string, long>(Timings, StringComparer.Ordinal) { ["write"] = writeMilliseconds };
        return Publication.Manifest(new ManifestData
        {
            Arguments = Request.Arguments,
            Config = Request.ConfigFile,
            RegionsFile = Request.RegionsFile,
            Statistics = Outcome.Statistics,
            Result = Outcome.Result,
            Skipped = Request.Skipped,
            ConfigWarnings = Request.Context.Vocabulary.ConfigWarnings,
            Outputs = outputs,
            StartedUtc = Request.StartedUtc,
            Timings = timings,
            ExitCode = Outcome.ExitCode,
            Fingerprint = Fingerprint,
            Suggestions = new ManifestSuggestions(Suggestions.Review.Count, Suggestions.Threshold, Suggestions.Applied),
        });
    }
}

/// <summary>
/// The whole chain of <c>linkage run</c> as one function: read → recognise → normalise → reconcile
/// (<see cref="PipelineRunner"/>), the suggestion review and, with <c>--accept-suggestions</c>, the second reading;
/// aggregate → protect → analyse (<see cref="StatisticsRunner"/>); render (<see cref="Publication"/>). Writes nothing:
/// the caller commits <see cref="RunProduct.Files"/> and the manifest with <see cref="RunOutputs.Commit"/>.
/// </summary>
public static class PipelineRun
{
    /// <summary>Runs every stage up to the output bytes. Throws <see cref="Render.ChartFontException"/> when the charts' font cannot be found.</summary>
    public static RunProduct Run(RunRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var events = new List<RunEvent>();
        var outcome = RunStages.Run(request.Inputs, request.Context, request.Options, request.Statistics, request.HasWarnings);
        var suggestions = Suggest(request, events, ref outcome);
        if (outcome.Statistics is { MayPublish: false } refused)
        {
            events.AddRange(refused.Breaches.Select(b => b.Message).DefaultIfEmpty("a table failed the disclosure audit").Take(5)
                .Select(b => new RunEvent("disclosure.breach", RunProblems.DisclosureAudit(b))));
        }

        request.Progress?.Invoke("writing outputs…");

        // A file with personal-data columns stops publication; its rows were never read, so there is nothing to write but the record of why.
        var files = new List<OutputFile>(Publication.Internal(outcome.Result, suggestions.Review, suggestions.Applied));
        var timings = new Dictionary<string, long>(outcome.Result.Timings, StringComparer.Ordinal);
        foreach (var (stage, ms) in outcome.Statistics?.Timings ?? new Dictionary<string, long>())
        {
            timings[stage] = ms;
        }

        timings["suggest"] = suggestions.Milliseconds;

        // Only tables that passed the audit and the publish guard leave internal/; a run with a fatal problem publishes nothing.
        if (outcome.Publishes)
        {
            var clock = Stopwatch.StartNew();
            files.AddRange(Publication.Render(new PublicationInput(outcome.Statistics, outcome.Result, request.AsOf)
            {
                Language = request.Language,
                DefaultRegionMap = request.Context.Regions.IsDefault,
                AppliedSuggestions = suggestions.Applied,
                SuggestionThreshold = suggestions.Threshold,
                Progress = request.Progress,
            }));
            timings["render"] = clock.ElapsedMilliseconds;
        }

        return new RunProduct(outcome, suggestions, files, events, timings, request);
    }

    /// <summary>
    /// Suggests mappings for what the run did not recognise (training a model only when there is something), and with
    /// <c>--accept-suggestions P</c> runs the stages again with the suggestions of confidence ≥ P added to the config.
    /// </summary>
    private static SuggestionOutcome Suggest(RunRequest request, List<RunEvent> events, ref RunOutcome outcome)
    {
        var clock = Stopwatch.StartNew();
        var review = MappingReview.Build(outcome.Result, request.Context.Vocabulary);
        IReadOnlyList<MappingReviewRow> applied = [];
        if (request.AcceptSuggestions is { } p && review.Count > 0)
        {
            var (merged, accepted) = MappingReview.Accept(request.Config, review, p);
            IReadOnlyList<string> errors = [];
            var vocabulary = accepted.Count > 0 ? Recognise.Vocabulary.WithConfig(merged, out errors) : null;
            if (vocabulary is not null && errors.Count == 0)
            {
                applied = accepted;
                request.Progress?.Invoke("reading again with the accepted suggestions…");
                outcome = RunStages.Run(request.Inputs, request.Context with { Vocabulary = vocabulary }, request.Options, request.Statistics, hasWarnings: true);
                events.AddRange(applied.Select(a => new RunEvent(
                    "mapping.applied",
                    RunProblems.SuggestionApplied(a.Label, a.Column, a.Section, a.Suggestion.Canonical, a.Suggestion.Confidence, a.RowsAffected),
                    a.Files.Count > 0 ? a.Files[0] : null)));
            }
            else if (errors.Count > 0)
            {
                events.Add(new RunEvent("mapping.not_applied", RunProblems.SuggestionNotApplied(errors[0])));
            }
        }

        return new SuggestionOutcome(review, applied, request.AcceptSuggestions, clock.ElapsedMilliseconds);
    }
}
