using System.Text.RegularExpressions;

namespace Linkage.Cli.Tests.Security;

/// <summary>
/// Text from data or config reaches the HTML report, the Markdown report, the SVG charts and the Word annex as text, never as markup:
/// a region called <c>&lt;script&gt;</c> or a Markdown link is escaped for each format.
/// </summary>
[TestClass]
public sealed partial class MarkupInjectionTests
{
    private const string Region = "<script>alert(1)</script><img src=x onerror=alert(2)>[link](javascript:alert(3))&\"'";

    [TestMethod]
    public void Run_escapes_a_region_name_holding_markup_in_the_html_report_the_markdown_report_the_svg_charts_and_the_word_annex()
    {
        using var tmp = new TempDir();
        var input = tmp.Write("in.csv", """
            country,year,measure,internal,international,not trafficked,unknown
            FRA,2019,children,40,30,60,70
            FRA,2020,children,20,15,30,35
            """);
        var config = tmp.Write("config.json", "{ \"regions\": { \"FRA\": " + System.Text.Json.JsonSerializer.Serialize(Region) + " } }");

        var result = Cli.Run("run", input, "--config", config, "--out", tmp.File("out"));

        Assert.AreEqual(0, result.ExitCode, result.Error);
        var publish = tmp.File("out/publish");
        var html = File.ReadAllText(Path.Combine(publish, "report.html"));
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img src=x", html, StringComparison.OrdinalIgnoreCase);
        Assert.IsTrue(ReportCells.Html(html).Any(c => c.Text == Region), "the region is shown, as text");

        var markdown = File.ReadAllText(Path.Combine(publish, "report.md"));
        Assert.IsFalse(UnescapedTag().IsMatch(markdown), "a tag in the Markdown report is escaped");
        Assert.IsFalse(UnescapedLink().IsMatch(markdown), "a link in the Markdown report is escaped");
        Assert.IsTrue(ReportCells.Markdown(markdown).Any(c => c.Text == Region), "the region is shown, as text");

        var svgs = Directory.GetFiles(Path.Combine(publish, "charts"), "*.svg");
        Assert.IsNotEmpty(svgs);
        var withRegion = 0;
        foreach (var svg in svgs)
        {
            var text = File.ReadAllText(svg);
            Assert.DoesNotContain("<script", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img", text, StringComparison.OrdinalIgnoreCase);
            withRegion += text.Contains("&lt;script&gt;", StringComparison.Ordinal) ? 1 : 0;
        }

        Assert.IsGreaterThan(0, withRegion, "the charts name the region, escaped");

        // The annex's XML parts hold the name as text: the document opens and a table cell reads back exactly.
        Assert.IsTrue(ReportCells.Docx(Path.Combine(publish, "annex.docx")).Any(c => c.Text == Region), "the region is shown in the annex, as text");
        using var annex = System.IO.Compression.ZipFile.OpenRead(Path.Combine(publish, "annex.docx"));
        using var reader = new StreamReader(annex.GetEntry("word/document.xml")!.Open());
        Assert.DoesNotContain("<script", reader.ReadToEnd(), StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex(@"(?<!\\)<(script|img)", RegexOptions.IgnoreCase)]
    private static partial Regex UnescapedTag();

    [GeneratedRegex(@"(?<!\\)\]\(javascript", RegexOptions.IgnoreCase)]
    private static partial Regex UnescapedLink();
}
