using System.Text;

using Linkage.Read;
using Linkage.Tests.TestSupport;

using static Linkage.Tests.Read.ReadTestKit;

namespace Linkage.Tests.Read;

/// <summary>Reading a file's content from memory: the same detection, rows, problems and hash as reading the file.</summary>
[TestClass]
public sealed class SourceReaderMemoryTests
{
    [TestMethod]
    public void Bytes_in_memory_read_as_the_same_file_on_disk_does_with_the_same_hash()
    {
        var text = "Land;Jahr;intern\nAUT;2020;4\nDEU;2021;7\n";
        using var dir = new TempFolder();
        var path = dir.WriteBytes("a.csv", Encoding.UTF8.GetBytes(text));

        using var fromFile = OpenTable(path);
        var fileRows = ReadAll(fromFile).Select(Show).ToList();
        var outcome = SourceReader.Open(Encoding.UTF8.GetBytes(text), "a.csv", default);
        Assert.IsTrue(outcome.IsOpen);
        using var fromMemory = outcome.Table;
        var memoryRows = ReadAll(fromMemory).Select(Show).ToList();

        CollectionAssert.AreEqual(fileRows, memoryRows);
        Assert.AreEqual(fromFile.Info.Delimiter, fromMemory.Info.Delimiter);
        Assert.AreEqual(HashOf(path), fromMemory.Sha256);
        AssertSequence(memoryRows, "2:AUT|2020|4", "3:DEU|2021|7");
    }

    [TestMethod]
    public void A_workbook_in_memory_is_read_like_one_on_disk()
    {
        using var dir = new TempFolder();
        var path = dir.PathOf("book.xlsx");
        MiniXlsx.Write(path, "Data", ["country", "year", "children"], ["FRA", 2020, 12]);

        var outcome = SourceReader.Open(File.ReadAllBytes(path), "book.xlsx", default);

        Assert.IsTrue(outcome.IsOpen);
        using var table = outcome.Table;
        Assert.AreEqual("xlsx", table.Info.Format);
        AssertSequence(ReadAll(table).Select(Show), "2:FRA|2020|12");
    }

    [TestMethod]
    public void Bytes_named_with_an_unsupported_extension_are_refused_as_a_file_would_be()
    {
        var outcome = SourceReader.Open(Encoding.UTF8.GetBytes("a,b\n1,2\n"), "notes.json", default);

        AssertProblem(outcome.Problem, "file-unsupported-type", "notes.json");
    }
}
