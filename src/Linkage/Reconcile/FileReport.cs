using Linkage.Problems;
using Linkage.Read;
using Linkage.Recognise;

namespace Linkage.Reconcile;

/// <summary>Everything learnt about one input file: how it was read and recognised, and its row accounting.</summary>
/// <param name="File">Name as given.</param>
/// <param name="Info">Format, encoding and delimiter with reasons; null when the file could not be opened.</param>
/// <param name="Plan">Layout and column roles; null when the file could not be opened.</param>
/// <param name="FileProblems">Whole-file problems (unusable file, personal data, layout) and warnings.</param>
/// <param name="Rejects">Row-level problems, in row order (a large file's are on disk: enumerate, do not copy).</param>
/// <param name="RowsRead">Data rows read.</param>
/// <param name="RowsRejected">Rows rejected.</param>
/// <param name="Sha256">SHA-256 of the bytes read; null when nothing could be read.</param>
public sealed record FileReport(
    string File,
    SourceInfo? Info,
    LayoutPlan? Plan,
    IReadOnlyList<Problem> FileProblems,
    IReadOnlyCollection<Problem> Rejects,
    long RowsRead,
    long RowsRejected,
    string? Sha256)
{
    /// <summary>Rows read and understood but outside the publication; never an error.</summary>
    public long RowsSetAside { get; init; }

    /// <summary>The source profile the file was read with, and why; null when none.</summary>
    public (string Name, string Why)? Profile { get; init; }

    /// <summary>The source named for the file (a profile's or the config's <c>source</c>); null when none is given.</summary>
    public string? Source { get; init; }

    /// <summary>The lines of the set-aside rows.</summary>
    public IReadOnlySet<int> SetAsideLines { get; init; } = new HashSet<int>();

    /// <summary>The set-aside rows per reason and value, for <c>internal/set-aside.csv</c>.</summary>
    public IReadOnlyList<Normalise.SetAsideEntry> SetAside { get; init; } = [];

    /// <summary>Rows accepted (rows read − rows set aside − rows rejected).</summary>
    public long RowsAccepted => RowsRead - RowsRejected - RowsSetAside;

    /// <summary>True when the file could not be used at all.</summary>
    public bool Unusable => FileProblems.Any(p => p.Severity != Severity.Warning);
}
