using System.Text;

using Linkage.Tests.TestSupport;

using static Linkage.Tests.Read.ReadTestKit;

namespace Linkage.Tests.Read;

[TestClass]
public sealed class SourceReaderHashTests
{
    [TestMethod]
    public void SourceReader_sha256_equals_the_hash_of_the_file_after_rows_are_read()
    {
        using var dir = new TempFolder();
        var path = dir.WriteText("h.csv", "country;year\nFRA;2020\nDEU;2021\n", bom: true);

        using var table = OpenTable(path);
        Assert.HasCount(2, ReadAll(table));

        Assert.AreEqual(HashOf(path), table.Sha256);
        Assert.AreEqual(64, table.Sha256.Length);
    }

    [TestMethod]
    public void SourceReader_sha256_covers_bytes_after_the_detection_prefix()
    {
        using var dir = new TempFolder();
        var text = new StringBuilder("state,count\n");
        for (var i = 0; text.Length < (3 << 20); i++)
        {
            text.Append("FRA,").Append(i % 10).Append('\n');
        }

        var path = dir.WriteText("large.csv", text.ToString());

        using var table = OpenTable(path);
        var count = table.ReadRows().Count();

        Assert.AreEqual(text.ToString().Count(static c => c == '\n') - 1, count);
        Assert.AreEqual(HashOf(path), table.Sha256);
    }

    [TestMethod]
    public void SourceReader_sha256_is_complete_when_asked_without_reading_rows()
    {
        using var dir = new TempFolder();
        var path = dir.WriteText("skip.csv", "name,date of birth\nx,y\n");

        using var table = OpenTable(path);

        Assert.AreEqual(HashOf(path), table.Sha256);
    }

    [TestMethod]
    public void SourceReader_sha256_is_not_available_while_rows_are_being_read()
    {
        using var dir = new TempFolder();
        var path = dir.WriteText("mid.csv", "a,b\n" + string.Concat(Enumerable.Repeat("1,2\n", 1 << 20)));

        using var table = OpenTable(path);
        using var rows = table.ReadRows().GetEnumerator();
        Assert.IsTrue(rows.MoveNext());

        Assert.ThrowsExactly<InvalidOperationException>(() => table.Sha256);
        while (rows.MoveNext())
        {
        }

        Assert.AreEqual(HashOf(path), table.Sha256);
    }

    [TestMethod]
    public void A_file_replaced_while_it_is_read_is_hashed_as_the_bytes_read_not_as_the_file_now_on_disk()
    {
        // A national body's upload replaces the file (write elsewhere, rename over) while a nightly run reads it:
        // the open handle keeps the old bytes, and so must the manifest's hash.
        using var dir = new TempFolder();
        var old = "a,b\n" + string.Concat(Enumerable.Repeat("1,2\n", 1 << 20));
        var path = dir.WriteText("drop.csv", old);
        var oldHash = HashOf(path);

        using var table = OpenTable(path);
        using var rows = table.ReadRows().GetEnumerator();
        Assert.IsTrue(rows.MoveNext());
        var replacement = dir.WriteText("upload.tmp", "a,b\n3,4\n");
        File.Move(replacement, path, overwrite: true);
        var count = 1;
        while (rows.MoveNext())
        {
            count++;
        }

        Assert.AreEqual(1 << 20, count, "the rows of the file as it was when opened");
        Assert.AreEqual(oldHash, table.Sha256);
        Assert.AreNotEqual(HashOf(path), table.Sha256);
    }

    [TestMethod]
    public void A_file_appended_to_while_it_is_read_is_hashed_as_every_byte_read_including_the_new_rows()
    {
        using var dir = new TempFolder();
        var start = "a,b\n" + string.Concat(Enumerable.Repeat("1,2\n", 1 << 20));
        var path = dir.WriteText("growing.csv", start);

        using var table = OpenTable(path);
        using var rows = table.ReadRows().GetEnumerator();
        Assert.IsTrue(rows.MoveNext());
        File.AppendAllText(path, "5,6\n7,8\n");
        var count = 1;
        while (rows.MoveNext())
        {
            count++;
        }

        Assert.AreEqual((1 << 20) + 2, count, "the appended rows were read");
        Assert.AreEqual(HashOf(path), table.Sha256, "and they are in the hash, since they were read");
    }
}
