using System.Diagnostics;

namespace Linkage.Cli.Tests.Unattended;

/// <summary>An unwritable, full or read-only output location: exit 4, one sentence, previous results untouched.</summary>
[TestClass]
public sealed class OutputFailureTests
{
    [TestMethod]
    public void A_full_file_system_exits_4_with_one_sentence_and_leaves_the_previous_results_whole()
    {
        using var tmp = new TempDir();
        var input = tmp.Write("in/a.csv", LockAndRecoveryTests.SmallInput);
        using var fs = SmallFileSystem.TryMount(tmp.File("fs"), "2600k");
        if (fs is null)
        {
            Assert.Inconclusive("tmpfs cannot be mounted here (not root, or no mount permission); OutputFolderFaultTests simulates the full disk instead.");
        }

        var target = Path.Combine(fs.Path, "out");
        Assert.AreEqual(0, Cli.Run("run", input, "--out", target, "--as-of", "2026-11-28").ExitCode, "the first set (about 1.7 MB) fits");
        var before = LockAndRecoveryTests.Snapshot(target);

        // The second set is staged beside the first, which together need more than the 2.6 MB there is.
        var result = Cli.Run("run", input, "--out", target, "--as-of", "2026-11-28", "--min-cell", "3");

        Assert.AreEqual(4, result.ExitCode, result.Out);
        var line = result.Error.Trim();
        Assert.IsFalse(line.Contains('\n', StringComparison.Ordinal), line);
        StringAssert.StartsWith(line, $"linkage: the outputs could not be written to '{target}' (");
        StringAssert.Contains(line, "No space left on device");
        StringAssert.EndsWith(line, "); previous outputs were left as they were.");
        CollectionAssert.AreEqual(before, LockAndRecoveryTests.Snapshot(target));
        CollectionAssert.AreEquivalent(new[] { "out", ".out.lock" }, Directory.GetFileSystemEntries(fs.Path).Select(Path.GetFileName).ToArray(), "the failed run removed its staging folder");
        Assert.IsNull(Output.RunLock.Holder(target), "and released its lock cleanly");
    }

    [TestMethod]
    public void A_disk_too_full_for_the_lock_file_exits_4_and_leaves_no_stale_lock_for_the_next_run()
    {
        using var tmp = new TempDir();
        var input = tmp.Write("in/a.csv", LockAndRecoveryTests.SmallInput);
        using var fs = SmallFileSystem.TryMount(tmp.File("fs"), "2600k");
        if (fs is null)
        {
            Assert.Inconclusive("tmpfs cannot be mounted here (not root, or no mount permission).");
        }

        var filler = Path.Combine(fs.Path, "filler");
        using (var fill = new FileStream(filler, FileMode.Create))
        {
            var block = new byte[4096];
            try
            {
                while (true)
                {
                    fill.Write(block);
                    fill.Flush(flushToDisk: true);
                }
            }
            catch (IOException)
            {
                // Full.
            }
        }

        var target = Path.Combine(fs.Path, "out");
        var full = Cli.Run("run", input, "--out", target, "--as-of", "2026-11-28");
        File.Delete(filler);
        var next = Cli.Run("run", input, "--out", target, "--as-of", "2026-11-28");

        Assert.AreEqual(4, full.ExitCode, full.Out);
        Assert.AreEqual(1, full.Error.Trim().Split('\n').Length, full.Error);
        StringAssert.StartsWith(full.Error, "linkage: ");
        Assert.AreEqual(0, next.ExitCode, next.Error);
        Assert.IsFalse(next.Out.Contains("took over", StringComparison.Ordinal), "a lock that was never written is not a dead run's: " + next.Out);
    }

    [TestMethod]
    public void An_out_that_is_a_mount_point_is_refused_before_any_work()
    {
        using var tmp = new TempDir();
        var input = tmp.Write("in/a.csv", LockAndRecoveryTests.SmallInput);

        // A space in the name: /proc/self/mountinfo writes it as \040.
        using var fs = SmallFileSystem.TryMount(tmp.File("mounted out"), "8m");
        if (fs is null)
        {
            Assert.Inconclusive("tmpfs cannot be mounted here (not root, or no mount permission).");
        }

        var result = Cli.Run("run", input, "--out", fs.Path);

        Assert.AreEqual(2, result.ExitCode, result.Out);
        Assert.AreEqual($"linkage: --out '{fs.Path}' is a mount point; linkage stages the outputs beside the folder and swaps the two, which cannot cross file systems, so give a folder inside it.", result.Error.Trim());
        Assert.IsEmpty(Directory.GetFileSystemEntries(fs.Path));
        Assert.AreEqual(0, Cli.Run("run", input, "--out", Path.Combine(fs.Path, "out"), "--as-of", "2026-11-28").ExitCode, "a folder inside the mount is fine");
    }

    [TestMethod]
    public void A_read_only_location_exits_4_and_leaves_the_previous_results_whole()
    {
        using var tmp = new TempDir();
        var input = tmp.Write("in/a.csv", LockAndRecoveryTests.SmallInput);
        using var fs = SmallFileSystem.TryMount(tmp.File("fs"), "8m");
        string target;
        if (fs is not null)
        {
            target = Path.Combine(fs.Path, "out");
            Assert.AreEqual(0, Cli.Run("run", input, "--out", target, "--as-of", "2026-11-28").ExitCode);
            fs.RemountReadOnly();
        }
        else if (!OperatingSystem.IsWindows() && Environment.UserName != "root")
        {
            target = tmp.File("ro/out");
            Assert.AreEqual(0, Cli.Run("run", input, "--out", target, "--as-of", "2026-11-28").ExitCode);
            File.SetUnixFileMode(tmp.File("ro"), UnixFileMode.UserRead | UnixFileMode.UserExecute);
        }
        else
        {
            Assert.Inconclusive("neither a read-only mount nor a read-only folder can be made here.");
            return;
        }

        var before = LockAndRecoveryTests.Snapshot(target);
        var result = Cli.Run("run", input, "--out", target, "--as-of", "2026-11-28");

        Assert.AreEqual(4, result.ExitCode, result.Out);
        Assert.AreEqual(1, result.Error.Trim().Split('\n').Length, result.Error);
        StringAssert.Contains(result.Error, "could not be written (Read-only file system");
        StringAssert.EndsWith(result.Error.Trim(), "previous outputs were left as they were.");
        CollectionAssert.AreEqual(before, LockAndRecoveryTests.Snapshot(target));
    }

    [TestMethod]
    public void An_output_folder_that_cannot_be_created_exits_4_with_one_sentence()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Inconclusive("uses /proc, which no one can write to, on Linux.");
        }

        var result = Cli.Run("run", Cli.SampleData, "--out", "/proc/linkage-test/out");

        Assert.AreEqual(4, result.ExitCode, result.Out);
        StringAssert.StartsWith(result.Error, "linkage: the lock file '/proc/linkage-test/.out.lock' could not be written (");
        StringAssert.Contains(result.Error, "linkage keeps its lock and staging folder beside --out");
        Assert.AreEqual(1, result.Error.Trim().Split('\n').Length, result.Error);
    }

    /// <summary>A small tmpfs mounted for one test (Linux, root); unmounted when disposed.</summary>
    private sealed class SmallFileSystem : IDisposable
    {
        private SmallFileSystem(string path) => Path = path;

        public string Path { get; }

        public static SmallFileSystem? TryMount(string path, string size)
        {
            if (!OperatingSystem.IsLinux())
            {
                return null;
            }

            Directory.CreateDirectory(path);
            return Run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", path) ? new SmallFileSystem(path) : null;
        }

        public void RemountReadOnly() => Assert.IsTrue(Run("mount", "-o", "remount,ro", Path), "remount read-only");

        public void Dispose() => Run("umount", "-l", Path);

        private static bool Run(string program, params string[] args)
        {
            try
            {
                var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
                foreach (var a in args)
                {
                    start.ArgumentList.Add(a);
                }

                using var process = Process.Start(start)!;
                process.WaitForExit(10_000);
                return process.ExitCode == 0;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                return false;
            }
        }
    }
}
