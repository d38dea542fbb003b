using Linkage.Output;

namespace Linkage.Cli.Tests.Unattended;

/// <summary>One run at a time per output folder, stale locks, and what an interrupted run leaves behind.</summary>
[TestClass]
public sealed class LockAndRecoveryTests
{
    internal const string SmallInput = "country,year,measure,internal,international,total\n"
        + "Austria,2020,children,12,8,20\nGermany,2020,children,30,10,40\nFrance,2020,children,25,15,40\n"
        + "Austria,2021,children,14,9,23\nGermany,2021,children,31,12,43\nFrance,2021,children,20,20,40\n";

    [TestMethod]
    public void A_second_run_while_the_lock_is_held_exits_4_naming_the_holder_and_writes_nothing()
    {
        using var tmp = new TempDir();
        var input = tmp.Write("in/a.csv", SmallInput);
        var target = tmp.File("out");
        using var held = RunLock.TryAcquire(target, new DateTimeOffset(2026, 11, 28, 1, 2, 3, TimeSpan.Zero), out _);
        Assert.IsNotNull(held);

        var result = Cli.Run("run", input, "--out", target);

        Assert.AreEqual(4, result.ExitCode);
        var line = result.Error.Trim();
        Assert.IsFalse(line.Contains('\n', StringComparison.Ordinal), line);
        StringAssert.Contains(line, $"another linkage run (PID {Environment.ProcessId} on {Environment.MachineName}, started 2026-11-28T01:02:03Z) is writing to '{target}'");
        StringAssert.Contains(line, RunLock.LockPathFor(target));
        Assert.IsFalse(Directory.Exists(target), "a refused run must not create the output folder");
        Assert.AreEqual(1, Directory.GetFileSystemEntries(tmp.Path).Count(e => Path.GetFileName(e).StartsWith(".out.", StringComparison.Ordinal)), "only the holder's lock file is beside the folder");
    }

    [TestMethod]
    public void The_lock_file_holds_pid_and_start_time_while_held_and_is_emptied_afterwards()
    {
        using var tmp = new TempDir();
        var target = tmp.File("out");
        var path = RunLock.LockPathFor(target);
        Assert.AreEqual(Path.Combine(tmp.Path, ".out.lock"), path);

        using (var held = RunLock.TryAcquire(target, new DateTimeOffset(2026, 11, 28, 4, 5, 6, TimeSpan.Zero), out _))
        {
            Assert.IsNotNull(held);
            Assert.IsNull(held.TakenOverFrom);
            Assert.AreEqual(new LockHolder(Environment.ProcessId, "2026-11-28T04:05:06Z", Environment.MachineName), RunLock.Holder(target));
            Assert.IsNull(RunLock.TryAcquire(target, DateTimeOffset.UnixEpoch, out var holder), "a second acquire must fail while held");
            Assert.AreEqual(Environment.ProcessId, holder!.ProcessId);
        }

        Assert.IsTrue(File.Exists(path), "the lock file is never deleted: deleting it would let a second run lock a new file while the first holds the old one");
        Assert.AreEqual(0, new FileInfo(path).Length, "a finished run empties it, so the next run does not report a take-over");
        using var again = RunLock.TryAcquire(target, DateTimeOffset.UnixEpoch, out _);
        Assert.IsNotNull(again);
        Assert.IsNull(again.TakenOverFrom);
    }

    [TestMethod]
    public void A_stale_lock_from_a_dead_run_is_taken_over_and_logged()
    {
        using var tmp = new TempDir();
        var input = tmp.Write("in/a.csv", SmallInput);
        var target = tmp.File("out");
        File.WriteAllText(RunLock.LockPathFor(target), "pid=999999\nstarted_utc=2026-11-27T02:00:00Z\nhost=nightly-1\ntool=linkage\n");

        var result = Cli.Run("run", input, "--out", target, "--as-of", "2026-11-28");

        Assert.AreEqual(0, result.ExitCode, result.Error);
        StringAssert.Contains(result.Out, "warning: took over the lock of an earlier run (PID 999999 on nightly-1, started 2026-11-27T02:00:00Z), which is no longer running.");
        Assert.IsTrue(File.Exists(Path.Combine(target, "publish", "regional-trends.csv")));
        Assert.AreEqual(0, new FileInfo(RunLock.LockPathFor(target)).Length, "the taken-over lock is released and emptied at the end");
    }

    [TestMethod]
    public void A_lock_file_that_a_live_process_holds_is_not_taken_over_whatever_pid_it_names()
    {
        // Liveness comes from the operating system's file lock, not from the PID, which may be reused or wrong.
        using var tmp = new TempDir();
        var input = tmp.Write("in/a.csv", SmallInput);
        var target = tmp.File("out");
        var path = RunLock.LockPathFor(target);
        using var holder = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read | FileShare.Delete);
        holder.Write("pid=999999\nstarted_utc=2026-11-27T02:00:00Z\n"u8);
        holder.Flush();

        var result = Cli.Run("run", input, "--out", target);

        Assert.AreEqual(4, result.ExitCode, result.Out);
        StringAssert.Contains(result.Error, "another linkage run (PID 999999, started 2026-11-27T02:00:00Z)");
        Assert.IsTrue(File.Exists(path), "a held lock is never removed by another run");
    }

    [TestMethod]
    public void Leftovers_of_an_interrupted_run_are_removed_by_the_next_run_and_logged()
    {
        using var tmp = new TempDir();
        var input = tmp.Write("in/a.csv", SmallInput);
        var target = tmp.File("out");
        Assert.AreEqual(0, Cli.Run("run", input, "--out", target, "--as-of", "2026-11-28").ExitCode);
        tmp.Write(".out.staging-424242/publish/regional-trends.csv", "half written");
        tmp.Write(".out.previous-424243/manifest.json", "{}");
        tmp.Write(".outer.staging-1/keep.txt", "another folder's staging is not ours");

        var result = Cli.Run("run", input, "--out", target, "--as-of", "2026-11-28");

        Assert.AreEqual(0, result.ExitCode, result.Error);
        StringAssert.Contains(result.Out, "warning: removed '.out.staging-424242', left by an interrupted run.");
        StringAssert.Contains(result.Out, "warning: removed '.out.previous-424243', left by an interrupted run.");
        Assert.IsFalse(Directory.Exists(tmp.File(".out.staging-424242")));
        Assert.IsFalse(Directory.Exists(tmp.File(".out.previous-424243")));
        Assert.IsTrue(File.Exists(tmp.File(".outer.staging-1/keep.txt")));
        CollectionAssert.AreEquivalent(new[] { "out", "in", ".out.lock", ".outer.staging-1" }, Directory.GetFileSystemEntries(tmp.Path).Select(Path.GetFileName).ToArray());
    }

    [TestMethod]
    public void A_run_killed_between_the_two_renames_of_the_fallback_swap_gets_its_previous_results_back()
    {
        // Where the folders cannot be exchanged in one step, the old set is renamed aside first; a kill before the new
        // set is renamed in leaves no output folder, only ".out.previous-PID" and a complete staging folder.
        using var tmp = new TempDir();
        var input = tmp.Write("in/a.csv", SmallInput);
        var target = tmp.File("out");
        Assert.AreEqual(0, Cli.Run("run", input, "--out", target, "--as-of", "2026-11-28").ExitCode);
        var before = Snapshot(target);
        Directory.Move(target, tmp.File(".out.previous-77"));
        tmp.Write(".out.staging-77/manifest.json", "{\"new\": true}");

        var notes = OutputFolder.Recover(target);

        CollectionAssert.AreEqual(before, Snapshot(target), "the previous results are back in place, byte for byte");
        Assert.AreEqual(2, notes.Count, string.Join('\n', notes));
        StringAssert.Contains(notes[0], "restored the previous results");
        Assert.IsFalse(Directory.Exists(tmp.File(".out.staging-77")));
    }

    [TestMethod]
    public void Run_refuses_an_output_folder_holding_files_it_did_not_write_and_touches_nothing()
    {
        using var tmp = new TempDir();
        var input = tmp.Write("in/a.csv", SmallInput);
        var notes = tmp.Write("out/notes.txt", "mine");

        var result = Cli.Run("run", input, "--out", tmp.File("out"));

        Assert.AreEqual(2, result.ExitCode);
        Assert.AreEqual($"linkage: --out '{tmp.File("out")}' holds 'notes.txt', which linkage did not write (it is not in the folder's manifest); each run replaces the whole folder, so give a folder of its own (new, empty, or written by linkage).", result.Error.Trim());
        Assert.AreEqual("mine", File.ReadAllText(notes));
        Assert.AreEqual(1, Directory.GetFileSystemEntries(tmp.File("out")).Length);
    }

    [TestMethod]
    public void An_out_that_is_a_file_or_a_drive_root_is_a_usage_error_in_one_sentence()
    {
        using var tmp = new TempDir();
        var input = tmp.Write("in/a.csv", SmallInput);
        var file = tmp.Write("out.txt", "x");

        var onFile = Cli.Run("run", input, "--out", file);
        var onRoot = Cli.Run("run", input, "--out", Path.GetPathRoot(tmp.Path)!);

        Assert.AreEqual(2, onFile.ExitCode);
        Assert.AreEqual($"linkage: --out '{file}' is a file; expected a folder.", onFile.Error.Trim());
        Assert.AreEqual("x", File.ReadAllText(file));
        Assert.AreEqual(2, onRoot.ExitCode);
        Assert.AreEqual($"linkage: --out '{Path.GetPathRoot(tmp.Path)}' is the root of a drive; give a folder of its own.", onRoot.Error.Trim());
    }

    [TestMethod]
    public void A_successful_run_replaces_the_folder_and_leaves_only_the_empty_lock_file_beside_it()
    {
        using var tmp = new TempDir();
        var input = tmp.Write("in/a.csv", SmallInput);
        var target = tmp.File("out");
        Assert.AreEqual(0, Cli.Run("run", input, "--out", target, "--as-of", "2026-11-28").ExitCode);
        var first = Directory.GetFiles(target, "*", SearchOption.AllDirectories).Length;

        Assert.AreEqual(0, Cli.Run("run", input, "--out", target, "--as-of", "2026-11-28", "--min-cell", "3").ExitCode);

        Assert.AreEqual(first, Directory.GetFiles(target, "*", SearchOption.AllDirectories).Length);
        CollectionAssert.AreEquivalent(new[] { "in", "out", ".out.lock" }, Directory.GetFileSystemEntries(tmp.Path).Select(Path.GetFileName).ToArray());
        Assert.AreEqual(0, new FileInfo(tmp.File(".out.lock")).Length);
    }

    [TestMethod]
    [DataRow("publish/cover-note.docx", DisplayName = "a file in publish/")]
    [DataRow("internal/mine/a.txt", DisplayName = "a file in a folder in internal/")]
    [DataRow("manifest.json", DisplayName = "a manifest that is not linkage's")]
    public void A_file_that_the_last_manifest_does_not_list_stops_the_run_before_anything_is_touched(string foreign)
    {
        using var tmp = new TempDir();
        var input = tmp.Write("in/a.csv", SmallInput);
        var target = tmp.File("out");
        Assert.AreEqual(0, Cli.Run("run", input, "--out", target, "--as-of", "2026-11-28").ExitCode);
        tmp.Write("out/" + foreign, "{\"someone\": \"else\"}");
        var before = Snapshot(target);

        var result = Cli.Run("run", input, "--out", target, "--as-of", "2026-11-28");

        Assert.AreEqual(2, result.ExitCode, result.Out);
        StringAssert.Contains(result.Error, "which linkage did not write");
        CollectionAssert.AreEqual(before, Snapshot(target));
    }

    [TestMethod]
    public void An_out_that_is_or_holds_the_current_folder_is_refused()
    {
        using var tmp = new TempDir();
        tmp.Write("in/a.csv", SmallInput);
        Directory.CreateDirectory(tmp.File("out/publish"));

        var here = Cli.RunProcess(tmp.File("out"), "run", tmp.File("in"), "--out", ".");
        var inside = Cli.RunProcess(tmp.File("out/publish"), "run", tmp.File("in"), "--out", "..");

        Assert.AreEqual(2, here.ExitCode, here.Out);
        StringAssert.Contains(here.Error, "is or holds the current folder");
        Assert.AreEqual(2, inside.ExitCode, inside.Out);
        Assert.IsTrue(Directory.Exists(tmp.File("out/publish")));
    }

    [TestMethod]
    public void A_lock_file_that_is_a_link_a_pipe_or_another_programs_file_stops_the_run_and_is_left_untouched()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Inconclusive("mkfifo and symbolic links are tested on Linux.");
        }

        using var tmp = new TempDir();
        var input = tmp.Write("in/a.csv", SmallInput);
        var victim = tmp.Write("victim.conf", "important=1\n");
        File.CreateSymbolicLink(tmp.File(".linked.lock"), victim);
        tmp.Write(".foreign.lock", "not a lock file\n");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", tmp.File(".piped.lock")))
        {
            mkfifo.WaitForExit();
        }

        var linked = Cli.Run("run", input, "--out", tmp.File("linked"));
        var foreign = Cli.Run("run", input, "--out", tmp.File("foreign"));
        var piped = Cli.Run("run", input, "--out", tmp.File("piped"));

        Assert.AreEqual(4, linked.ExitCode, linked.Out);
        Assert.AreEqual($"linkage: The lock file '{tmp.File(".linked.lock")}' is a symbolic link; linkage does not follow it; nothing was changed; remove it so that linkage can create its own.", linked.Error.Trim());
        Assert.AreEqual("important=1\n", File.ReadAllText(victim), "a link planted in the lock's place never lets a run empty another file");
        Assert.AreEqual(4, foreign.ExitCode);
        StringAssert.Contains(foreign.Error, "holds something other than a linkage lock; nothing was changed");
        Assert.AreEqual("not a lock file\n", File.ReadAllText(tmp.File(".foreign.lock")));
        Assert.AreEqual(4, piped.ExitCode, "a pipe must not hang the run");
        StringAssert.Contains(piped.Error, "is not a regular file");
        Assert.IsFalse(Directory.Exists(tmp.File("linked")) || Directory.Exists(tmp.File("foreign")) || Directory.Exists(tmp.File("piped")));
    }

    [TestMethod]
    public void A_link_or_an_empty_folder_of_someone_else_inside_the_output_folder_stops_the_run_at_once()
    {
        using var tmp = new TempDir();
        var input = tmp.Write("in/a.csv", SmallInput);
        var target = tmp.File("out");
        Assert.AreEqual(0, Cli.Run("run", input, "--out", target, "--as-of", "2026-11-28").ExitCode);

        // A link to a huge tree (here: back to the folder itself) is named, not walked.
        Directory.CreateSymbolicLink(tmp.File("out/publish/loop"), target);
        var linked = Cli.Run("run", input, "--out", target, "--as-of", "2026-11-28");
        Directory.Delete(tmp.File("out/publish/loop"));
        Directory.CreateDirectory(tmp.File("out/publish/mine/sub"));
        var folder = Cli.Run("run", input, "--out", target, "--as-of", "2026-11-28");

        Assert.AreEqual(2, linked.ExitCode, linked.Out);
        StringAssert.Contains(linked.Error, "holds 'publish/loop', which linkage did not write");
        Assert.AreEqual(2, folder.ExitCode, folder.Out);
        StringAssert.Contains(folder.Error, "holds 'publish/mine', which linkage did not write");
        Assert.IsTrue(Directory.Exists(tmp.File("out/publish/mine/sub")));
    }

    [TestMethod]
    public void Runs_racing_for_one_lock_never_hold_it_together_and_never_mistake_a_live_holder_for_a_dead_one()
    {
        // A review found that creating the file and locking it in two steps let a racing run "take over" a live lock.
        // Each holder creates a marker that only one holder at a time can create, and removes it before releasing.
        using var tmp = new TempDir();
        var target = tmp.File("out");
        var marker = tmp.File("held-by-one");
        var (holds, overlaps, takeovers, failures) = (0, 0, 0, 0);
        var threads = Enumerable.Range(0, 4).Select(n => new Thread(() =>
        {
            for (var i = 0; i < 400; i++)
            {
                try
                {
                    using var held = RunLock.TryAcquire(target, DateTimeOffset.UnixEpoch, out _);
                    if (held is null)
                    {
                        continue;
                    }

                    Interlocked.Increment(ref holds);
                    if (held.TakenOverFrom is not null)
                    {
                        Interlocked.Increment(ref takeovers);
                    }

                    try
                    {
                        using (new FileStream(marker, FileMode.CreateNew))
                        {
                        }

                        File.Delete(marker);
                    }
                    catch (IOException)
                    {
                        Interlocked.Increment(ref overlaps);
                    }
                }
                catch (IOException)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.IsGreaterThan(0, holds);
        Assert.AreEqual(0, overlaps, "two holders at once");
        Assert.AreEqual(0, takeovers, "a live holder's lock was taken over");
        Assert.AreEqual(0, failures, "a lost race must be 'held', never an I/O error");
    }

    /// <summary>Every file under <paramref name="folder"/> as "relative path: SHA-256", sorted.</summary>
    internal static string[] Snapshot(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/') + ": " + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))))
            .Order(StringComparer.Ordinal)];
}
