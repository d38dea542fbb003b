using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace Linkage.Cli.Tests;

[TestClass]
public sealed class RunCommandTests
{
    [TestMethod]
    public void Run_on_sample_data_writes_outputs_whose_manifest_hashes_and_accounting_hold()
    {
        using var tmp = new TempDir();
        var result = Cli.RunProcess(tmp.Path, "run", Cli.SampleData, "--out", "out");

        Assert.AreEqual(0, result.ExitCode, result.Error);
        Assert.AreEqual(string.Empty, result.Error);
        var outDir = tmp.File("out");
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "manifest.json")));
        var inputs = manifest.RootElement.GetProperty("inputs").EnumerateArray().ToList();
        Assert.AreEqual(8, inputs.Count);
        foreach (var input in inputs)
        {
            var read = input.GetProperty("rows_read").GetInt64();
            Assert.IsTrue(read > 0);
            Assert.AreEqual(read, input.GetProperty("rows_accepted").GetInt64() + input.GetProperty("rows_rejected").GetInt64());
            var file = input.GetProperty("file").GetString()!;
            Assert.AreEqual(Sha256(file), input.GetProperty("sha256").GetString(), file);
        }

        var outputs = manifest.RootElement.GetProperty("outputs").EnumerateArray().ToList();
        // The full list of outputs, charts and report included, is checked by EndToEndTests.
        CollectionAssert.IsSubsetOf(
            new[] { "internal/observations.csv", "internal/rejects.csv", "publish/regional-trends.csv", "publish/trend-summary.csv", "publish/report.html" },
            outputs.Select(o => o.GetProperty("path").GetString()).ToList());
        var disclosure = manifest.RootElement.GetProperty("disclosure");
        Assert.AreEqual(5, disclosure.GetProperty("min_cell").GetInt32());
        Assert.AreEqual(5, disclosure.GetProperty("protection_level").GetInt32(), "p defaults to k");
        Assert.AreEqual("passed", disclosure.GetProperty("audit").GetString());
        Assert.IsGreaterThan(0, disclosure.GetProperty("primary_suppressed").GetInt32());
        foreach (var o in outputs)
        {
            Assert.AreEqual(Sha256(Path.Combine(outDir, o.GetProperty("path").GetString()!)), o.GetProperty("sha256").GetString());
        }

        var observations = CsvText.ReadFile(Path.Combine(outDir, "internal", "observations.csv"));
        Assert.AreEqual(manifest.RootElement.GetProperty("observations").GetInt32(), observations.Count);
        Assert.AreEqual(57, observations.Select(o => o["state"]).Distinct().Count(), "every participating State is in the sample");
        CollectionAssert.IsSubsetOf(
            new[] { "Northern Europe", "Western Europe", "Southern Europe", "Eastern Europe", "Western Asia", "Central Asia", "Eastern Asia", "Northern America" },
            observations.Select(o => o["region"]).Distinct().ToList());
        Assert.AreEqual(0, CsvText.ReadFile(Path.Combine(outDir, "internal", "rejects.csv")).Count);
        Assert.IsFalse(Directory.EnumerateDirectories(tmp.Path, ".out.staging-*").Any(), "the staging folder is removed");
    }

    [TestMethod]
    public void Run_on_real_unodc_data_keeps_every_osce_row_and_sets_the_others_aside_with_a_reason()
    {
        using var tmp = new TempDir();
        var real = Path.Combine(Cli.SampleData, "real");
        var result = Cli.Run("run", real, "--config", Path.Combine(real, "config.json"), "--out", tmp.File("out"));

        // Countries outside the OSCE are outside the publication, not errors: they do not raise the exit code.
        Assert.AreEqual(0, result.ExitCode, result.Error);
        using var manifest = JsonDocument.Parse(File.ReadAllText(tmp.File("out/manifest.json")));
        var input = manifest.RootElement.GetProperty("inputs")[0];
        Assert.AreEqual(464, input.GetProperty("rows_read").GetInt64());
        Assert.AreEqual(222, input.GetProperty("rows_accepted").GetInt64());
        Assert.AreEqual(242, input.GetProperty("rows_set_aside").GetInt64());
        Assert.AreEqual(0, input.GetProperty("rows_rejected").GetInt64());

        Assert.AreEqual(0, CsvText.ReadFile(tmp.File("out/internal/rejects.csv")).Count);
        var aside = CsvText.ReadFile(tmp.File("out/internal/set-aside.csv"));
        Assert.IsTrue(aside.All(r => r["reason"] == "outside-osce" && r["column"] == "Code"));
        Assert.AreEqual(242, aside.Sum(r => int.Parse(r["rows"], CultureInfo.InvariantCulture)));

        // Algeria (DZA) is on line 2 of the OWID file only.
        var algeria = aside.Single(r => r["value"] == "DZA");
        Assert.AreEqual(("1", "2", "2"), (algeria["rows"], algeria["first_row"], algeria["last_row"]));

        // Only totals are reported: linkage is not recorded, so every count is "unknown".
        var observations = CsvText.ReadFile(tmp.File("out/internal/observations.csv"));
        Assert.AreEqual(222, observations.Count);
        Assert.AreEqual(38, observations.Select(o => o["state"]).Distinct().Count());
        Assert.IsTrue(observations.All(o => o["linkage"] == "unknown" && o["measure"] == "children"));
        var austria2015 = observations.Single(o => o["state"] == "AUT" && o["period"] == "2015");
        Assert.AreEqual("7", austria2015["count"]);
        Assert.AreEqual("20", austria2015["source_row"]);
    }

    [TestMethod]
    public void Run_gives_identical_observations_under_de_DE_and_tr_TR()
    {
        using var tmp = new TempDir();
        string Observe(string culture) => Cli.WithCulture(culture, () =>
        {
            var dir = tmp.File(culture);
            var r = Cli.Run("run", Cli.SampleData, "--out", dir);
            Assert.AreEqual(0, r.ExitCode, r.Error);
            return File.ReadAllText(Path.Combine(dir, "internal", "observations.csv"));
        });

        var invariant = Observe("en-US");
        Assert.AreEqual(invariant, Observe("de-DE"));
        Assert.AreEqual(invariant, Observe("tr-TR"));
    }

    [TestMethod]
    public void Run_with_a_personal_data_column_exits_3_names_the_column_and_writes_no_observations()
    {
        using var tmp = new TempDir();
        tmp.Write("in/a.csv", "country,year,total\nAustria,2020,12\n");
        tmp.Write("in/b.csv", "country,year,Geburtsdatum,total\nGermany,2020,2011-04-01,3\n");
        var result = Cli.Run("run", tmp.File("in"), "--out", tmp.File("out"));

        Assert.AreEqual(3, result.ExitCode);
        StringAssert.Contains(result.Error, "'Geburtsdatum'");
        StringAssert.Contains(result.Error, "personal data");
        Assert.IsFalse(File.Exists(tmp.File("out/internal/observations.csv")));
        Assert.IsFalse(result.Error.Contains("2011-04-01", StringComparison.Ordinal), "no value of the file is printed");
    }

    [TestMethod]
    public void Run_with_conflicting_submissions_exits_3_under_error_and_1_under_latest()
    {
        using var tmp = new TempDir();
        tmp.Write("in/1-first.csv", "country;year;measure;internal;international\nAustria;2020;children;5;7\n");
        tmp.Write("in/2-second.csv", "country;year;measure;internal;international\nAustria;2020;children;6;7\n");

        var error = Cli.Run("run", tmp.File("in"), "--out", tmp.File("out1"));
        Assert.AreEqual(3, error.ExitCode);
        StringAssert.Contains(error.Error, "--on-conflict latest");
        var rejects = CsvText.ReadFile(tmp.File("out1/internal/rejects.csv"));
        Assert.AreEqual(2, rejects.Count(r => r["code"] == "conflict"));

        var latest = Cli.Run("run", tmp.File("in"), "--out", tmp.File("out2"), "--on-conflict", "latest");
        Assert.AreEqual(1, latest.ExitCode, latest.Error);
        var observations = CsvText.ReadFile(tmp.File("out2/internal/observations.csv"));
        Assert.AreEqual("6", observations.Single(o => o["linkage"] == "internal")["count"]);
        Assert.AreEqual("in/2-second.csv".Replace('/', Path.DirectorySeparatorChar), Path.GetRelativePath(tmp.Path, observations.Single(o => o["linkage"] == "internal")["source_file"]));
        // The first file's row still gives a figure that stands (international 7), so the replaced internal is a warning.
        Assert.AreEqual(0, CsvText.ReadFile(tmp.File("out2/internal/rejects.csv")).Count);
        StringAssert.Contains(latest.Out, "warning: File '" + tmp.File("in/1-first.csv") + "', row 2, column 'internal' has '5'");
        StringAssert.Contains(latest.Out, "replaced by '6'");
    }

    [TestMethod]
    public void Run_neutralises_formula_like_text_in_output_cells()
    {
        using var tmp = new TempDir();
        tmp.Write("in/a.csv", "country,year,total\n=HYPERLINK(\"x\"),2020,3\nAustria,2020,4\n");
        var result = Cli.Run("run", tmp.File("in"), "--out", tmp.File("out"));

        Assert.AreEqual(1, result.ExitCode);
        var reject = CsvText.ReadFile(tmp.File("out/internal/rejects.csv")).Single();
        Assert.AreEqual("'=HYPERLINK(\"x\")", reject["value"]);
    }

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
