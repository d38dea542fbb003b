using Linkage.Read;
using Linkage.Tests.TestSupport;

using static Linkage.Tests.Read.ReadTestKit;

namespace Linkage.Tests.Read;

[TestClass]
public sealed class SourceReaderXlsxTests
{
    [TestMethod]
    public void SourceReader_reads_the_first_sheet_of_an_xlsx_by_default()
    {
        using var dir = new TempFolder();
        var path = dir.PathOf("book.xlsx");
        MiniXlsx.Write(
            path,
            new MiniXlsx.Sheet("Data", [["country", "year", "children"], ["FRA", 2020, 12], ["DEU", 2021, 7.0]]),
            new MiniXlsx.Sheet("Other", [["x", "y"], [1, 2]]));

        using var table = OpenTable(path);
        var rows = ReadAll(table);

        Assert.AreEqual("xlsx", table.Info.Format);
        Assert.AreEqual("Data", table.Info.Sheet);
        Assert.IsNull(table.Info.Encoding);
        Assert.IsNull(table.Info.Delimiter);
        Assert.AreEqual(1, table.Info.HeaderLine);
        AssertSequence(table.Header, "country", "year", "children");
        AssertSequence(rows.Select(Show), "2:FRA|2020|12", "3:DEU|2021|7");
    }

    [TestMethod]
    public void SourceReader_streams_a_long_sheet_read_ahead_on_another_thread_in_row_order_with_every_row()
    {
        // 5,000 rows cross many of the reader's 512-row batches; row 2,500 holds an error cell (found by the scan that
        // runs beside ExcelDataReader's pass).
        using var dir = new TempFolder();
        var path = dir.PathOf("long.xlsx");
        var rows = new List<object?[]?> { new object?[] { "country", "year", "children" } };
        rows.AddRange(Enumerable.Range(0, 5000).Select(i => i == 2498 ? new object?[] { "AUT", 2020, new MiniXlsx.ErrorCell("#N/A") } : new object?[] { "AUT", 2000 + (i % 20), i }));
        MiniXlsx.Write(path, "Data", [.. rows]);

        using var table = OpenTable(path);
        var read = ReadAll(table);

        Assert.HasCount(4999, read);
        CollectionAssert.AreEqual(Enumerable.Range(2, 5000).Where(l => l != 2500).ToArray(), read.Select(r => r.Line).ToArray());
        Assert.AreEqual("4999", read[^1].Fields[2]);
        Assert.AreEqual(2500, table.RowProblems.Single().Row);
    }

    [TestMethod]
    public void SourceReader_stops_its_read_ahead_when_the_caller_stops_reading_and_disposes_without_waiting_for_the_sheet()
    {
        using var dir = new TempFolder();
        var path = dir.PathOf("stop.xlsx");
        MiniXlsx.Write(path, "Data", [["country", "year", "children"], .. Enumerable.Range(0, 20000).Select(i => new object?[] { "AUT", 2020, i })]);

        var stopped = Task.Run(() =>
        {
            using var table = OpenTable(path);
            return table.ReadRows().Take(10).Select(r => r.Line).ToList();
        });

        Assert.IsTrue(stopped.Wait(TimeSpan.FromSeconds(30)), "a reader that was stopped after 10 rows did not return");
        CollectionAssert.AreEqual(Enumerable.Range(2, 10).ToList(), stopped.Result);
    }

    [TestMethod]
    public void SourceReader_reads_the_named_sheet()
    {
        using var dir = new TempFolder();
        var path = dir.PathOf("book.xlsx");
        MiniXlsx.Write(
            path,
            new MiniXlsx.Sheet("Notes", [["Read me first"]]),
            new MiniXlsx.Sheet("Data", [["country", "year"], ["ITA", 2022]]));

        using var table = OpenTable(path, new ReadOptions { Sheet = "Data" });

        Assert.AreEqual("Data", table.Info.Sheet);
        Assert.AreEqual("2:ITA|2022", Show(ReadAll(table).Single()));
    }

    [TestMethod]
    public void SourceReader_reports_a_missing_sheet_with_the_sheet_names()
    {
        using var dir = new TempFolder();
        var path = dir.PathOf("book.xlsx");
        MiniXlsx.Write(path, new MiniXlsx.Sheet("Notes", [["n"]]), new MiniXlsx.Sheet("Data", [["a", "b"], [1, 2]]));

        var outcome = OpenFailing(path, new ReadOptions { Sheet = "Totals" });

        AssertProblem(outcome.Problem, "sheet-not-found", "book.xlsx");
        Assert.AreEqual("Totals", outcome.Problem!.Value);
        Assert.AreEqual(
            "Worksheet 'Totals' was not found in 'book.xlsx'; expected one of 'Notes', 'Data', so pass --sheet with one of these names.",
            outcome.Problem.Message);
        Assert.AreEqual(HashOf(path), outcome.Sha256);
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("de-DE")]
    [DataRow("tr-TR")]
    public void SourceReader_formats_xlsx_cells_the_same_in_every_culture(string culture)
    {
        using var scope = new CultureScope(culture);
        using var dir = new TempFolder();
        var path = dir.PathOf("cells.xlsx");
        MiniXlsx.Write(path, "Data", ["a", "b", "c", "d", "e", "f"], [" FRA ", 12.0, 0.1, 1234567.25, new DateTime(2023, 3, 15), true]);

        using var table = OpenTable(path);

        AssertSequence(ReadAll(table).Single().Fields, "FRA", "12", "0.1", "1234567.25", "2023-03-15", "TRUE");
    }

    [TestMethod]
    public void SourceReader_numbers_xlsx_rows_by_worksheet_row_and_skips_empty_rows()
    {
        using var dir = new TempFolder();
        var path = dir.PathOf("gaps.xlsx");
        MiniXlsx.Write(path, "Data", null, ["country", "year"], null, [null, null], ["FRA", 2020, null, null]);

        using var table = OpenTable(path);
        var rows = ReadAll(table);

        Assert.AreEqual(2, table.Info.HeaderLine);
        Assert.AreEqual("5:FRA|2020", Show(rows.Single()));
    }

    [TestMethod]
    public void SourceReader_skips_a_title_preamble_on_a_worksheet()
    {
        using var dir = new TempFolder();
        var path = dir.PathOf("title.xlsx");
        MiniXlsx.Write(path, "Data", ["Table 1. Children identified, 2019–2024"], null, ["country", "year", "internal"], ["FRA", 2019, 4]);

        using var table = OpenTable(path);

        Assert.AreEqual(3, table.Info.HeaderLine);
        Assert.AreEqual("4:FRA|2019|4", Show(ReadAll(table).Single()));
    }

    [TestMethod]
    public void SourceReader_reports_a_header_only_worksheet()
    {
        using var dir = new TempFolder();
        var path = dir.PathOf("head.xlsx");
        MiniXlsx.Write(path, "Data", ["country", "year"], null, [null, ""]);

        var outcome = OpenFailing(path);

        AssertProblem(outcome.Problem, "file-header-only", "head.xlsx");
        Assert.AreEqual(1, outcome.Problem!.Row);
    }

    [TestMethod]
    public void SourceReader_reports_an_empty_worksheet()
    {
        using var dir = new TempFolder();
        var path = dir.PathOf("none.xlsx");
        MiniXlsx.Write(path, "Leer", [null, " "]);

        AssertProblem(OpenFailing(path).Problem, "sheet-empty", "none.xlsx");
    }

    [TestMethod]
    public void SourceReader_sha256_of_an_xlsx_equals_the_hash_of_the_file()
    {
        using var dir = new TempFolder();
        var path = dir.PathOf("hash.xlsx");
        MiniXlsx.Write(path, "Data", ["a", "b"], [1, 2]);

        using var table = OpenTable(path);
        _ = ReadAll(table);

        Assert.AreEqual(HashOf(path), table.Sha256);
    }
}
