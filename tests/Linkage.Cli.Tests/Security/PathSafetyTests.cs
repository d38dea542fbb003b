using Linkage.Output;

namespace Linkage.Cli.Tests.Security;

/// <summary>
/// Names that come from data or config (regions, States, areas, labels, measures) never become paths: a run writes
/// only the fixed output names under <c>--out</c> (staged beside it), whatever <c>../</c>, <c>..\</c>, absolute paths or
/// slashes the names hold.
/// </summary>
[TestClass]
public sealed class PathSafetyTests
{
    private static readonly string[] Escapes = ["../../escape", "..\\..\\escape", "a/b/c"];

    private static string Wide(string absolute) => $$"""
        country,year,measure,internal,international,not trafficked,unknown,district
        DEU,2019,children,40,30,60,70,../../escape
        DEU,2020,children,41,31,61,71,../../escape
        DEU,2019,children,40,30,60,70,other
        DEU,2020,children,41,31,61,71,other
        FRA,2019,../children,40,30,60,70,..\..\escape
        FRA,2020,../children,41,31,61,71,..\..\escape
        ITA,2019,children,40,30,60,70,{{absolute}}
        ITA,2020,children,41,31,61,71,{{absolute}}
        ESP,2019,children,40,30,60,70,C:\escape
        ESP,2020,children,41,31,61,71,C:\escape
        POL,2019,children,40,30,60,70,a/b/c
        POL,2020,children,41,31,61,71,a/b/c
        """;

    private const string Long = """
        country,year,trafficking,children
        AUT,2019,../../internal,10
        AUT,2019,international,10
        AUT,2020,internal/../../x,12
        """;

    private static string Config(string absolute, bool withRegions) =>
        "{ \"linkage\": { \"internal\": [\"../../internal\"] }, \"columns\": { \"area\": [\"../district\"] }"
        + (withRegions
            ? $$""", "regions": { "DEU": "../../escape-region", "FRA": "..\\..\\escape-region", "ITA": "{{absolute}}-region", "ESP": "C:\\escape-region", "POL": "a/b/region", "AUT": "/", "DEU/../../escape": "../../../area-region" } }"""
            : " }");

    private static string RegionsFile(string absolute) => $"""
        state,area,region
        DEU,,../../escape-region
        FRA,,..\..\escape-region
        ITA,,{absolute}-region
        ESP,,C:\escape-region
        POL,,a/b/region
        AUT,,/
        DEU,../../escape,../../../area-region
        """;

    /// <summary>Every file under <paramref name="root"/>, relative, with forward slashes.</summary>
    private static SortedSet<string> Tree(string root) =>
        new(Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')), StringComparer.Ordinal);

    private static IEnumerable<string> FixedOutputs()
    {
        yield return "manifest.json";
        yield return "internal/observations.csv";
        yield return "internal/rejects.csv";
        yield return "internal/set-aside.csv";
        yield return "internal/mapping-review.csv";
        yield return "publish/regional-trends.csv";
        yield return "publish/regional-trends.sdmx.csv";
        yield return "publish/trend-summary.csv";
        yield return "publish/report.html";
        yield return "publish/report.md";
        yield return "publish/annex.docx";
        foreach (var chart in new[] { "linkage-by-region", "international-share", "completeness-heatmap", "trend-apc" })
        {
            yield return $"publish/charts/{chart}-children.png";
            yield return $"publish/charts/{chart}-children-full.png";
            yield return $"publish/charts/{chart}-children.svg";
        }
    }

    [TestMethod]
    public void Run_writes_only_fixed_names_under_out_whatever_paths_the_region_area_label_and_measure_names_hold()
    {
        using var tmp = new TempDir();
        var absolute = Path.Combine(Path.GetTempPath(), "linkage-sec-" + Guid.NewGuid().ToString("N"));
        var runs = new[] { false, true }.AsParallel().Select(fromFile =>
        {
            // The job runs two folders down, so a "../../" name would land inside the snapshot.
            var root = tmp.File(fromFile ? "file" : "config");
            var cwd = Path.Combine(root, "a", "b");
            Directory.CreateDirectory(cwd);
            File.WriteAllText(Path.Combine(cwd, "in.csv"), Wide(absolute));
            File.WriteAllText(Path.Combine(cwd, "long.csv"), Long);
            File.WriteAllText(Path.Combine(cwd, "config.json"), Config(absolute, withRegions: !fromFile));
            File.WriteAllText(Path.Combine(cwd, "regions.csv"), RegionsFile(absolute));
            var before = Tree(root);
            string[] args = ["run", "in.csv", "long.csv", "--config", "config.json", "--out", "out"];
            var result = Cli.RunProcess(cwd, fromFile ? [.. args, "--regions", "regions.csv"] : args);
            return (What: fromFile ? "--regions file" : "config regions", Root: root, Out: Path.Combine(cwd, "out"), Before: before, After: Tree(root), Result: result);
        }).ToList();

        foreach (var (what, root, outDir, before, after, result) in runs)
        {
            Assert.IsTrue(result.ExitCode is 0 or 1, $"{what}: exit {result.ExitCode}: {result.Error}");

            // Only the fixed names, only under --out; the staging folder beside it is gone.
            CollectionAssert.AreEquivalent(FixedOutputs().ToList(), Tree(outDir).Where(p => File.Exists(Path.Combine(outDir, p))).ToList(), what);
            // The lock file beside --out is the one other fixed name (it stays, emptied, for the next run).
            var created = after.Except(before).Where(p => !p.StartsWith("a/b/out", StringComparison.Ordinal) && p != "a/b/.out.lock").ToList();
            Assert.IsEmpty(created, $"{what}: written outside --out: {string.Join(", ", created)}");

            // The names did reach the outputs (as text), so the run really carried them.
            var observations = CsvText.ReadFile(Path.Combine(outDir, "internal/observations.csv"));
            CollectionAssert.IsSubsetOf(Escapes, observations.Select(o => o["area"]).Distinct().ToList(), what);
            CollectionAssert.IsSubsetOf(
                new[] { "../../escape-region", "..\\..\\escape-region", absolute + "-region", "C:\\escape-region", "a/b/region", "/", "../../../area-region" },
                CsvText.ReadFile(Path.Combine(outDir, "publish/regional-trends.csv")).Select(r => r["region"]).Distinct().ToList(),
                what);
        }

        Assert.IsFalse(Path.Exists(absolute), "an absolute area name became a path");
        Assert.IsFalse(Path.Exists(absolute + "-region"), "an absolute region name became a path");
        Assert.IsEmpty(Directory.EnumerateFileSystemEntries(Path.GetTempPath(), Path.GetFileName(absolute) + "*"), "nothing was written beside the absolute names");
    }

    [TestMethod]
    [DataRow("../escape.csv")]
    [DataRow("publish/../../escape.csv")]
    [DataRow("/tmp/escape.csv")]
    public void OutputFolder_refuses_a_relative_path_that_leaves_the_output_folder(string relative)
    {
        using var tmp = new TempDir();
        using var folder = new OutputFolder(tmp.File("out"));

        Assert.ThrowsExactly<ArgumentException>(() => folder.Write(relative, s => s.WriteByte(1)));
        Assert.IsEmpty(Directory.EnumerateFiles(tmp.Path, "escape.csv", SearchOption.AllDirectories));
    }
}
