using System.Security.Cryptography;
using System.Text.Json;

using Linkage.Output;

namespace Linkage.Cli.Tests;

/// <summary><c>publish/regional-trends.sdmx.csv</c> from a real run on the sample data.</summary>
[TestClass]
public sealed class SdmxPublishTests
{
    private static TempDir? _tmp;

    private static CliResult? _run;

    private static string Out => _tmp!.File("out");

    [ClassInitialize]
    public static void RunSample(TestContext context)
    {
        _tmp = new TempDir();
        _run = Cli.Run("run", Cli.SampleData, "--out", _tmp.File("out"), "--as-of", "2026-11-28");
    }

    [ClassCleanup]
    public static void Cleanup() => _tmp?.Dispose();

    [TestMethod]
    public void Run_writes_the_SDMX_publication_that_reads_back_to_the_rows_of_regional_trends_csv()
    {
        Assert.AreEqual(0, _run!.ExitCode, _run.Error);
        var path = Path.Combine(Out, "publish", "regional-trends.sdmx.csv");
        Assert.IsTrue(File.Exists(path));

        var read = SdmxPublicationReader.ReadFile(path, "regional-trends.sdmx.csv");

        Assert.IsEmpty(read.Problems, string.Join(" | ", read.Problems.Select(p => p.Message)));
        var csv = File.ReadAllBytes(Path.Combine(Out, "publish", "regional-trends.csv"));
        Assert.HasCount(File.ReadAllLines(Path.Combine(Out, "publish", "regional-trends.csv")).Length - 1, read.Rows);
        using var again = new MemoryStream();
        PublishCsv.WriteRegionalTrends(again, read.Rows);
        CollectionAssert.AreEqual(csv, again.ToArray(), "the SDMX rows written as regional-trends.csv give the same bytes");

        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Out, "manifest.json")));
        var listed = manifest.RootElement.GetProperty("outputs").EnumerateArray().Single(o => o.GetProperty("path").GetString() == "publish/regional-trends.sdmx.csv");
        Assert.AreEqual(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))), listed.GetProperty("sha256").GetString());
    }

    [TestMethod]
    public void Run_refuses_its_own_SDMX_publication_as_an_input_with_one_sentence()
    {
        Assert.AreEqual(0, _run!.ExitCode, _run.Error);
        var publication = Path.Combine(Out, "publish", "regional-trends.sdmx.csv");

        var result = Cli.Run("run", publication, "--out", _tmp!.File("again"));

        Assert.AreEqual(3, result.ExitCode, "no usable data at all");
        Assert.Contains(
            $"File '{publication}' is a linkage publication of regional aggregates (row 2, column 'STRUCTURE_ID' names the dataflow OSCE:DF_P23_REGIONAL_TRENDS(1.0)), not a State submission; it was not read, so pass the States' own submissions instead.",
            result.Error);
        Assert.DoesNotContain("not an OSCE", result.Error + result.Out);
    }
}
