using System.Security.Cryptography;
using System.Text.Json;

using Linkage.Analyse;
using Linkage.Output;
using Linkage.Pipeline;
using Linkage.Read;
using Linkage.Tests.TestSupport;

namespace Linkage.Tests.Pipeline;

/// <summary>
/// The whole chain as one library call, without the CLI and without temp files on the way in: two of sample-data's
/// files read from memory, through <see cref="PipelineRun.Run"/> to the output bytes, then committed by
/// <see cref="RunOutputs.Commit"/>.
/// </summary>
[TestClass]
public sealed class PipelineRunTests
{
    private static RunRequest Request(params string[] names) => new(
        SampleData.Inputs(names),
        PipelineTestKit.DefaultContext(),
        new PipelineOptions(),
        StatisticsOptions.Default)
    {
        AsOf = new DateOnly(2026, 11, 28),
        Settings = [new("min_cell", "5")],
    };

    [TestMethod]
    public void The_chain_gives_internal_and_publish_bytes_that_equal_the_render_stage_of_its_own_statistics()
    {
        var product = PipelineRun.Run(Request("01-wide-en.csv", "03-long-fr.csv"));
        var outcome = product.Outcome;

        Assert.IsTrue(outcome.Publishes);
        Assert.AreEqual(0, outcome.ExitCode);
        var paths = product.Files.Select(f => f.Path).ToList();
        Assert.AreEqual("internal/observations.csv", paths[0]);
        CollectionAssert.IsSubsetOf(new[] { "publish/regional-trends.csv", "publish/regional-trends.sdmx.csv", "publish/trend-summary.csv", "publish/report.html", "publish/annex.docx" }, paths);
        Assert.AreEqual(paths.Count, paths.Distinct(StringComparer.Ordinal).Count(), "each file once");

        // The render stage alone, from the same statistics, gives the same publish/ bytes: Render has its own entry point.
        var rendered = Publication.Render(new PublicationInput(outcome.Statistics, outcome.Result, new DateOnly(2026, 11, 28)));
        var published = product.Files.Where(f => f.Path.StartsWith("publish/", StringComparison.Ordinal)).ToList();
        CollectionAssert.AreEqual(rendered.Select(f => f.Path).ToList(), published.Select(f => f.Path).ToList());
        for (var i = 0; i < rendered.Count; i++)
        {
            CollectionAssert.AreEqual(rendered[i].Bytes, published[i].Bytes, rendered[i].Path);
        }

        Assert.IsTrue(product.Timings.ContainsKey("render") && product.Timings.ContainsKey("protect"));
        Assert.IsEmpty(product.Events);
    }

    [TestMethod]
    public void Commit_writes_exactly_the_bytes_and_a_manifest_that_lists_each_with_its_hash()
    {
        var product = PipelineRun.Run(Request("01-wide-en.csv"));
        using var tmp = new TempFolder();
        var target = Path.Combine(tmp.Path, "out");

        var written = RunOutputs.Commit(target, product.Files, product.Manifest);

        Assert.AreEqual(product.Files.Count + 1, written.Count);
        Assert.AreEqual("manifest.json", written[^1].Path);
        foreach (var file in product.Files)
        {
            CollectionAssert.AreEqual(file.Bytes, File.ReadAllBytes(Path.Combine(target, file.Path)), file.Path);
        }

        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(target, "manifest.json")));
        var listed = manifest.RootElement.GetProperty("outputs").EnumerateArray()
            .ToDictionary(o => o.GetProperty("path").GetString()!, o => o.GetProperty("sha256").GetString()!, StringComparer.Ordinal);
        foreach (var file in product.Files)
        {
            Assert.AreEqual(Convert.ToHexStringLower(SHA256.HashData(file.Bytes)), listed[file.Path], file.Path);
        }

        Assert.AreEqual(product.Fingerprint, manifest.RootElement.GetProperty("fingerprint").GetString());
    }

    [TestMethod]
    public void A_file_with_a_personal_data_column_publishes_nothing_and_says_why_in_internal_only()
    {
        var request = new RunRequest(
            [InputFile.FromText("people.csv", "Country,Year,Name,Internal\nFrance,2019,Marie Dupont,12\n")],
            PipelineTestKit.DefaultContext(),
            new PipelineOptions(),
            StatisticsOptions.Default);

        var product = PipelineRun.Run(request);

        Assert.IsTrue(product.Outcome.Result.HasPersonalData);
        Assert.IsFalse(product.Outcome.Publishes);
        Assert.IsFalse(product.Files.Any(f => f.Path.StartsWith("publish/", StringComparison.Ordinal)), string.Join(", ", product.Files.Select(f => f.Path)));
        Assert.IsTrue(product.Files.Any(f => f.Path == "internal/rejects.csv"));
    }
}
