using System.IO.Compression;

using Linkage.Read;
using Linkage.Tests.TestSupport;

using static Linkage.Tests.Read.ReadTestKit;

namespace Linkage.Tests.Read;

[TestClass]
public sealed class SourceReaderFileTypeTests
{
    private const string EmptySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    [TestMethod]
    public void SourceReader_reports_an_empty_file()
    {
        using var dir = new TempFolder();
        var path = dir.WriteBytes("empty.csv", []);

        var outcome = OpenFailing(path);

        AssertProblem(outcome.Problem, "file-empty", "empty.csv");
        Assert.AreEqual(EmptySha256, outcome.Sha256);
    }

    [TestMethod]
    public void SourceReader_reports_a_whitespace_only_file_as_empty()
    {
        using var dir = new TempFolder();
        var path = dir.WriteText("blank.csv", "  \r\n\t\n \u00A0 \n");

        var outcome = OpenFailing(path);

        AssertProblem(outcome.Problem, "file-empty", "blank.csv");
        Assert.AreEqual(HashOf(path), outcome.Sha256);
    }

    [TestMethod]
    [DataRow("country;year;children\n\n;;\n", 1)]
    [DataRow("Table 2\n\ncountry;year;children\n", 3)]
    public void SourceReader_reports_a_header_only_file(string text, int headerLine)
    {
        using var dir = new TempFolder();
        var path = dir.WriteText("header.csv", text);

        var outcome = OpenFailing(path);

        AssertProblem(outcome.Problem, "file-header-only", "header.csv");
        Assert.AreEqual(headerLine, outcome.Problem!.Row);
    }

    [TestMethod]
    public void SourceReader_reports_random_bytes_as_binary()
    {
        using var dir = new TempFolder();
        var bytes = new byte[4096];
        new Random(20240601).NextBytes(bytes);
        bytes[0] = 0x01;
        bytes[100] = 0;
        var path = dir.WriteBytes("data.csv", bytes);

        var outcome = OpenFailing(path);

        AssertProblem(outcome.Problem, "file-binary", "data.csv");
        Assert.AreEqual(HashOf(path), outcome.Sha256);
    }

    [TestMethod]
    [DataRow(".pdf")]
    [DataRow(".docx")]
    [DataRow(".JSON")]
    public void SourceReader_reports_an_unsupported_extension(string extension)
    {
        using var scope = new CultureScope("tr-TR");
        using var dir = new TempFolder();
        var path = dir.WriteText("report" + extension, "a,b\n1,2\n");

        var outcome = OpenFailing(path);

        AssertProblem(outcome.Problem, "file-unsupported-type", "report" + extension);
        Assert.AreEqual(extension.ToLowerInvariant(), outcome.Problem!.Value);
    }

    [TestMethod]
    public void SourceReader_reports_an_xlsx_that_is_not_a_zip()
    {
        using var dir = new TempFolder();
        var path = dir.WriteText("renamed.xlsx", "country,year\nFRA,2020\n");

        AssertProblem(OpenFailing(path).Problem, "file-not-xlsx", "renamed.xlsx");
    }

    [TestMethod]
    public void SourceReader_reports_a_zip_that_is_not_a_workbook()
    {
        using var dir = new TempFolder();
        var path = dir.PathOf("letter.xlsx");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            using var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open());
            writer.Write("<document/>");
        }

        AssertProblem(OpenFailing(path).Problem, "file-not-workbook", "letter.xlsx");
    }

    [TestMethod]
    public void SourceReader_reports_a_missing_file_without_its_full_path()
    {
        using var dir = new TempFolder();
        var path = dir.PathOf("missing.csv");

        var outcome = SourceReader.Open(path, "missing.csv", default);

        AssertProblem(outcome.Problem, "file-unreadable", "missing.csv");
        Assert.DoesNotContain(dir.Path, outcome.Problem!.Message);
    }

    [TestMethod]
    public void SourceReader_reports_a_folder_as_unreadable()
    {
        using var dir = new TempFolder();
        var path = dir.PathOf("folder.csv");
        Directory.CreateDirectory(path);

        AssertProblem(OpenFailing(path).Problem, "file-unreadable", "folder.csv");
    }

    [TestMethod]
    [DataRow("submission")]
    [DataRow("submission.TXT")]
    [DataRow("submission.tsv")]
    public void SourceReader_reads_text_without_a_csv_extension_by_content(string name)
    {
        using var dir = new TempFolder();
        var path = dir.WriteText(name, "country\tyear\nFRA\t2020\n");

        using var table = OpenTable(path);

        Assert.AreEqual("csv", table.Info.Format);
        Assert.AreEqual('\t', table.Info.Delimiter);
        Assert.HasCount(1, ReadAll(table));
    }

    [TestMethod]
    public void SourceReader_reads_workbook_content_even_when_named_csv()
    {
        using var dir = new TempFolder();
        var path = dir.PathOf("export.csv");
        MiniXlsx.Write(path, "Sheet1", ["country", "year"], ["FRA", 2020]);

        using var table = OpenTable(path);

        Assert.AreEqual("xlsx", table.Info.Format);
        Assert.AreEqual("2:FRA|2020", Show(ReadAll(table).Single()));
    }
}
