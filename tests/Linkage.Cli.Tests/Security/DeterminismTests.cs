using System.Globalization;

namespace Linkage.Cli.Tests.Security;

/// <summary>
/// design.md: publish outputs are byte-identical whatever the culture, time zone or working directory. The real
/// binary runs the synthetic submissions (every layout, XLSX and Windows-1251 included) under several environments;
/// a startup hook reports the culture and time zone each process really ran with, so the test cannot pass because
/// an environment variable was ignored.
/// </summary>
[TestClass]
public sealed class DeterminismTests
{
    private sealed record Variant(string Name, string Locale, string Culture, string TimeZone, string Folder, string Input);

    private static readonly Variant[] Variants =
    [
        new("first", "en_US.UTF-8", "en-US", "UTC", "work", "drop"),
        new("again", "en_US.UTF-8", "en-US", "UTC", "work", "drop"),
        new("de-DE", "de_DE.UTF-8", "de-DE", "Pacific/Kiritimati", "work", "drop"),
        new("tr-TR", "tr_TR.UTF-8", "tr-TR", "America/Adak", "work", "drop"),
        new("ru-RU elsewhere", "ru_RU.UTF-8", "ru-RU", "Asia/Kathmandu", "work/nested/deeper", "../../drop"),
    ];

    [TestMethod]
    public void Run_publishes_byte_identical_files_across_runs_cultures_time_zones_and_working_directories()
    {
        using var tmp = new TempDir();
        var drop = Directory.CreateDirectory(tmp.File("work/drop")).FullName;
        foreach (var file in Directory.EnumerateFiles(Cli.SampleData).Where(f => !f.EndsWith(".md", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(drop, Path.GetFileName(file)));
        }

        Directory.CreateDirectory(tmp.File("work/nested/deeper"));
        var hook = typeof(StartupHook).Assembly.Location;

        var runs = Variants.AsParallel().AsOrdered().WithDegreeOfParallelism(Math.Max(2, Environment.ProcessorCount)).Select((v, i) =>
        {
            var probe = tmp.File($"probe-{i}.txt");
            var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["LANG"] = v.Locale,
                ["LC_ALL"] = v.Locale,
                ["TZ"] = v.TimeZone,
                ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = null,
                ["DOTNET_STARTUP_HOOKS"] = hook,
                [StartupHook.ProbeVariable] = probe,
            };
            var output = tmp.File($"out-{i}");
            var result = Cli.RunProcess(tmp.File(v.Folder), environment, "run", v.Input, "--out", output);
            return (Variant: v, Result: result, Probe: File.ReadAllLines(probe), Publish: Path.Combine(output, "publish"));
        }).ToList();

        foreach (var (v, result, probe, _) in runs)
        {
            Assert.AreEqual(0, result.ExitCode, $"{v.Name}: {result.Error}");
            Assert.AreEqual(v.Culture, probe[0], $"{v.Name}: the process did not run under the culture the test asked for");
            Assert.AreEqual(v.Culture, probe[1], $"{v.Name}: UI culture");
            Assert.AreEqual(v.TimeZone, probe[3], $"{v.Name}: the process did not run in the time zone the test asked for");
            Assert.AreEqual(Path.GetFullPath(tmp.File(v.Folder)), probe[4], $"{v.Name}: working directory");
        }

        // The cultures really differ in how they write numbers (1,234.5 / 1.234,5 / 1 234,5), so a culture-dependent format would show.
        foreach (var (v, _, probe, _) in runs)
        {
            Assert.AreEqual(1234.5.ToString("N1", CultureInfo.GetCultureInfo(v.Culture)), probe[2], v.Name);
        }

        Assert.HasCount(3, runs.Select(r => r.Probe[2]).Distinct(), string.Join(" | ", runs.Select(r => r.Probe[2])));

        var baseline = Files(runs[0].Publish);
        Assert.IsGreaterThan(20, baseline.Count, "the tables, the report and the PNG and SVG charts");
        Assert.IsTrue(baseline.Keys.Any(k => k.EndsWith(".png", StringComparison.Ordinal)) && baseline.Keys.Any(k => k.EndsWith(".svg", StringComparison.Ordinal)));
        Assert.IsTrue(baseline.ContainsKey("annex.docx"), "the Word annex, a zip whose entries would otherwise carry the local wall-clock time");
        foreach (var (v, _, _, publish) in runs.Skip(1))
        {
            var files = Files(publish);
            CollectionAssert.AreEquivalent(baseline.Keys.ToList(), files.Keys.ToList(), $"{v.Name}: the same files are published");
            foreach (var (name, bytes) in baseline)
            {
                Assert.IsTrue(bytes.AsSpan().SequenceEqual(files[name]), $"{v.Name}: publish/{name} differs from the first run");
            }
        }

        // Nothing of the machine's folders reaches a publish file.
        foreach (var text in new[] { "report.md", "report.html", "regional-trends.csv", "trend-summary.csv" }.Select(f => File.ReadAllText(Path.Combine(runs[0].Publish, f))))
        {
            Assert.DoesNotContain(tmp.Path, text);
            Assert.DoesNotContain("drop/", text);
        }
    }

    private static Dictionary<string, byte[]> Files(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllBytes, StringComparer.Ordinal);
}
