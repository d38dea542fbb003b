using System.Diagnostics.CodeAnalysis;

using Linkage.Problems;

namespace Linkage.Read;

/// <summary>The result of opening an input file: an open table to stream rows from, or the file-level problem that stops it.</summary>
public sealed class ReadOutcome
{
    private ReadOutcome(ISourceTable? table, Problem? problem, string? sha256)
    {
        Table = table;
        Problem = problem;
        Sha256 = sha256;
    }

    /// <summary>The opened table (the caller disposes it); null when the file could not be used.</summary>
    public ISourceTable? Table { get; }

    /// <summary>Why the file could not be used; null when it was opened.</summary>
    public Problem? Problem { get; }

    /// <summary>Lowercase hex SHA-256 of the file when it could not be used but its bytes were read (null otherwise; an open table has its own).</summary>
    public string? Sha256 { get; }

    /// <summary>Whether the file was opened (then <see cref="Table"/> is set, otherwise <see cref="Problem"/> is).</summary>
    [MemberNotNullWhen(true, nameof(Table))]
    [MemberNotNullWhen(false, nameof(Problem))]
    public bool IsOpen => Table is not null;

    /// <summary>An outcome holding an open table.</summary>
    public static ReadOutcome Opened(ISourceTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return new(table, null, null);
    }

    /// <summary>An outcome holding a file-level problem, with the file's SHA-256 when its bytes were read.</summary>
    public static ReadOutcome Failed(Problem problem, string? sha256 = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return new(null, problem, sha256);
    }
}
