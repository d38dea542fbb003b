namespace Linkage.Problems;

/// <summary>How serious a problem is: an error rejects a row or a file; a warning is reported and the data kept.</summary>
public enum Severity
{
    /// <summary>The data was kept; the user should look.</summary>
    Warning,

    /// <summary>A row or a file was rejected.</summary>
    Error,

    /// <summary>The whole run must stop publishing (personal data, conflicts under <c>--on-conflict error</c>).</summary>
    Fatal,
}

/// <summary>One problem found in the inputs, as data: a stable code, where it was found, and a sentence a person can act on.</summary>
/// <param name="Code">Stable kebab-case code from <see cref="ProblemCatalogue"/>, e.g. <c>unknown-state</c>.</param>
/// <param name="Severity">Whether the row or file was rejected.</param>
/// <param name="File">Input file name as given on the command line (never a path outside what the user passed).</param>
/// <param name="Row">1-based line number in the file, the header being line 1; null for a whole-file problem.</param>
/// <param name="Column">Header name of the column, when the problem is in one cell.</param>
/// <param name="Value">The offending cell value as read.</param>
/// <param name="Message">One plain sentence: what was found, where, what was expected, how to fix it.</param>
public sealed record Problem(
    string Code,
    Severity Severity,
    string File,
    int? Row,
    string? Column,
    string? Value,
    string Message);
