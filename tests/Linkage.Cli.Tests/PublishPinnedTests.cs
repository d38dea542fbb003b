using System.Security.Cryptography;
using System.Text;

namespace Linkage.Cli.Tests;

/// <summary>
/// What <c>publish/</c> holds today, pinned by hash (<c>Data/publish-hashes.txt</c>), so that a change meant to leave
/// behaviour alone (the stages made one chain, issue "the pipeline as one chain of typed stages") can show it did: the
/// tables, the SDMX file, the Markdown report and the SVG charts of <c>sample-data/</c> in every language and of the real
/// publications, byte for byte. The PNGs, the HTML report (PNGs embedded) and the Word annex (a zip) are checked through
/// the SVGs and the Markdown that carry the same content. Rewrite the pins only on purpose, with the reason in the commit:
/// <c>LINKAGE_REPIN=1 dotnet test --project tests/Linkage.Cli.Tests --filter "FullyQualifiedName~PublishPinned"</c>.
/// </summary>
[TestClass]
public sealed class PublishPinnedTests
{
    private static string PinFile => Path.Combine(Cli.RepoRoot, "tests", "Linkage.Cli.Tests", "Data", "publish-hashes.txt");

    private static readonly (string Name, string[] Inputs, string[] Options)[] Runs =
    [
        ("sample-en", [Cli.SampleData], ["--lang", "en"]),
        ("sample-de", [Cli.SampleData], ["--lang", "de"]),
        ("sample-fr", [Cli.SampleData], ["--lang", "fr"]),
        ("sample-es", [Cli.SampleData], ["--lang", "es"]),
        ("sample-it", [Cli.SampleData], ["--lang", "it"]),
        ("sample-ru", [Cli.SampleData], ["--lang", "ru"]),
        ("sample-k10", [Cli.SampleData], ["--min-cell", "10"]),
        ("real-glotip", [Real("unodc-glotip-2025.xlsx")], []),
        ("real-sdg", [Real("un-sdg-vc-htf-detv.ddf.csv")], []),
        ("real-ctdc", [Real("ctdc-case-records-sample.csv")], []),
    ];

    private static string Real(string name) => Path.Combine(Cli.RepoRoot, "tests", "Linkage.Tests", "Data", "real", name);

    /// <summary>"RUN FILE SHA-256" for every pinned file of every run, sorted.</summary>
    private static List<string> Hashes()
    {
        var lines = new List<string>();
        foreach (var (name, inputs, options) in Runs)
        {
            using var tmp = new TempDir();
            var result = Cli.Run(["run", .. inputs, "--out", tmp.File("out"), "--as-of", "2026-11-28", "--quiet", .. options]);
            Assert.IsLessThanOrEqualTo(1, result.ExitCode, $"{name}: {result.Error}");
            var publish = tmp.File("out/publish");
            foreach (var file in Directory.GetFiles(publish, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(publish, file).Replace('\\', '/');
                if (relative.EndsWith(".csv", StringComparison.Ordinal) || relative.EndsWith(".md", StringComparison.Ordinal) || relative.EndsWith(".svg", StringComparison.Ordinal))
                {
                    lines.Add($"{name} {relative} {Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)))}");
                }
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    /// <summary>
    /// The chart font this machine renders with (the file the renderer picks first, and its hash): SVG text is laid
    /// out with its metrics, so SVG pins hold only where the pins were taken with the same font.
    /// </summary>
    private static string FontKey()
    {
        string[] candidates = ["DejaVuSans.ttf", "LiberationSans-Regular.ttf", "arial.ttf", "segoeui.ttf"];
        var folder = OperatingSystem.IsWindows() ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.Windows), "Fonts") : "/usr/share/fonts";
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, MatchCasing = MatchCasing.CaseInsensitive };
        var files = Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*.ttf", options).Order(StringComparer.Ordinal).ToList() : [];
        foreach (var name in candidates)
        {
            if (files.FirstOrDefault(f => string.Equals(Path.GetFileName(f), name, StringComparison.OrdinalIgnoreCase)) is { } found)
            {
                return $"# font {name} {Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(found)))}";
            }
        }

        return "# font none";
    }

    [TestMethod]
    public void Publish_holds_byte_for_byte_what_it_held_when_the_pins_were_taken()
    {
        var actual = Hashes();
        var font = FontKey();
        if (Environment.GetEnvironmentVariable("LINKAGE_REPIN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(PinFile)!);
            File.WriteAllText(PinFile, font + "\n" + string.Join('\n', actual) + "\n", new UTF8Encoding(false));
            Assert.Inconclusive($"Pins rewritten: {actual.Count} files in {PinFile}.");
        }

        var all = File.ReadAllLines(PinFile).Where(l => l.Length > 0).ToList();
        var pinned = all.Where(l => !l.StartsWith('#')).ToList();
        if (all[0] != font)
        {
            // Another chart font: the tables and the report still pin; the SVGs cannot.
            pinned = [.. pinned.Where(l => !l.Contains(".svg ", StringComparison.Ordinal))];
            actual = [.. actual.Where(l => !l.Contains(".svg ", StringComparison.Ordinal))];
        }

        var changed = actual.Except(pinned, StringComparer.Ordinal).Take(10).ToList();
        var lost = pinned.Except(actual, StringComparer.Ordinal).Take(10).ToList();
        Assert.IsTrue(changed.Count == 0 && lost.Count == 0, $"publish/ changed. Now: {string.Join("; ", changed)}. Pinned: {string.Join("; ", lost)}");
        Assert.IsGreaterThan(30, pinned.Count);
    }
}
