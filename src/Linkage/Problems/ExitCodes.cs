namespace Linkage.Problems;

/// <summary>The process exit codes of design.md "Command line".</summary>
public static class ExitCodes
{
    /// <summary>Success: everything read and accepted.</summary>
    public const int Success = 0;

    /// <summary>Finished and outputs written, but rows were rejected, a file was unusable or warnings were raised.</summary>
    public const int FinishedWithProblems = 1;

    /// <summary>The command line was wrong.</summary>
    public const int Usage = 2;

    /// <summary>No usable data at all, or a fatal data error (conflicts under <c>error</c>, personal data).</summary>
    public const int DataError = 3;

    /// <summary>An output could not be written; previous outputs are untouched.</summary>
    public const int OutputError = 4;
}
