using Linkage.Analyse;
using Linkage.Normalise;
using Linkage.Problems;
using Linkage.Read;
using Linkage.Reconcile;

namespace Linkage.Pipeline;

/// <summary>What <c>linkage run</c> computes before writing: the pipeline result, the statistics and the exit code.</summary>
/// <param name="Result">Read to reconcile, with the statistics stages' warnings added.</param>
/// <param name="Statistics">Aggregate, protect and analyse; null when nothing may be computed (no data, personal data, a fatal problem).</param>
/// <param name="ExitCode">The run's exit code, before any output error.</param>
public sealed record RunOutcome(PipelineResult Result, StatisticsResult? Statistics, int ExitCode)
{
    /// <summary>True when the publish tables passed the audit and nothing fatal happened: only then is <c>publish/</c> written.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(Statistics))]
    public bool Publishes => Statistics is { MayPublish: true } && ExitCode != ExitCodes.DataError;
}

/// <summary>Every stage of <c>linkage run</c> up to writing, and its exit code, in one place for the CLI and the tests.</summary>
public static class RunStages
{
    /// <summary>Runs read → … → analyse over <paramref name="inputs"/> and decides the exit code.</summary>
    /// <param name="inputs">The input files.</param>
    /// <param name="context">Dictionaries, States, regions and date choices.</param>
    /// <param name="options">Read, layout and conflict choices.</param>
    /// <param name="statistics">Threshold and year window.</param>
    /// <param name="hasWarnings">True when a warning arose outside the inputs' rows (a folder held files that may be unread submissions, a config entry without effect, applied suggestions): exit at least 1.</param>
    public static RunOutcome Run(IReadOnlyList<InputFile> inputs, NormaliseContext context, PipelineOptions options, StatisticsOptions statistics, bool hasWarnings = false)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        var result = PipelineRunner.Run(inputs, context, options);
        StatisticsResult? stats = null;
        if (!result.HasPersonalData && !result.HasFatalFileProblem && !result.HasFatalConflict && result.Observations.Count > 0)
        {
            stats = StatisticsRunner.Run(result.Observations, context.Regions, statistics);
            result = result.WithWarnings(stats.Aggregate.Warnings);
        }

        var exit = result.ExitCode;
        if (hasWarnings || stats is { Notes.Count: > 0 })
        {
            exit = Math.Max(exit, ExitCodes.FinishedWithProblems);
        }

        if (stats is { MayPublish: false })
        {
            // Never reached by design: the suppression widens until the audit passes. If it ever is, nothing is published.
            exit = ExitCodes.DataError;
        }

        return new RunOutcome(result, stats, exit);
    }
}
