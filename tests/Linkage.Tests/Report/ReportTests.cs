using System.Text.RegularExpressions;

using Linkage.Analyse;
using Linkage.Config;
using Linkage.Model;
using Linkage.Pipeline;
using Linkage.Protect;
using Linkage.Recognise;
using Linkage.Reconcile;
using Linkage.Render;
using Linkage.Report;

using static Linkage.Tests.Aggregate.StatsKit;

namespace Linkage.Tests.Report;

[TestClass]
public sealed partial class ReportTests
{
    private const string Lines = """
        FRA 2019 internal 40
        FRA 2019 international 3
        FRA 2019 not_trafficked 60
        FRA 2019 unknown 70
        DEU 2019 internal 30
        DEU 2019 international 25
        DEU 2019 not_trafficked 10
        DEU 2019 unknown 8
        ITA 2019 internal 2
        ITA 2019 unknown 50
        """;

    private static IReadOnlyList<ReportBlock> Build(string lines, DateOnly? asOf = null, RegionMap? regions = null)
    {
        var map = regions ?? DefaultRegions;
        var stats = StatisticsRunner.Run(Obs(lines, map), map, StatisticsOptions.Default);
        var pipeline = new PipelineResult([], [], [], 0, new Dictionary<string, long>());
        var states = StateCompleteness.Build(stats.Aggregate.States, stats.Protection.MinCell);
        return ReportBuilder.Build(new ReportInput(stats, pipeline, states, [new ReportChart("A chart", "charts/a.png", [0x89, 0x50, 0x4E, 0x47])], asOf));
    }

    private static Table TableStarting(IReadOnlyList<ReportBlock> blocks, string caption) =>
        blocks.OfType<Table>().First(t => t.Caption.StartsWith(caption, StringComparison.Ordinal));

    [TestMethod]
    public void ReportBuilder_marks_withheld_counts_and_shares_with_c_and_shows_only_published_values()
    {
        var blocks = Build(Lines);

        var table = TableStarting(blocks, "Children by region, 2019");
        var southern = table.Rows.Single(r => r[0] == "Southern Europe");
        Assert.AreEqual("c", southern[1], "ITA's internal 2 is suppressed");
        var western = table.Rows.Single(r => r[0] == "Western Europe");
        Assert.AreEqual("28", western[2], "FRA's 3 is hidden in the regional 28");
        Assert.AreEqual("246", western[5]);
        foreach (var row in table.Rows)
        {
            foreach (var cell in row.Skip(1).Take(5))
            {
                Assert.IsFalse(cell is "1" or "2" or "3" or "4", $"{row[0]} shows the small count {cell}");
            }
        }
    }

    [TestMethod]
    public void ReportBuilder_states_the_as_of_date_only_when_given()
    {
        var with = MarkdownReport.Write(Build(Lines, new DateOnly(2026, 1, 15)));
        var without = MarkdownReport.Write(Build(Lines));

        StringAssert.Contains(with, "Data as of 2026-01-15.");
        Assert.DoesNotContain("Data as of", without);
    }

    [TestMethod]
    public void HtmlReport_is_self_contained_and_escapes_text_from_the_data()
    {
        var regions = RegionMap.FromEntries(
            [new("FRA", "<script>alert(1)</script>", "t"), new("DEU", "<script>alert(1)</script>", "t"), new("ITA", "South & \"Co\"", "t")],
            Geography.BuiltIn,
            out _);

        var html = HtmlReport.Write(Build(Lines, regions: regions));

        Assert.DoesNotContain("<script>", html);
        StringAssert.Contains(html, "&lt;script&gt;");
        foreach (Match m in ReferenceAttribute().Matches(html))
        {
            StringAssert.StartsWith(m.Groups[1].Value, "data:", "every src/href is embedded");
        }

        Assert.DoesNotContain("http:", html);
        Assert.DoesNotContain("https:", html);
        Assert.DoesNotContain("url(", html);
        StringAssert.Contains(html, "<img alt=\"A chart\" src=\"data:image/png;base64,iVBORw==\">");
    }

    [TestMethod]
    public void MarkdownReport_links_the_charts_and_escapes_table_pipes()
    {
        var regions = RegionMap.FromEntries([new("FRA", "A|B", "t"), new("DEU", "A|B", "t"), new("ITA", "C", "t")], Geography.BuiltIn, out _);

        var md = MarkdownReport.Write(Build(Lines, regions: regions));

        StringAssert.Contains(md, "![A chart](charts/a.png)");
        StringAssert.Contains(md, "| A\\|B |");
    }

    [TestMethod]
    public void ReportBuilder_has_the_sections_the_meeting_paper_needs()
    {
        var headings = Build(Lines).OfType<Heading>().Select(h => h.Text).ToList();

        CollectionAssert.IsSubsetOf(
            new[] { "Key figures", "Charts", "Regional table: children", "Trends", "Data quality", "Reporting States per year", "Methods" },
            headings);
    }

    [TestMethod]
    public void ReportBuilder_writes_the_same_text_in_every_culture()
    {
        string? first = null;
        Linkage.Tests.Pipeline.PipelineTestKit.InEachCulture(name =>
        {
            var md = MarkdownReport.Write(Build(Lines, new DateOnly(2026, 1, 15)));
            first ??= md;
            Assert.AreEqual(first, md, name);
        });
    }

    [GeneratedRegex("(?:src|href)=\"([^\"]*)\"")]
    private static partial Regex ReferenceAttribute();
}
