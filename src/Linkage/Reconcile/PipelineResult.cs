using Linkage.Model;
using Linkage.Problems;

namespace Linkage.Reconcile;

/// <summary>The outcome of reading, recognising, normalising and reconciling all inputs.</summary>
/// <param name="Files">One report per input file, in order.</param>
/// <param name="Observations">The reconciled canonical observations.</param>
/// <param name="Conflicts">Conflict and superseded problems.</param>
/// <param name="DuplicatesCollapsed">Identical figures given more than once and kept once.</param>
/// <param name="Timings">Milliseconds per stage.</param>
public sealed record PipelineResult(
    IReadOnlyList<FileReport> Files,
    IReadOnlyList<Observation> Observations,
    IReadOnlyList<Problem> Conflicts,
    int DuplicatesCollapsed,
    IReadOnlyDictionary<string, long> Timings)
{
    /// <summary>This result with later stages' warnings added to the reports of the files they point at.</summary>
    public PipelineResult WithWarnings(IReadOnlyList<Problem> warnings)
    {
        ArgumentNullException.ThrowIfNull(warnings);
        if (warnings.Count == 0)
        {
            return this;
        }

        var byFile = warnings.ToLookup(w => w.File, StringComparer.Ordinal);
        return this with { Files = [.. Files.Select(f => byFile[f.File].Any() ? f with { FileProblems = [.. f.FileProblems, .. byFile[f.File]] } : f)] };
    }

    /// <summary>True when any input names personal data: nothing may be published.</summary>
    public bool HasPersonalData => Files.Any(f => f.FileProblems.Any(p => p.Code == "personal-data"));

    /// <summary>True when a conflict was found under <c>--on-conflict error</c>.</summary>
    public bool HasFatalConflict => Conflicts.Any(p => p.Severity == Severity.Fatal);

    /// <summary>True when any file met a fatal problem (personal data, an internal error).</summary>
    public bool HasFatalFileProblem => Files.Any(f => f.FileProblems.Any(p => p.Severity == Severity.Fatal));

    /// <summary>All warnings, file by file.</summary>
    public IEnumerable<Problem> Warnings => Files.SelectMany(f => f.FileProblems.Where(p => p.Severity == Severity.Warning));

    /// <summary>The exit code design.md assigns to this outcome (before any output is written).</summary>
    public int ExitCode
    {
        get
        {
            if (HasFatalFileProblem || HasFatalConflict || Observations.Count == 0)
            {
                return ExitCodes.DataError;
            }

            var anyProblem = Files.Any(f => f.Unusable || f.RowsRejected > 0 || f.FileProblems.Count > 0);
            return anyProblem ? ExitCodes.FinishedWithProblems : ExitCodes.Success;
        }
    }
}
