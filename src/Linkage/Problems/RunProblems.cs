namespace Linkage.Problems;

/// <summary>
/// A problem of the run as a whole, not of a data row: the command line, the output folder and its lock, the chart
/// font, the disclosure audit, the suggestions. As data: a stable code, its severity and one sentence a person can act on.
/// </summary>
/// <param name="Code">Stable kebab-case code, e.g. <c>lock-held</c>.</param>
/// <param name="Severity">Warning (the run goes on) or error (the run stops, or publishes nothing).</param>
/// <param name="Message">One plain sentence: what happened, where, and what to do.</param>
public sealed record RunProblem(string Code, Severity Severity, string Message);

/// <summary>
/// Every run-level problem the CLI reports, with its code and wording in one place (data problems are in
/// <see cref="ProblemCatalogue"/>). The codes are the <c>code</c> field of <c>--log-format json</c> events.
/// </summary>
public static class RunProblems
{
    /// <summary>The command line could not be parsed (exit 2).</summary>
    public static RunProblem Usage(string message) => new("usage", Severity.Error, message);

    /// <summary>The lock file beside <c>--out</c> exists but is not a lock this program wrote.</summary>
    public static RunProblem LockFile(string message) => new("lock-file", Severity.Error, message);

    /// <summary>The lock file could not be written.</summary>
    public static RunProblem LockUnwritable(string lockPath, string reason, string advice) =>
        new("output-unwritable", Severity.Error, $"the lock file '{lockPath}' could not be written ({reason}); {advice}; previous outputs were left as they were.");

    /// <summary>Another run holds the lock of the same output folder.</summary>
    public static RunProblem LockHeld(string holder, string target, string lockPath) =>
        new("lock-held", Severity.Error, $"another linkage run ({holder}) is writing to '{target}', so this run did nothing; its lock is '{lockPath}'.");

    /// <summary>The lock of a run that is no longer running was taken over.</summary>
    public static RunProblem StaleLock(string holder) =>
        new("stale-lock", Severity.Warning, $"took over the lock of an earlier run ({holder}), which is no longer running.");

    /// <summary>An interrupted earlier run's staging was recovered or cleaned up.</summary>
    public static RunProblem InterruptedRun(string note) => new("interrupted-run", Severity.Warning, note + ".");

    /// <summary>A table failed the disclosure audit: nothing is published.</summary>
    public static RunProblem DisclosureAudit(string breach) => new("disclosure-audit", Severity.Error, $"not published: {breach}.");

    /// <summary>No font for the charts' text: nothing is written.</summary>
    public static RunProblem FontMissing(string message) =>
        new("font-missing", Severity.Error, $"{message} Nothing was written; previous outputs were left as they were.");

    /// <summary>The outputs could not be written (exit 4).</summary>
    public static RunProblem OutputUnwritable(string target, string reason) =>
        new("output-unwritable", Severity.Error, $"the outputs could not be written to '{target}' ({reason}); previous outputs were left as they were.");

    /// <summary><c>--accept-suggestions</c> applied a mapping.</summary>
    public static RunProblem SuggestionApplied(string label, string column, string section, string canonical, double confidence, long rows) =>
        new("suggestion-applied", Severity.Warning, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"--accept-suggestions: read '{label}' (column '{column}') as {section} \"{canonical}\" (confidence {confidence:0.00}, {rows} row(s)); internal/mapping-review.csv lists it."));

    /// <summary><c>--accept-suggestions</c> could not apply the suggestions.</summary>
    public static RunProblem SuggestionNotApplied(string error) =>
        new("suggestion-not-applied", Severity.Warning, $"--accept-suggestions: the suggestions were not applied, since the config they make has a problem: {error}");

    /// <summary>No input gave a usable row (exit 3).</summary>
    public static RunProblem NoUsableData() =>
        new("no-usable-data", Severity.Error, "no usable data was found in the inputs; see internal/rejects.csv for why each row was rejected.");

    /// <summary>A config setting that changes nothing.</summary>
    public static RunProblem ConfigNoEffect(string warning) => new("config-no-effect", Severity.Warning, warning);

    /// <summary>A file in an input folder that was not read although it may be a submission.</summary>
    public static RunProblem InputSkipped(string name, string reason) => new("input-skipped", Severity.Warning, $"skipped {name} ({reason}).");

    /// <summary>A note of the statistics stage (a trend not computed, a panel left out…).</summary>
    public static RunProblem StatisticsNote(string note) => new("statistics-note", Severity.Warning, note);
}
