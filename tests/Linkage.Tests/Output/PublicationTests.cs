using System.Text;

using Linkage.Analyse;
using Linkage.Output;
using Linkage.Pipeline;
using Linkage.Read;
using Linkage.Tests.TestSupport;

using static Linkage.Tests.Pipeline.PipelineTestKit;

namespace Linkage.Tests.Output;

/// <summary>The render stage as a library function: every publish/ file as bytes, from the statistics, with no file written.</summary>
[TestClass]
public sealed class PublicationTests
{
    private static readonly Lazy<(RunOutcome Outcome, IReadOnlyList<OutputFile> Files)> Sample = new(() =>
    {
        var folder = Path.Combine(RepoRoot(), "sample-data");
        var inputs = Directory.GetFiles(folder).Where(f => !f.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .Select(f => new InputFile(f, "sample-data/" + Path.GetFileName(f))).ToList();
        var outcome = RunStages.Run(inputs, DefaultContext(), new PipelineOptions(), new StatisticsOptions(StatisticsOptions.DefaultMinCell, default));
        return (outcome, Publication.Render(new PublicationInput(outcome.Statistics!, outcome.Result, new DateOnly(2026, 11, 28))));
    });

    private static string RepoRoot() => Repository.Root;

    [TestMethod]
    public void Render_gives_the_tables_three_files_per_chart_and_the_report_in_the_order_they_are_written()
    {
        var (outcome, files) = Sample.Value;

        Assert.IsTrue(outcome.Publishes);
        var paths = files.Select(f => f.Path).ToList();
        CollectionAssert.AreEqual(new[] { "publish/regional-trends.csv", "publish/regional-trends.sdmx.csv", "publish/trend-summary.csv" }, paths.Take(3).ToArray());
        CollectionAssert.AreEqual(new[] { "publish/report.html", "publish/report.md", "publish/annex.docx" }, paths.TakeLast(3).ToArray());
        var charts = paths.Skip(3).SkipLast(3).ToList();
        Assert.AreEqual(0, charts.Count % 3);
        Assert.IsTrue(charts.All(p => p.StartsWith("publish/charts/", StringComparison.Ordinal)), string.Join(", ", charts));
        Assert.HasCount(paths.Count, paths.Distinct(StringComparer.Ordinal));
        Assert.IsTrue(files.All(f => f.Bytes.Length > 0));
    }

    [TestMethod]
    public void The_markdown_report_links_every_chart_the_render_gives_and_no_other()
    {
        var (_, files) = Sample.Value;

        var markdown = Encoding.UTF8.GetString(files.Single(f => f.Path == "publish/report.md").Bytes);
        var pngs = files.Select(f => f.Path).Where(p => p.EndsWith(".png", StringComparison.Ordinal) && !p.EndsWith("-full.png", StringComparison.Ordinal)).ToList();
        Assert.IsNotEmpty(pngs);
        foreach (var png in pngs)
        {
            StringAssert.Contains(markdown, png["publish/".Length..]);
        }
    }

    [TestMethod]
    public void Rendering_twice_gives_the_same_bytes()
    {
        var (outcome, files) = Sample.Value;

        var again = Publication.Render(new PublicationInput(outcome.Statistics!, outcome.Result, new DateOnly(2026, 11, 28)));

        Assert.HasCount(files.Count, again);
        for (var i = 0; i < files.Count; i++)
        {
            Assert.AreEqual(files[i].Path, again[i].Path);
            CollectionAssert.AreEqual(files[i].Bytes, again[i].Bytes, files[i].Path);
        }
    }
}
