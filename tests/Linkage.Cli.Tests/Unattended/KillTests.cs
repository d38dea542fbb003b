using System.Diagnostics;

namespace Linkage.Cli.Tests.Unattended;

/// <summary>kill -9 at several points of a nightly run: the previous results stay whole and the next run succeeds.</summary>
[TestClass]
public sealed class KillTests
{
    [TestMethod]
    [Timeout(600_000, CooperativeCancellation = true)]
    public void A_run_killed_at_any_stage_leaves_the_previous_results_byte_identical_and_the_next_run_succeeds()
    {
        using var tmp = new TempDir();
        Assert.AreEqual(0, Cli.RunProcess(tmp.Path, "sample", "--out", "in", "--records", "60000").ExitCode);
        var target = tmp.File("out");
        var first = Cli.RunProcess(tmp.Path, "run", "in", "--out", "out", "--as-of", "2026-11-28");
        Assert.AreEqual(0, first.ExitCode, first.Error);
        var before = LockAndRecoveryTests.Snapshot(target);
        var lockPath = tmp.File(".out.lock");

        // The killed runs use other settings, so a run that got as far as committing would change the folder.
        var points = new (string Stage, Func<bool> Reached)[]
        {
            ("reading the inputs", () => Output.RunLock.Holder(target) is not null),
            ("after writing internal/", () => Staged(tmp.Path, "internal/observations.csv") > 0),
            ("while rendering the first charts", () => Staged(tmp.Path, "publish/charts/*.png") >= 4),
            ("after the last charts", () => Staged(tmp.Path, "publish/charts/*.svg") >= 8),
        };
        foreach (var (stage, reached) in points)
        {
            using var child = Start(tmp.Path, "run", "in", "--out", "out", "--as-of", "2026-11-28", "--from", "2012");
            var clock = Stopwatch.StartNew();
            while (!reached() && !child.HasExited && clock.Elapsed < TimeSpan.FromMinutes(2))
            {
                Thread.Sleep(2);
            }

            Assert.IsFalse(child.HasExited, $"the run finished (exit {(child.HasExited ? child.ExitCode : -1)}) before it was killed {stage}");
            if (stage == "reading the inputs")
            {
                var second = Cli.Run("run", tmp.File("in"), "--out", target, "--as-of", "2026-11-28");
                Assert.AreEqual(4, second.ExitCode, "a second run while the first holds the lock");
                StringAssert.Contains(second.Error, $"another linkage run (PID {child.Id} on ");
            }

            child.Kill();
            Assert.IsTrue(child.WaitForExit(30_000));
            CollectionAssert.AreEqual(before, LockAndRecoveryTests.Snapshot(target), $"killed {stage}: the previous results must be untouched");
            using var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(target, "manifest.json")));
            Assert.AreEqual(0, manifest.RootElement.GetProperty("exit_code").GetInt32());
        }

        Assert.IsNotNull(Output.RunLock.Holder(target), "a killed run leaves its name in the lock file");
        var next = Cli.RunProcess(tmp.Path, "run", "in", "--out", "out", "--as-of", "2026-11-28");

        Assert.AreEqual(0, next.ExitCode, next.Error);
        StringAssert.Contains(next.Out, "warning: took over the lock of an earlier run (PID ");
        StringAssert.Contains(next.Out, "left by an interrupted run.");
        CollectionAssert.AreEqual(
            before.Where(f => f.StartsWith("publish/", StringComparison.Ordinal)).ToArray(),
            LockAndRecoveryTests.Snapshot(target).Where(f => f.StartsWith("publish/", StringComparison.Ordinal)).ToArray(),
            "the same inputs give the same publish/ after the interruptions");
        CollectionAssert.AreEquivalent(new[] { "in", "out", ".out.lock" }, Directory.GetFileSystemEntries(tmp.Path).Select(Path.GetFileName).ToArray(), "no leftovers beside the output folder");
        Assert.AreEqual(0, new FileInfo(lockPath).Length);
    }

    /// <summary>Files matching <paramref name="pattern"/> (folder/file glob) in any staging folder beside <c>out</c>.</summary>
    private static int Staged(string parent, string pattern)
    {
        var folder = Path.GetDirectoryName(pattern)!;
        var files = Path.GetFileName(pattern);
        return Directory.EnumerateDirectories(parent, ".out.staging-*")
            .Select(s => Path.Combine(s, folder))
            .Where(Directory.Exists)
            .Sum(d => Directory.EnumerateFiles(d, files).Count());
    }

    private static Process Start(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "linkage.dll"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
