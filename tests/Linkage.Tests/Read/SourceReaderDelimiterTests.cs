using Linkage.Read;
using Linkage.Tests.TestSupport;

using static Linkage.Tests.Read.ReadTestKit;

namespace Linkage.Tests.Read;

[TestClass]
public sealed class SourceReaderDelimiterTests
{
    [TestMethod]
    [DataRow(';', "")]
    [DataRow(',', "de-DE")]
    [DataRow('\t', "tr-TR")]
    [DataRow('|', "")]
    public void SourceReader_detects_the_delimiter(char delimiter, string culture)
    {
        using var scope = new CultureScope(culture);
        using var dir = new TempFolder();
        var d = delimiter.ToString();
        var path = dir.WriteText("d.csv", string.Join(d, "country", "year", "children") + "\n" + string.Join(d, "FRA", "2020", "5") + "\n" + string.Join(d, "DEU", "2021", "7") + "\n");

        using var table = OpenTable(path);
        var rows = ReadAll(table);

        Assert.AreEqual(delimiter, table.Info.Delimiter);
        StringAssert.Contains(table.Info.DelimiterReason, "gives 3 fields on 3 of the first 3 non-blank lines");
        AssertSequence(table.Header, "country", "year", "children");
        AssertSequence(rows.Select(Show), "2:FRA|2020|5", "3:DEU|2021|7");
    }

    [TestMethod]
    public void SourceReader_prefers_semicolon_when_commas_are_decimal_marks()
    {
        using var dir = new TempFolder();
        var path = dir.WriteText("dec.csv", "country;year;rate, %\nFRA;2020;1,5\nDEU;2021;2,5\nITA;2022;3,5\n");

        using var table = OpenTable(path);

        Assert.AreEqual(';', table.Info.Delimiter);
        Assert.AreEqual("1,5", ReadAll(table)[0].Fields[2]);
    }

    [TestMethod]
    public void SourceReader_ignores_delimiters_inside_quotes_when_detecting()
    {
        using var dir = new TempFolder();
        var path = dir.WriteText("q.csv", "\"name; with; semicolons\",year\n\"a;b;c;d\",2020\n\"e;f\",2021\n");

        using var table = OpenTable(path);

        Assert.AreEqual(',', table.Info.Delimiter);
        AssertSequence(table.Header, "name; with; semicolons", "year");
    }

    [TestMethod]
    public void SourceReader_opens_a_single_column_file_with_comma_and_says_why()
    {
        using var dir = new TempFolder();
        var path = dir.WriteText("one.csv", "country\nFRA\nDEU\n");

        using var table = OpenTable(path);

        Assert.AreEqual(',', table.Info.Delimiter);
        Assert.AreEqual("no delimiter found; one column", table.Info.DelimiterReason);
        Assert.HasCount(2, ReadAll(table));
    }

    [TestMethod]
    public void SourceReader_uses_the_forced_delimiter_and_says_so()
    {
        using var dir = new TempFolder();
        var path = dir.WriteText("forced.csv", "a;b|c\n1;2|3\n");

        using var table = OpenTable(path, new ReadOptions { Delimiter = '|' });

        Assert.AreEqual('|', table.Info.Delimiter);
        Assert.AreEqual("--delimiter", table.Info.DelimiterReason);
        AssertSequence(table.Header, "a;b", "c");
    }

    [TestMethod]
    public void SourceReader_honours_an_excel_sep_line_and_skips_it()
    {
        using var dir = new TempFolder();
        var path = dir.WriteText("sep.csv", "SEP=|\ncountry|year,total\nFRA|2020,1\n");

        using var scope = new CultureScope("tr-TR");
        using var table = OpenTable(path);

        Assert.AreEqual('|', table.Info.Delimiter);
        Assert.AreEqual(2, table.Info.HeaderLine);
        AssertSequence(table.Header, "country", "year,total");
        Assert.AreEqual("3:FRA|2020,1", Show(ReadAll(table).Single()));
    }

    [TestMethod]
    public void DelimiterDetector_breaks_ties_by_the_wider_table_then_by_order()
    {
        // ',' and ';' each give a consistent count on both lines; ';' splits into more fields.
        var (wide, _) = DelimiterDetector.Detect("a;b;c,d\n1;2;3,4\n", complete: true);
        Assert.AreEqual(';', wide);

        // Same count and same number of lines: the order ; , tab | decides.
        var (ordered, _) = DelimiterDetector.Detect("a;b,c\n1;2,3\n", complete: true);
        Assert.AreEqual(';', ordered);
    }
}
