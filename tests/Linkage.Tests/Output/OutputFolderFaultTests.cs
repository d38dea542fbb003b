using Linkage.Output;
using Linkage.Tests.TestSupport;

namespace Linkage.Tests.Output;

/// <summary>The staging folder and the swap, with write failures simulated where a full disk cannot be made.</summary>
[TestClass]
public sealed class OutputFolderFaultTests
{
    [TestMethod]
    public void A_write_that_fails_like_a_full_disk_leaves_the_previous_set_as_it_was_and_no_staging_behind()
    {
        using var tmp = new TempFolder();
        var target = System.IO.Path.Combine(tmp.Path, "out");
        WriteSet(target, "old");
        var before = Files(target);
        var opened = 0;
        Stream FailOnThird(string path) => ++opened == 3
            ? throw new IOException("No space left on device : '" + path + "'")
            : new FileStream(path, FileMode.Create, FileAccess.Write);

        var thrown = Assert.ThrowsExactly<IOException>(() =>
        {
            using var folder = new OutputFolder(target, FailOnThird);
            folder.Write("internal/observations.csv", s => s.Write("new"u8));
            folder.Write("publish/regional-trends.csv", s => s.Write("new"u8));
            folder.Write("publish/trend-summary.csv", s => s.Write("new"u8));
            folder.Commit();
        });

        StringAssert.Contains(thrown.Message, "No space left on device");
        CollectionAssert.AreEqual(before, Files(target));
        CollectionAssert.AreEqual(new[] { "out" }, Directory.GetFileSystemEntries(tmp.Path).Select(System.IO.Path.GetFileName).ToArray());
    }

    [TestMethod]
    [DataRow(true, DisplayName = "exchange in one step")]
    [DataRow(false, DisplayName = "two renames")]
    public void Commit_replaces_the_whole_set_and_leaves_nothing_beside_the_folder(bool oneStep)
    {
        using var tmp = new TempFolder();
        var target = System.IO.Path.Combine(tmp.Path, "out");
        WriteSet(target, "old", "publish/stale.csv");
        File.WriteAllText(System.IO.Path.Combine(target, "publish", "stale.csv"), "from an older version");

        using (var folder = new OutputFolder(target) { ExchangeInOneStep = oneStep })
        {
            folder.Write("publish/regional-trends.csv", s => s.Write("new"u8));
            folder.Write("manifest.json", s => s.Write("{}"u8));
            Assert.AreEqual("old", File.ReadAllText(System.IO.Path.Combine(target, "publish", "regional-trends.csv")), "nothing moves before the commit");
            folder.Commit();
        }

        CollectionAssert.AreEqual(new[] { "manifest.json", "publish/regional-trends.csv" }, Files(target).Select(f => f.Split(':')[0]).ToArray());
        Assert.AreEqual("new", File.ReadAllText(System.IO.Path.Combine(target, "publish", "regional-trends.csv")));
        CollectionAssert.AreEqual(new[] { "out" }, Directory.GetFileSystemEntries(tmp.Path).Select(System.IO.Path.GetFileName).ToArray());
    }

    [TestMethod]
    public void Commit_refuses_when_a_file_appeared_in_the_folder_during_the_run()
    {
        using var tmp = new TempFolder();
        var target = System.IO.Path.Combine(tmp.Path, "out");
        WriteSet(target, "old");
        using var folder = new OutputFolder(target);
        folder.Write("manifest.json", s => s.Write("{}"u8));
        File.WriteAllText(System.IO.Path.Combine(target, "notes.txt"), "written by a person meanwhile");

        var thrown = Assert.ThrowsExactly<IOException>(folder.Commit);

        StringAssert.Contains(thrown.Message, "'notes.txt' appeared in the output folder during the run");
        Assert.AreEqual("old", File.ReadAllText(System.IO.Path.Combine(target, "publish", "regional-trends.csv")));
    }

    [TestMethod]
    public void A_staged_path_that_leaves_the_folder_is_refused()
    {
        using var tmp = new TempFolder();
        using var folder = new OutputFolder(System.IO.Path.Combine(tmp.Path, "out"));

        Assert.ThrowsExactly<ArgumentException>(() => folder.Write("../escape.csv", s => s.Write("x"u8)));
        Assert.ThrowsExactly<ArgumentException>(() => folder.Write("/tmp/escape.csv", s => s.Write("x"u8)));
        Assert.IsFalse(File.Exists(System.IO.Path.Combine(tmp.Path, "escape.csv")));
    }

    /// <summary>A set as a run writes it: the files, and a linkage manifest listing them.</summary>
    private static void WriteSet(string target, string content, params string[] alsoListed)
    {
        Directory.CreateDirectory(System.IO.Path.Combine(target, "publish"));
        File.WriteAllText(System.IO.Path.Combine(target, "publish", "regional-trends.csv"), content);
        var outputs = string.Join(", ", alsoListed.Prepend("publish/regional-trends.csv").Select(p => "{\"path\": \"" + p + "\"}"));
        File.WriteAllText(System.IO.Path.Combine(target, "manifest.json"), "{\"tool\": \"linkage\", \"set\": \"" + content + "\", \"outputs\": [" + outputs + "]}");
    }

    private static string[] Files(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => System.IO.Path.GetRelativePath(folder, f).Replace('\\', '/') + ":" + File.ReadAllText(f))
            .Order(StringComparer.Ordinal)];
}
