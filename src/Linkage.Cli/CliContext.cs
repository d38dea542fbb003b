using Linkage.Problems;

namespace Linkage.Cli;

/// <summary>What the commands write to and read the time from; tests pass string writers and a fixed clock.</summary>
/// <param name="Out">Standard output.</param>
/// <param name="Error">Standard error: one plain sentence per error, never a stack trace.</param>
/// <param name="Clock">The clock (for the latest accepted year and the manifest's start time).</param>
/// <param name="ErrorIsTerminal">True when stderr is a terminal a person watches (progress is shown only then).</param>
internal sealed record CliContext(TextWriter Out, TextWriter Error, TimeProvider Clock, bool ErrorIsTerminal = false)
{
    /// <summary>Reports a usage error and returns exit code 2.</summary>
    public int UsageError(string message)
    {
        Error.WriteLine($"linkage: {message}");
        return ExitCodes.Usage;
    }
}
