using System.Security.Cryptography;
using System.Text.Json;

using DocumentFormat.OpenXml.Packaging;

using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Linkage.Cli.Tests;

[TestClass]
public sealed class PublishTests
{
    private const string Wide = """
        country,year,measure,internal,international,not trafficked,unknown
        FRA,2019,children,40,3,60,70
        DEU,2019,children,30,25,10,8
        FRA,2020,children,41,12,61,71
        DEU,2020,children,33,27,11,9
        """;

    [TestMethod]
    public void Run_writes_the_two_publish_tables_with_exactly_the_columns_of_design_md()
    {
        using var tmp = new TempDir();
        var input = tmp.Write("in.csv", Wide);

        var result = Cli.Run("run", input, "--out", tmp.File("out"));

        Assert.AreEqual(0, result.ExitCode, result.Error);
        var regional = File.ReadAllLines(tmp.File("out/publish/regional-trends.csv"));
        Assert.AreEqual("region,year,measure,indicator,value,ci_low,ci_high,status,states_reporting", regional[0]);
        Assert.AreEqual("region,measure,series,panel,first_year,last_year,n_years,apc,apc_low,apc_high,mk_s,mk_tau,mk_p,sen_slope,status", File.ReadAllLines(tmp.File("out/publish/trend-summary.csv"))[0]);

        // 2 years × (Western Europe + OSCE) × 9 indicators.
        Assert.HasCount(1 + 36, regional);
        // FRA's international 3 is hidden in the regional 28; (265 − 246) / 246 = 0.077236; 168 / 246 = 0.682927.
        CollectionAssert.Contains(regional, "Western Europe,2019,children,international,28,,,,2");
        CollectionAssert.Contains(regional, "Western Europe,2020,children,total,265,,,,2");
        CollectionAssert.Contains(regional, "Western Europe,2020,children,yoy_change,0.077236,,,,2");
        CollectionAssert.Contains(regional, "OSCE,2019,children,completeness,0.682927,0.622345,0.737884,,2");
    }

    [TestMethod]
    public void Run_writes_negative_numbers_as_numbers_and_region_names_that_look_like_formulas_as_text()
    {
        using var tmp = new TempDir();
        var input = tmp.Write("in.csv", """
            country,year,measure,internal,international,not trafficked,unknown
            FRA,2019,children,40,30,60,70
            FRA,2020,children,20,15,30,35
            """);
        var config = tmp.Write("config.json", """{ "regions": { "FRA": "=HYPERLINK(\"x\")" } }""");

        var result = Cli.Run("run", input, "--config", config, "--out", tmp.File("out"));

        Assert.AreEqual(0, result.ExitCode, result.Error);
        var rows = CsvText.ReadFile(tmp.File("out/publish/regional-trends.csv"));
        var change = rows.Single(r => r["region"] == "'=HYPERLINK(\"x\")" && r["year"] == "2020" && r["indicator"] == "yoy_change");
        Assert.AreEqual("-0.5", change["value"]);
    }

    [TestMethod]
    public void Run_publish_tables_are_byte_identical_across_cultures()
    {
        using var tmp = new TempDir();
        var input = tmp.Write("in.csv", Wide);
        var outputs = new List<(string, byte[], byte[])>();

        foreach (var culture in new[] { "en-US", "de-DE", "tr-TR", "ru-RU" })
        {
            var previous = System.Globalization.CultureInfo.CurrentCulture;
            try
            {
                System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.GetCultureInfo(culture);
                var result = Cli.Run("run", input, "--out", tmp.File("out-" + culture));
                Assert.AreEqual(0, result.ExitCode, result.Error);
                outputs.Add((culture, File.ReadAllBytes(tmp.File($"out-{culture}/publish/regional-trends.csv")), File.ReadAllBytes(tmp.File($"out-{culture}/publish/trend-summary.csv"))));
            }
            finally
            {
                System.Globalization.CultureInfo.CurrentCulture = previous;
            }
        }

        foreach (var (culture, regional, trends) in outputs.Skip(1))
        {
            CollectionAssert.AreEqual(outputs[0].Item2, regional, culture);
            CollectionAssert.AreEqual(outputs[0].Item3, trends, culture);
        }
    }

    [TestMethod]
    public void Run_with_min_cell_suppresses_more_and_rejects_a_threshold_below_2()
    {
        using var tmp = new TempDir();
        var input = tmp.Write("in.csv", Wide);

        var k30 = Cli.Run("run", input, "--out", tmp.File("out"), "--min-cell", "30");
        var k1 = Cli.Run("run", input, "--out", tmp.File("out1"), "--min-cell", "1");

        Assert.AreEqual(0, k30.ExitCode, k30.Error);
        var cell = CsvText.ReadFile(tmp.File("out/publish/regional-trends.csv")).Single(r => r["region"] == "Western Europe" && r["year"] == "2019" && r["indicator"] == "international");
        Assert.AreEqual((string.Empty, "c"), (cell["value"], cell["status"]), "28 is below 30");
        Assert.AreEqual(2, k1.ExitCode);
        Assert.AreEqual("linkage: --min-cell 1 would publish counts of single children; expected an integer of at least 2.\n", k1.Error.ReplaceLineEndings("\n"));
        Assert.IsFalse(Directory.Exists(tmp.File("out1")));
    }

    [TestMethod]
    public void Run_with_a_protection_level_withholds_more_and_rejects_a_level_below_1()
    {
        // France (Western Europe) internal 2 is withheld with its row's and column's complements: a reader then has
        // a + b = 32, a + c = 32, c + d = 70, b + d = 70, so a lies in [0, 32] — enough for ± 5, not for ± 40.
        using var tmp = new TempDir();
        var input = tmp.Write("in.csv", """
            country,year,measure,internal,international,not trafficked,unknown
            FRA,2019,children,2,30,0,0
            ITA,2019,children,30,40,0,0
            """);

        var standard = Cli.Run("run", input, "--out", tmp.File("k"), "--as-of", "2026-01-01");
        var wide = Cli.Run("run", input, "--out", tmp.File("p40"), "--protection-level", "40", "--as-of", "2026-01-01");
        var zero = Cli.Run("run", input, "--out", tmp.File("p0"), "--protection-level", "0");

        Assert.AreEqual(0, standard.ExitCode, standard.Error);
        Assert.AreEqual(0, wide.ExitCode, wide.Error);
        int Withheld(string dir) => CsvText.ReadFile(tmp.File(dir + "/publish/regional-trends.csv")).Count(r => r["status"] == "c");
        using var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllText(tmp.File("p40/manifest.json")));
        Assert.AreEqual(40, manifest.RootElement.GetProperty("disclosure").GetProperty("protection_level").GetInt32());
        Assert.IsGreaterThan(Withheld("k"), Withheld("p40"), "a wider protection interval withholds more here");
        Assert.AreEqual(2, zero.ExitCode);
        Assert.AreEqual("linkage: --protection-level 0 would let a reader pin a withheld count down exactly; expected an integer of at least 1.\n", zero.Error.ReplaceLineEndings("\n"));
        Assert.IsFalse(Directory.Exists(tmp.File("p0")));
    }

    [TestMethod]
    public void Run_with_from_and_to_limits_the_years_and_rejects_a_reversed_window()
    {
        using var tmp = new TempDir();
        var input = tmp.Write("in.csv", Wide);

        var only2020 = Cli.Run("run", input, "--out", tmp.File("out"), "--from", "2020", "--to", "2020");
        var reversed = Cli.Run("run", input, "--out", tmp.File("out2"), "--from", "2021", "--to", "2020");

        Assert.AreEqual(0, only2020.ExitCode, only2020.Error);
        CollectionAssert.AreEquivalent(new[] { "2020" }, CsvText.ReadFile(tmp.File("out/publish/regional-trends.csv")).Select(r => r["year"]).Distinct().ToList());
        Assert.AreEqual(2, reversed.ExitCode);
        StringAssert.Contains(reversed.Error, "--from 2021 is after --to 2020");
    }

    [TestMethod]
    public void Run_with_a_window_outside_the_data_warns_and_exits_1()
    {
        using var tmp = new TempDir();
        var input = tmp.Write("in.csv", Wide);

        var result = Cli.Run("run", input, "--out", tmp.File("out"), "--from", "2030");

        Assert.AreEqual(1, result.ExitCode, result.Error);
        StringAssert.Contains(result.Out, "warning: No observation lies in the years 2030–… given by --from/--to (the data covers 2019–2020), so the publish tables have no rows.");
        Assert.HasCount(1, File.ReadAllLines(tmp.File("out/publish/regional-trends.csv")));
        StringAssert.Contains(File.ReadAllText(tmp.File("out/manifest.json")), "No observation lies in the years 2030");
    }

    [TestMethod]
    public void Run_says_a_whole_number_option_is_not_a_number_in_one_sentence()
    {
        var result = Cli.Run("run", Cli.SampleData, "--out", "unused", "--min-cell", "five");

        Assert.AreEqual(2, result.ExitCode);
        StringAssert.StartsWith(result.Error, "linkage: --min-cell 'five' is not a whole number.");
        Assert.DoesNotContain("Int32", result.Error);
    }

    [TestMethod]
    public void Run_with_a_regions_file_uses_its_regions_and_records_its_hash()
    {
        using var tmp = new TempDir();
        var input = tmp.Write("in.csv", Wide);
        var regions = tmp.Write("regions.csv", "state,region\nFrance,Rhine\nDEU,Rhine\n");

        var result = Cli.Run("run", input, "--regions", regions, "--out", tmp.File("out"));

        Assert.AreEqual(0, result.ExitCode, result.Error);
        CollectionAssert.AreEquivalent(new[] { "Rhine", "OSCE" }, CsvText.ReadFile(tmp.File("out/publish/regional-trends.csv")).Select(r => r["region"]).Distinct().ToList());
        using var manifest = JsonDocument.Parse(File.ReadAllText(tmp.File("out/manifest.json")));
        Assert.AreEqual(64, manifest.RootElement.GetProperty("regions_file").GetProperty("sha256").GetString()!.Length);
    }

    [TestMethod]
    public void Run_with_a_bad_regions_file_names_the_file_row_and_problem()
    {
        using var tmp = new TempDir();
        var input = tmp.Write("in.csv", Wide);
        var regions = tmp.Write("regions.csv", "state,region\nFRA,Rhine\nAtlantis,Sea\n");
        var both = tmp.Write("config.json", """{ "regions": { "FRA": "X" } }""");

        var bad = Cli.Run("run", input, "--regions", regions, "--out", tmp.File("out"));
        var twice = Cli.Run("run", input, "--regions", regions, "--config", both, "--out", tmp.File("out"));

        Assert.AreEqual(2, bad.ExitCode);
        StringAssert.Contains(bad.Error, "--regions file 'regions.csv', row 3: region map key 'Atlantis' does not start with an OSCE participating State");
        Assert.AreEqual(2, twice.ExitCode);
        StringAssert.Contains(twice.Error, "keep one of them");
    }

    [TestMethod]
    public void Run_with_personal_data_publishes_nothing_and_removes_an_earlier_publish_folder()
    {
        using var tmp = new TempDir();
        var good = tmp.Write("good/in.csv", Wide);
        var first = Cli.Run("run", good, "--out", tmp.File("out"));
        Assert.AreEqual(0, first.ExitCode, first.Error);
        Assert.IsTrue(File.Exists(tmp.File("out/publish/regional-trends.csv")));
        tmp.Write("bad/names.csv", "country,year,measure,child name,internal\nFRA,2019,children,x,4\n");

        var second = Cli.Run("run", good, tmp.File("bad/names.csv"), "--out", tmp.File("out"));

        Assert.AreEqual(3, second.ExitCode);
        Assert.IsFalse(File.Exists(tmp.File("out/publish/regional-trends.csv")));
        Assert.IsFalse(File.Exists(tmp.File("out/publish/trend-summary.csv")));
    }

    [TestMethod]
    public void Run_writes_a_word_annex_that_opens_with_every_chart_and_the_tables_and_is_listed_in_the_manifest()
    {
        using var tmp = new TempDir();

        var result = Cli.Run("run", Cli.SampleData, "--out", tmp.File("out"), "--as-of", "2026-01-15");

        Assert.AreEqual(0, result.ExitCode, result.Error);
        var bytes = File.ReadAllBytes(tmp.File("out/publish/annex.docx"));
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes, writable: false), false);
        var main = document.MainDocumentPart!;
        var pictures = main.ImageParts.Select(p =>
        {
            using var stream = p.GetStream();
            return Convert.ToHexStringLower(SHA256.HashData(stream));
        }).Order(StringComparer.Ordinal).ToList();
        var charts = Directory.GetFiles(tmp.File("out/publish/charts"), "*.png").Where(f => !f.EndsWith("-full.png", StringComparison.Ordinal))
            .Select(f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f)))).Order(StringComparer.Ordinal).ToList();
        CollectionAssert.AreEqual(charts, pictures, "each 16 x 9 cm chart PNG, as published beside it");
        var body = main.Document!.Body!;
        Assert.IsGreaterThanOrEqualTo(8, body.Elements<W.Table>().Count());
        StringAssert.StartsWith(body.Elements<W.Paragraph>().First().InnerText, "Trafficking linkage in child sexual exploitation material investigations");

        using var manifest = JsonDocument.Parse(File.ReadAllText(tmp.File("out/manifest.json")));
        var entry = manifest.RootElement.GetProperty("outputs").EnumerateArray().Single(o => o.GetProperty("path").GetString() == "publish/annex.docx");
        Assert.AreEqual(Convert.ToHexStringLower(SHA256.HashData(bytes)), entry.GetProperty("sha256").GetString());
    }
}
