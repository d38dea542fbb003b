using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Linkage.Cli.Tests;

[TestClass]
public sealed partial class EndToEndTests
{
    private static readonly string[] Charts = ["linkage-by-region", "international-share", "completeness-heatmap", "trend-apc"];

    [TestMethod]
    public void Run_on_sample_data_writes_every_output_of_design_md_with_matching_manifest_hashes()
    {
        using var tmp = new TempDir();

        var result = Cli.RunProcess(tmp.Path, "run", Cli.SampleData, "--out", "out", "--as-of", "2026-11-28");

        Assert.AreEqual(0, result.ExitCode, result.Error);
        var outDir = tmp.File("out");
        var expected = new List<string>
        {
            "manifest.json", "internal/observations.csv", "internal/rejects.csv", "internal/set-aside.csv", "internal/mapping-review.csv",
            "publish/regional-trends.csv", "publish/regional-trends.sdmx.csv", "publish/trend-summary.csv", "publish/report.html", "publish/report.md",
            "publish/annex.docx",
        };
        foreach (var measure in new[] { "children", "investigations" })
        {
            foreach (var chart in Charts)
            {
                expected.AddRange([$"publish/charts/{chart}-{measure}.png", $"publish/charts/{chart}-{measure}-full.png", $"publish/charts/{chart}-{measure}.svg"]);
            }
        }

        foreach (var path in expected)
        {
            Assert.IsTrue(File.Exists(Path.Combine(outDir, path)), path);
            Assert.IsGreaterThan(path.StartsWith("publish/charts/", StringComparison.Ordinal) ? 1000L : 0L, new FileInfo(Path.Combine(outDir, path)).Length, path);
        }

        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "manifest.json")));
        var outputs = manifest.RootElement.GetProperty("outputs").EnumerateArray().ToDictionary(o => o.GetProperty("path").GetString()!, o => o.GetProperty("sha256").GetString());
        CollectionAssert.AreEquivalent(expected.Where(p => p != "manifest.json").ToList(), outputs.Keys.ToList());
        foreach (var (path, sha) in outputs)
        {
            Assert.AreEqual(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(outDir, path)))), sha, path);
        }

        var timings = manifest.RootElement.GetProperty("timings_ms");
        foreach (var stage in new[] { "read_recognise_normalise", "reconcile", "aggregate", "protect", "analyse", "render", "write" })
        {
            Assert.IsTrue(timings.TryGetProperty(stage, out _), stage);
        }

        var html = File.ReadAllText(Path.Combine(outDir, "publish/report.html"));
        foreach (Match m in ReferenceAttribute().Matches(html))
        {
            StringAssert.StartsWith(m.Groups[1].Value, "data:", "report.html has no external reference");
        }

        Assert.DoesNotContain("http:", html);
        Assert.DoesNotContain("https:", html);
        Assert.AreEqual(8, Regex.Count(html, "<img "), "the eight charts are embedded");
        var md = File.ReadAllText(Path.Combine(outDir, "publish/report.md"));
        foreach (var chart in Charts)
        {
            StringAssert.Contains(md, $"(charts/{chart}-children.png)");
        }
    }

    [TestMethod]
    public void Run_twice_writes_byte_identical_publish_files()
    {
        using var tmp = new TempDir();

        var first = Cli.RunProcess(tmp.Path, "run", Cli.SampleData, "--out", "a", "--as-of", "2026-11-28");
        var second = Cli.RunProcess(tmp.Path, "run", Cli.SampleData, "--out", "b", "--as-of", "2026-11-28");

        Assert.AreEqual(0, first.ExitCode, first.Error);
        Assert.AreEqual(0, second.ExitCode, second.Error);
        var files = Directory.GetFiles(tmp.File("a/publish"), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(tmp.File("a"), f)).Order().ToList();
        Assert.IsGreaterThan(20, files.Count);
        foreach (var file in files)
        {
            CollectionAssert.AreEqual(File.ReadAllBytes(tmp.File("a/" + file)), File.ReadAllBytes(tmp.File("b/" + file)), file);
        }
    }

    [TestMethod]
    public void Run_ps1_runs_the_job_through_the_local_pwsh_tool_and_passes_the_exit_code_through()
    {
        using var tmp = new TempDir();
        var input = tmp.Write("in/submission.csv", """
            country,year,measure,internal,international,not trafficked,unknown
            FRA,2019,children,40,30,60,70
            DEU,2019,children,30,25,10,8
            """);
        var log = tmp.File("run.log");
        string[] Script(params string[] extra) =>
            ["pwsh", "-NoProfile", "-File", Path.Combine(Cli.RepoRoot, "run.ps1"), "-Inputs", tmp.File("in"), "-Out", tmp.File("out"), "-LogFile", log, .. extra];

        var good = Cli.RunProgram(Cli.RepoRoot, "dotnet", Script(), minutes: 10);
        var bad = Cli.RunProgram(Cli.RepoRoot, "dotnet", Script("-ExtraArgs", "--min-cell=1"), minutes: 10);
        var logInside = Cli.RunProgram(Cli.RepoRoot, "dotnet", ["pwsh", "-NoProfile", "-File", Path.Combine(Cli.RepoRoot, "run.ps1"), "-Inputs", tmp.File("in"), "-Out", tmp.File("out"), "-LogFile", tmp.File("out/run.log")], minutes: 10);

        Assert.AreEqual(0, good.ExitCode, $"run.ps1 failed (has `dotnet tool restore` been run?): {good.Error}{good.Out}{TryRead(log)}");
        Assert.IsTrue(File.Exists(tmp.File("out/publish/report.html")));
        StringAssert.Contains(File.ReadAllText(log), "submission.csv: read 2, accepted 2, set aside 0, rejected 0");
        Assert.AreEqual(2, bad.ExitCode, bad.Error + bad.Out);
        StringAssert.Contains(File.ReadAllText(log), "--min-cell 1 would publish counts of single children");
        Assert.AreEqual(2, logInside.ExitCode, "a log inside the output folder would stop the next run");
        StringAssert.Contains(logInside.Out, "is inside -Out");
        Assert.IsFalse(File.Exists(tmp.File("out/run.log")));
    }

    private static string TryRead(string path) => File.Exists(path) ? File.ReadAllText(path) : string.Empty;

    [GeneratedRegex("(?:src|href)=\"([^\"]*)\"")]
    private static partial Regex ReferenceAttribute();
}
