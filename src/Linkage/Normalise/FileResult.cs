using Linkage.Model;
using Linkage.Problems;

namespace Linkage.Normalise;

/// <summary>What normalising one file gave: observations, rejects and the row accounting.</summary>
/// <param name="File">File name as given.</param>
/// <param name="Observations">Canonical observations.</param>
/// <param name="Rejects">Row-level problems (one or more per rejected row).</param>
/// <param name="Warnings">Problems that kept the data.</param>
/// <param name="RowsRead">Data rows read (header and blank lines excluded).</param>
/// <param name="RejectedLines">Lines of the rejected aggregate rows (case records are only counted: nothing draws on them).</param>
/// <param name="RowsRejected">Rows rejected.</param>
public sealed record FileResult(
    string File,
    IReadOnlyList<Observation> Observations,
    RejectCollection Rejects,
    IReadOnlyList<Problem> Warnings,
    long RowsRead,
    IReadOnlySet<int> RejectedLines,
    long RowsRejected)
{
    /// <summary>Rows read and understood but outside the publication (another indicator, adults, a breakdown's parts…).</summary>
    public long RowsSetAside { get; init; }

    /// <summary>The lines of the set-aside rows.</summary>
    public IReadOnlySet<int> SetAsideLines { get; init; } = new HashSet<int>();

    /// <summary>The set-aside rows per reason and value, for <c>internal/set-aside.csv</c>.</summary>
    public IReadOnlyList<SetAsideEntry> SetAside { get; init; } = [];

    /// <summary>Rows accepted; rows read = accepted + set aside + rejected by construction.</summary>
    public long RowsAccepted => RowsRead - RowsRejected - RowsSetAside;
}
