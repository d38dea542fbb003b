using Linkage.Output;
using Linkage.Problems;

namespace Linkage.Cli.Commands;

/// <summary>Takes the lock of an output folder for <c>linkage run</c>, and says in one sentence why it could not.</summary>
internal static class RunLocking
{
    /// <summary>The lock, or null after reporting why not (another run holds it, or its file cannot be written).</summary>
    public static RunLock? Take(RunLog log, string target, DateTimeOffset started)
    {
        RunLock? runLock;
        LockHolder? heldBy;
        try
        {
            runLock = RunLock.TryAcquire(target, started, out heldBy);
        }
        catch (LockFileException ex)
        {
            log.Report("output.failed", RunProblems.LockFile(ex.Message));
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var reason = ex.Message.ReplaceLineEndings(" ").Trim().TrimEnd('.');
            var lockPath = RunLock.LockPathFor(target);
            var advice = ex is UnauthorizedAccessException && File.Exists(lockPath)
                ? $"the lock file exists but this account may not write it (another user's?); fix its owner or remove it"
                : ex is UnauthorizedAccessException
                    ? $"linkage keeps its lock and staging folder beside --out, so the folder holding '{target}' must be writable"
                    : "linkage keeps its lock and staging folder beside --out";
            log.Report("output.failed", RunProblems.LockUnwritable(lockPath, reason, advice));
            return null;
        }

        if (runLock is null)
        {
            log.Report("lock.held", RunProblems.LockHeld(heldBy!.Describe(), target, RunLock.LockPathFor(target)));
            return null;
        }

        log.Trace("lock.acquired", $"took the lock '{runLock.Path}'.");
        if (runLock.TakenOverFrom is { } stale)
        {
            log.Report("lock.taken_over", RunProblems.StaleLock(stale.Describe()));
        }

        return runLock;
    }
}
