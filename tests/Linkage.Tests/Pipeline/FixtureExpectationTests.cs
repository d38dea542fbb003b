using System.Globalization;
using System.Text.Json;

using Linkage.Model;

using static Linkage.Tests.Pipeline.PipelineTestKit;

namespace Linkage.Tests.Pipeline;

/// <summary>
/// The fixtures written by other hands, read with no config and compared cell by cell with the observations their
/// authors computed independently (<c>expected.py</c> beside each set, standard-library Python sharing no code with
/// the pipeline): <c>Data/national/</c> (national submissions phrased anew in the six languages, SDMX with a
/// publisher's own dimension id and UNIT_MULT, case records with extra columns) and <c>Data/publishers/</c>
/// (Eurostat SDMX-CSV and TSV before and after its 2025 flag change, the UN SDG API CSV, a GLOTIP export with its
/// preamble).
/// </summary>
[TestClass]
public sealed class FixtureExpectationTests
{
    [TestMethod]
    [DataRow("long-en.csv")]
    [DataRow("long-fr.csv")]
    [DataRow("long-de.csv")]
    [DataRow("long-it.csv")]
    [DataRow("long-ru.csv")]
    [DataRow("long-es.csv")]
    [DataRow("labels-mixed.csv")]
    [DataRow("sdmx-custom-dim.csv")]
    [DataRow("sdmx-v2-unitmult.csv")]
    [DataRow("records-extra-cols.csv")]
    public void National_fixture_is_read_with_no_config_exactly_as_its_author_computed(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(DataPath("national", "expected.json")));
        var expected = Expected(doc.RootElement.GetProperty(file));

        var run = RunPath(DataPath("national", file), file);

        Assert.AreEqual(0, run.Report.RowsRejected, string.Join(Environment.NewLine, run.Report.Rejects.Take(5).Select(p => p.Message)));
        AssertObservations(run, expected);
    }

    [TestMethod]
    [DataRow("eurostat-crim_thb_vctz.sdmx.csv")]
    [DataRow("eurostat-crim_thb_vctz.2025.sdmx.csv")]
    [DataRow("un-sdg-api-vc_htf_detv.csv")]
    [DataRow("glotip-2023-preamble.csv")]
    public void Publisher_fixture_is_read_with_no_config_exactly_as_its_author_computed(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(DataPath("publishers", "expected.json")));
        var entry = doc.RootElement.GetProperty("files").GetProperty(file);

        var run = RunPath(DataPath("publishers", file), file);

        AssertAccounting(run, entry.GetProperty("data_rows").GetInt64(), rejected: 0, setAside: entry.GetProperty("set_aside_rows").GetInt64());
        AssertObservations(run, Expected(entry.GetProperty("observations")));

        // Provenance: each figure names the rows its author took it from (both rows of a sum of FEMALE + MALE). A figure
        // derived from a citizenship breakdown names its whole State-year group, which holds the author's rows.
        foreach (var o in run.Observations)
        {
            var key = string.Create(CultureInfo.InvariantCulture, $"{o.State} {o.Period} {Codes.Of(o.Measure)} {Codes.Of(o.Linkage)}");
            var lines = entry.GetProperty("provenance").GetProperty(key).GetProperty("lines").EnumerateArray().Select(l => l.GetInt32()).ToArray();
            if (file.StartsWith("un-sdg", StringComparison.Ordinal))
            {
                CollectionAssert.AreEquivalent(lines, o.Source.Lines.Lines().ToArray(), key);
            }
            else
            {
                CollectionAssert.IsSubsetOf(lines, o.Source.Lines.Lines().ToArray(), key);
            }
        }
    }

    [TestMethod]
    [DataRow("eurostat-crim_thb_vctz.tsv")]
    [DataRow("eurostat-crim_thb_vctz.2025.tsv")]
    public void Eurostat_tsv_with_periods_as_columns_reads_each_cell_as_a_row_exactly_as_its_author_computed(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(DataPath("publishers", "expected.json")));
        var entry = doc.RootElement.GetProperty("files").GetProperty(file);

        var run = RunPath(DataPath("publishers", file), file);

        // A row of a periods-as-columns file is one cell (series line × period): 35 lines × 3 years.
        AssertAccounting(run, entry.GetProperty("data_cells").GetInt64(), rejected: 0, setAside: entry.GetProperty("set_aside_cells").GetInt64());
        AssertObservations(run, Expected(entry.GetProperty("observations")));
        Assert.AreEqual("eurostat", run.Report.Profile?.Name);
        StringAssert.StartsWith(run.Report.Plan!.LayoutReason, "periods as columns (2018…2020, 3 of them), Eurostat TSV");
    }

    /// <summary>The author's observations in <c>PipelineTestKit.Show</c>'s form.</summary>
    private static string[] Expected(JsonElement observations) =>
    [
        .. observations.EnumerateArray().Select(o =>
        {
            var count = o.GetProperty("count") is { ValueKind: JsonValueKind.Number } n ? n.GetInt64().ToString(CultureInfo.InvariantCulture) : "_";
            var flag = o.GetProperty("flag").GetString() is { Length: > 0 } f ? " " + f : string.Empty;
            return $"{o.GetProperty("state").GetString()} {o.GetProperty("year").GetInt32().ToString(CultureInfo.InvariantCulture)} {o.GetProperty("measure").GetString()} {o.GetProperty("linkage").GetString()} {count}{flag}";
        }),
    ];
}
