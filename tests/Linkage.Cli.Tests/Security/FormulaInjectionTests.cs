using System.Globalization;

namespace Linkage.Cli.Tests.Security;

/// <summary>
/// OWASP CSV injection, end to end through <c>linkage run</c>: text that reaches an output from a file name, a
/// header, a label, a cell, a State alias or a region name and starts with <c>= + - @</c>, tab or CR is written with a
/// leading <c>'</c> in every CSV and every report table, while numbers stay plain numbers.
/// </summary>
[TestClass]
public sealed class FormulaInjectionTests
{
    // Every text that reaches an output starts like a formula: the file name, the area, a category header (config
    // alias), a State alias, a count cell, a label (config alias) and the region names.
    private const string WideFile = "=HYPERLINK(x).csv";

    private const string Wide = """
        country,year,measure,internal,@abroad,not trafficked,unknown,=Bezirk
        DEU,2019,children,40,30,60,70,=cmd|' /C calc'!A0
        DEU,2020,children,41,31,61,71,=cmd|' /C calc'!A0
        FRA,2019,children,40,30,60,70,-Nord
        FRA,2020,children,20,15,30,35,-Nord
        =Teutonia,2021,children,44,33,66,77,@Süd
        =evil,2020,children,1,1,1,1,+x
        ITA,2019,children,5,5,5,5,
        ITA,2020,children,1,@SUM(1),1,1,
        ESP,2020,children,-5,1,1,1,
        """;

    private const string LongFile = "+1.csv";

    private const string Long = """
        country,year,trafficking,children
        ESP,2019,+inland only,10
        ESP,2019,international,10
        ESP,2020,+inland only,12
        ESP,2020,-bogus,3
        POL,2020,internal,5
        POL,2020,international,6
        """;

    private const string Aliases = """
        "columns": { "area": ["=Bezirk"] },
        "linkage": { "international": ["@abroad"], "internal": ["+inland only"] },
        "states": { "=Teutonia": "DEU" }
        """;

    private const string RegionsFile = "state,area,region\nDEU,,=Evil\nFRA,,+Plus\nITA,,-Minus\nESP,,@At\nPOL,,\"\t=Tab\"\n";

    private static readonly string[] NumberColumns =
    [
        "year", "value", "ci_low", "ci_high", "states_reporting", "first_year", "last_year", "n_years", "apc", "apc_low", "apc_high",
        "mk_s", "mk_tau", "mk_p", "sen_slope", "count", "source_row", "source_records",
        "TIME_PERIOD", "OBS_VALUE", "LOWER_BOUND", "UPPER_BOUND", "STATES_REPORTING",
    ];

    private static readonly string[] Regions = ["'=Evil", "'+Plus", "'-Minus", "'@At", "'=Tab"];

    /// <summary>Runs the real binary in the folder of the inputs, so the file names are given as they are.</summary>
    private static (string Out, CliResult Result) RunIn(TempDir tmp, bool regionsFromFile)
    {
        var dir = Path.Combine(tmp.Path, regionsFromFile ? "file" : "config");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, WideFile), Wide);
        File.WriteAllText(Path.Combine(dir, LongFile), Long);
        var regions = """, "regions": { "DEU": "=Evil", "FRA": "+Plus", "ITA": "-Minus", "ESP": "@At", "POL": "\t=Tab" }""";
        File.WriteAllText(Path.Combine(dir, "config.json"), "{" + Aliases + (regionsFromFile ? string.Empty : regions) + "}");
        File.WriteAllText(Path.Combine(dir, "regions.csv"), RegionsFile);
        string[] args = ["run", WideFile, LongFile, "--config", "config.json", "--out", "out", "--as-of", "2026-11-28"];
        var result = Cli.RunProcess(dir, regionsFromFile ? [.. args, "--regions", "regions.csv"] : args);
        return (Path.Combine(dir, "out"), result);
    }

    private static void AssertNoFormula(string path)
    {
        // In rejects.csv, "value" echoes the input cell: text, whatever it holds.
        var numbers = Path.GetFileName(path) == "rejects.csv" ? ["source_row"] : NumberColumns;
        var rows = CsvText.ReadFile(path);
        Assert.IsNotEmpty(rows, path);
        foreach (var row in rows)
        {
            foreach (var (column, cell) in row)
            {
                if (numbers.Contains(column))
                {
                    Assert.IsTrue(cell.Length == 0 || double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _), $"{Path.GetFileName(path)}: {column} '{cell}' is not a plain number");
                }
                else
                {
                    Assert.IsFalse(ReportCells.StartsLikeFormula(cell), $"{Path.GetFileName(path)}: {column} '{cell}' would run as a formula");
                }
            }
        }
    }

    private static void AssertNoFormula(IEnumerable<ReportCell> cells, string file)
    {
        foreach (var cell in cells.Where(c => ReportCells.ShowsLikeFormula(c.Text)))
        {
            Assert.IsTrue(cell.Numeric && ReportCells.IsFormattedNumber(cell.Text), $"{file}: the cell '{cell.Text}' would run as a formula when pasted into a spreadsheet");
        }
    }

    private static List<string> Column(string path, string column) => [.. CsvText.ReadFile(path).Select(r => r[column])];

    [TestMethod]
    public void Run_neutralises_formula_text_from_names_labels_cells_and_the_config_region_map_in_every_csv_and_report()
    {
        using var tmp = new TempDir();
        var runs = new[] { false, true }.AsParallel().Select(fromFile => (fromFile, run: RunIn(tmp, fromFile))).ToList();

        foreach (var (fromFile, (outDir, result)) in runs)
        {
            var what = fromFile ? "--regions file" : "config regions";
            Assert.AreEqual(1, result.ExitCode, $"{what}: rows are rejected, so exit 1: {result.Error}");
            var regional = Path.Combine(outDir, "publish/regional-trends.csv");
            var sdmx = Path.Combine(outDir, "publish/regional-trends.sdmx.csv");
            var trends = Path.Combine(outDir, "publish/trend-summary.csv");
            var observations = Path.Combine(outDir, "internal/observations.csv");
            var rejects = Path.Combine(outDir, "internal/rejects.csv");
            foreach (var csv in new[] { regional, sdmx, trends, observations, rejects })
            {
                AssertNoFormula(csv);
            }

            // The protection is there, not just the absence of the text.
            CollectionAssert.IsSubsetOf(Regions, Column(regional, "region").Distinct().ToList(), what);
            CollectionAssert.IsSubsetOf(Regions, Column(trends, "region").Distinct().ToList(), what);
            CollectionAssert.IsSubsetOf(Regions, Column(sdmx, "REF_AREA_NAME").Distinct().ToList(), what);
            CollectionAssert.IsSubsetOf(Regions, Column(observations, "region").Distinct().ToList(), what);
            CollectionAssert.IsSubsetOf(new[] { "'=cmd|' /C calc'!A0", "'-Nord", "'@Süd" }, Column(observations, "area").Distinct().ToList(), what);
            CollectionAssert.IsSubsetOf(new[] { "'" + WideFile, "'" + LongFile }, Column(observations, "source_file").Distinct().ToList(), what);
            CollectionAssert.Contains(Column(observations, "source_column"), "'@abroad", what);
            CollectionAssert.AreEquivalent(new[] { "'" + WideFile, "'" + WideFile, "'" + WideFile, "'" + LongFile }, Column(rejects, "source_file"), what);
            CollectionAssert.AreEquivalent(new[] { "'=evil", "'@SUM(1)", "'-5", "'-bogus" }, Column(rejects, "value"), what);
            CollectionAssert.Contains(Column(rejects, "column"), "'@abroad", what);

            // Numbers are not text: FRA's total halves from 2019 to 2020.
            var fra = CsvText.ReadFile(regional).Single(r => r["region"] == "'+Plus" && r["year"] == "2020" && r["indicator"] == "yoy_change");
            Assert.AreEqual("-0.5", fra["value"], what);
            var sdmxChange = CsvText.ReadFile(sdmx).Single(r => r["REF_AREA_NAME"] == "'+Plus" && r["TIME_PERIOD"] == "2020" && r["INDICATOR"] == "YOY_CHANGE");
            Assert.AreEqual("-0.5", sdmxChange["OBS_VALUE"], what);

            var markdown = ReportCells.Markdown(File.ReadAllText(Path.Combine(outDir, "publish/report.md")));
            var html = ReportCells.Html(File.ReadAllText(Path.Combine(outDir, "publish/report.html")));
            foreach (var (cells, file) in new[] { (markdown, "report.md"), (html, "report.html") })
            {
                AssertNoFormula(cells, $"{what}, {file}");
                var texts = cells.Select(c => c.Text).ToList();
                CollectionAssert.IsSubsetOf(Regions, texts, $"{what}, {file}: the region names are shown, neutralised");
                CollectionAssert.IsSubsetOf(new[] { "'" + WideFile, "'" + LongFile }, texts, $"{what}, {file}: the data-quality table names the files, neutralised");
            }

            // The Word annex has no data-quality section, so no file names; its tables are pasted into spreadsheets too.
            var word = ReportCells.Docx(Path.Combine(outDir, "publish/annex.docx"));
            AssertNoFormula(word, $"{what}, annex.docx");
            CollectionAssert.IsSubsetOf(Regions, word.Select(c => c.Text).ToList(), $"{what}, annex.docx: the region names are shown, neutralised");
        }
    }
}
