using Linkage.Read;
using Linkage.Tests.TestSupport;

using static Linkage.Tests.Read.ReadTestKit;

namespace Linkage.Tests.Read;

/// <summary>Cells whose value ExcelDataReader alone gets wrong: Excel errors, dates shown as years or months, invalid text.</summary>
[TestClass]
public sealed class SourceReaderXlsxCellTests
{
    [TestMethod]
    public void SourceReader_rejects_an_xlsx_row_with_an_excel_error_cell()
    {
        using var dir = new TempFolder();
        var path = dir.PathOf("x.xlsx");
        MiniXlsx.Write(
            path,
            "Dati",
            ["country", "year", "children"],
            ["FRA", 2020, 12],
            ["DEU", 2020, 7],
            ["ITA", 2020, 3],
            ["ESP", 2020, new MiniXlsx.ErrorCell("#DIV/0!", "A5/0")],
            ["AUT", 2020, 5]);

        using var table = OpenTable(path);
        var rows = ReadAll(table);

        AssertSequence(rows.Select(Show), "2:FRA|2020|12", "3:DEU|2020|7", "4:ITA|2020|3", "6:AUT|2020|5");
        var problem = table.RowProblems.Single();
        Assert.AreEqual("row-formula-error", problem.Code);
        Assert.AreEqual("x.xlsx", problem.File);
        Assert.AreEqual(5, problem.Row);
        Assert.AreEqual("children", problem.Column);
        Assert.AreEqual("#DIV/0!", problem.Value);
        Assert.AreEqual(
            "Cell C5 of worksheet 'Dati' in 'x.xlsx', row 5, column 'children', holds the Excel error #DIV/0!; expected a value, so the row was not read: fix the formula or type the figure.",
            problem.Message);
        Assert.AreEqual(5, rows.Count + table.RowProblems.Count, "every data row is a row or a row problem");
    }

    [TestMethod]
    public void SourceReader_rejects_xlsx_rows_whose_only_value_is_an_excel_error_and_names_every_error_kind()
    {
        using var dir = new TempFolder();
        var path = dir.PathOf("errors.xlsx");
        MiniXlsx.Write(
            path,
            "Data",
            ["country", "year", "children"],
            ["FRA", 2020, 1],
            [null, null, new MiniXlsx.ErrorCell("#N/A", null)],
            ["DEU", new MiniXlsx.ErrorCell("#VALUE!"), new MiniXlsx.ErrorCell("#REF!")],
            [new MiniXlsx.ErrorCell("#NAME?"), 2021, 4]);

        using var table = OpenTable(path);
        var rows = ReadAll(table);

        Assert.AreEqual("2:FRA|2020|1", Show(rows.Single()));
        AssertSequence(table.RowProblems.Select(p => $"{p.Row}:{p.Column}:{p.Value}"), "3:children:#N/A", "4:year:#VALUE!", "5:country:#NAME?");
        Assert.IsTrue(table.RowProblems.All(p => p.Code == "row-formula-error"));
        StringAssert.Contains(table.RowProblems[1].Message, "Cell B4 of worksheet 'Data' in 'errors.xlsx', row 4, column 'year', holds the Excel error #VALUE! (and 1 more error cell in the row);");
    }

    [TestMethod]
    public void SourceReader_reports_error_rows_even_when_no_data_row_is_left()
    {
        using var dir = new TempFolder();
        var path = dir.PathOf("allbad.xlsx");
        MiniXlsx.Write(path, "Data", ["country", "year", "children"], ["FRA", 2020, new MiniXlsx.ErrorCell("#DIV/0!")]);

        using var table = OpenTable(path);

        Assert.IsEmpty(ReadAll(table));
        Assert.AreEqual("row-formula-error", table.RowProblems.Single().Code);
    }

    [TestMethod]
    public void SourceReader_reports_error_cells_on_the_sheet_it_reads_and_after_the_detection_rows()
    {
        using var dir = new TempFolder();
        var path = dir.PathOf("late.xlsx");
        var data = new List<object?[]?> { new object?[] { "country", "year", "children" } };
        for (var i = 0; i < 100; i++)
        {
            data.Add(["FRA", 1990 + i, i]);
        }

        data.Add(["DEU", 2020, new MiniXlsx.ErrorCell("#NUM!")]);
        MiniXlsx.Write(
            path,
            new MiniXlsx.Sheet("Notes", [["note"], [new MiniXlsx.ErrorCell("#REF!")]]),
            new MiniXlsx.Sheet("Data", data));

        using var table = OpenTable(path, new ReadOptions { Sheet = "data" });
        var rows = ReadAll(table);

        Assert.HasCount(100, rows);
        var problem = table.RowProblems.Single();
        Assert.AreEqual(102, problem.Row);
        Assert.AreEqual("#NUM!", problem.Value);
        StringAssert.Contains(problem.Message, "Cell C102 of worksheet 'Data'");
    }

    [TestMethod]
    [DataRow("yyyy", "2020")]
    [DataRow("YYYY", "2020")]
    [DataRow("yyyy\"\"", "2020")]
    [DataRow("[$-409]yyyy;@", "2020")]
    [DataRow("yy", "2020")]
    [DataRow("yyyy-mm", "2020-03")]
    [DataRow("mmm yyyy", "2020-03")]
    [DataRow("mm/yyyy", "2020-03")]
    [DataRow("mmmm\\ yyyy", "2020-03")]
    [DataRow("dd/mm/yyyy", "2020-03-15")]
    [DataRow("yyyy-mm-dd", "2020-03-15")]
    [DataRow("d mmm yyyy", "2020-03-15")]
    public void SourceReader_formats_an_xlsx_date_as_much_of_it_as_its_number_format_shows(string format, string expected)
    {
        using var dir = new TempFolder();
        var path = dir.PathOf("dates.xlsx");
        MiniXlsx.Write(path, "Data", ["country", "period"], ["FRA", new MiniXlsx.Formatted(new DateTime(2020, 3, 15), format)]);

        using var table = OpenTable(path);

        AssertSequence(ReadAll(table).Single().Fields, "FRA", expected);
    }

    [TestMethod]
    public void SourceReader_formats_a_date_shown_with_its_time_in_full()
    {
        using var dir = new TempFolder();
        var path = dir.PathOf("times.xlsx");
        MiniXlsx.Write(path, "Data", ["country", "at"], ["FRA", new MiniXlsx.Formatted(new DateTime(2020, 3, 15, 10, 30, 0), "yyyy-mm-dd hh:mm")]);

        using var table = OpenTable(path);

        AssertSequence(ReadAll(table).Single().Fields, "FRA", "2020-03-15T10:30:00");
    }

    [TestMethod]
    [DataRow("yyyy")]
    [DataRow("dd/mm/yyyy")]
    public void SourceReader_reads_a_year_typed_into_a_date_formatted_xlsx_cell_as_the_year(string format)
    {
        using var dir = new TempFolder();
        var path = dir.PathOf("typed.xlsx");
        MiniXlsx.Write(path, "Data", ["country", "year"], ["FRA", new MiniXlsx.Formatted(2020, format)], ["DEU", new MiniXlsx.Formatted(45000, format)]);

        using var table = OpenTable(path);

        AssertSequence(ReadAll(table).Select(Show), "2:FRA|2020", format == "yyyy" ? "3:DEU|2023" : "3:DEU|2023-03-15");
    }

    [TestMethod]
    [DataRow(false)]
    [DataRow(true)]
    public void SourceReader_rejects_an_xlsx_row_with_a_lone_surrogate_as_invalid_text(bool shared)
    {
        using var dir = new TempFolder();
        var path = dir.PathOf("text.xlsx");
        object Text(string s) => shared ? new MiniXlsx.SharedString(s) : s;
        MiniXlsx.Write(
            path,
            "Data",
            [Text("country"), Text("year"), Text("note")],
            [Text("FRA"), 2020, Text("ok \U0001F600")],
            [Text("DEU"), 2020, Text("bad _xD800_ text")],
            [Text("ITA"), 2021, Text("fine")]);

        using var table = OpenTable(path);
        var rows = ReadAll(table);

        AssertSequence(rows.Select(Show), "2:FRA|2020|ok \U0001F600", "4:ITA|2021|fine");
        var problem = table.RowProblems.Single();
        Assert.AreEqual("row-invalid-text", problem.Code);
        Assert.AreEqual(3, problem.Row);
        Assert.AreEqual("note", problem.Column);
        Assert.AreEqual("bad \uFFFD text", problem.Value);
        Assert.AreEqual(
            "Found text that is not valid Unicode (the lone surrogate U+D800) in cell C3 of worksheet 'Data' in 'text.xlsx', row 3, column 'note'; expected ordinary characters, so the row was not read: retype the text of that cell (the program that wrote the workbook left a broken character in it, often as an _xHHHH_ escape).",
            problem.Message);
    }

    [TestMethod]
    public void SourceReader_reports_an_xlsx_header_with_a_lone_surrogate()
    {
        using var dir = new TempFolder();
        var path = dir.PathOf("head.xlsx");
        MiniXlsx.Write(path, "Data", ["country", "year_xDC00_"], ["FRA", 2020]);

        var outcome = OpenFailing(path);

        AssertProblem(outcome.Problem, "file-invalid-text", "head.xlsx");
        Assert.AreEqual(1, outcome.Problem!.Row);
        Assert.AreEqual(HashOf(path), outcome.Sha256);
    }
}
