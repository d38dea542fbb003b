using Linkage.Report;

namespace Linkage.Tests.Report;

[TestClass]
public sealed class SpreadsheetTextTests
{
    [TestMethod]
    [DataRow("=1+1", "'=1+1")]
    [DataRow("+1", "'+1")]
    [DataRow("-Minus", "'-Minus")]
    [DataRow("@SUM(A1)", "'@SUM(A1)")]
    [DataRow("\t=1", "'\t=1")]
    [DataRow("\r=1", "'\r=1")]
    [DataRow("  =1", "'  =1")]
    [DataRow("Western Europe", "Western Europe")]
    [DataRow("a=1", "a=1")]
    [DataRow("", "")]
    public void Neutralise_prefixes_text_that_starts_like_a_formula(string text, string expected) =>
        Assert.AreEqual(expected, SpreadsheetText.Neutralise(text));

    private static readonly Table Table = new(
        "t",
        ["Region", "APC"],
        [["=HYPERLINK(\"http://x\")", "+8.1 % (6.7 to 9.6)"], ["-Minus", "−2.0 % (−3.0 to −1.0)"]],
        [false, true]);

    [TestMethod]
    public void HtmlReport_neutralises_text_cells_and_leaves_formatted_numbers_alone()
    {
        var html = HtmlReport.Write([Table]);

        StringAssert.Contains(html, "<td>&#x27;=HYPERLINK(&quot;http://x&quot;)</td>");
        StringAssert.Contains(html, "<td>&#x27;-Minus</td>");
        StringAssert.Contains(html, "<td class=\"n\">&#x2B;8.1 % (6.7 to 9.6)</td>");
    }

    [TestMethod]
    public void MarkdownReport_neutralises_text_cells_and_leaves_formatted_numbers_alone()
    {
        var markdown = MarkdownReport.Write([Table]);

        StringAssert.Contains(markdown, "| '=HYPERLINK(\"http://x\") | +8.1 % (6.7 to 9.6) |");
        StringAssert.Contains(markdown, "| '-Minus | −2.0 % (−3.0 to −1.0) |");
    }
}
