using System.Globalization;
using System.Text;

using Linkage.Analyse;
using Linkage.Config;
using Linkage.Model;
using Linkage.Normalise;
using Linkage.Output;
using Linkage.Pipeline;
using Linkage.Read;
using Linkage.Recognise;
using Linkage.Sample;
using Linkage.Tests.TestSupport;

using static Linkage.Tests.Aggregate.StatsKit;

namespace Linkage.Tests.Output;

[TestClass]
public sealed class SdmxPublicationTests
{
    /// <summary>A region name that is a formula, has a comma, quotes, an ampersand and Cyrillic.</summary>
    private const string Awkward = "=Nord, \"Süd\" & Восток";

    /// <summary>
    /// A year after the sample's (2010–2025) with a source-confidential and a missing category, so the table has
    /// figures published with <c>c</c> and <c>m</c> flags beside the sample's <c>p</c>, <c>e</c> and <c>b</c>.
    /// </summary>
    private const string FlaggedYear = """
        country,year,measure,internal,international,not trafficked,unknown
        FRA,2026,children,40,c,60,70
        DEU,2026,children,30,25,..,8
        ITA,2026,children,22,12,10,9
        BEL,2026,children,15,c,9,11
        """;

    private static readonly Lazy<IReadOnlyList<RegionalTrendRow>> DefaultTable = new(() => RunSample(custom: false));

    private static readonly Lazy<IReadOnlyList<RegionalTrendRow>> CustomTable = new(() => RunSample(custom: true));

    [TestMethod]
    public void PublishSdmx_reads_back_to_the_same_rows_field_by_field_with_a_custom_region_map()
    {
        var rows = CustomTable.Value;
        AssertCoversEveryKindOfCell(rows);
        Assert.IsTrue(rows.Any(r => r.Region == Awkward), "the awkward region is in the table");

        var back = RoundTrip(rows, m49: false);

        AssertSameRows(rows, back);
    }

    [TestMethod]
    public void PublishSdmx_reads_back_to_the_same_rows_with_the_default_regions_coded_as_M49()
    {
        var rows = DefaultTable.Value;
        AssertCoversEveryKindOfCell(rows);

        var bytes = Write(rows, m49: true);
        var back = Read(bytes);

        AssertSameRows(rows, back);
        var lines = Lines(bytes);
        Assert.IsTrue(lines.Skip(1).All(l => l.StartsWith("dataflow,OSCE:DF_P23_REGIONAL_TRENDS(1.0),I,", StringComparison.Ordinal)));
        var areas = lines.Skip(1).Select(l => l.Split(',')).Select(f => (Code: f[3], Name: f[^1])).Distinct().ToList();
        CollectionAssert.Contains(areas, ("155", "Western Europe"));
        CollectionAssert.Contains(areas, ("151", "Eastern Europe"));
        CollectionAssert.Contains(areas, ("021", "Northern America"));
        CollectionAssert.Contains(areas, ("OSCE", "OSCE"));
    }

    [TestMethod]
    public void PublishSdmx_writes_the_same_bytes_under_de_DE_and_tr_TR()
    {
        var rows = CustomTable.Value;
        var invariant = Write(rows, m49: false);

        foreach (var culture in new[] { "de-DE", "tr-TR" })
        {
            using var scope = new CultureScope(culture);
            CollectionAssert.AreEqual(invariant, Write(rows, m49: false), culture);
            AssertSameRows(rows, Read(invariant));
        }

        Assert.IsFalse(invariant.AsSpan().StartsWith(Encoding.UTF8.Preamble), "no byte order mark");
        Assert.IsFalse(invariant.Contains((byte)'\r'), "LF line ends");
    }

    [TestMethod]
    public void PublishSdmx_writes_withheld_cells_as_CONF_STATUS_C_and_confidential_components_as_OBS_STATUS_c()
    {
        // 2019: FRA's international 3 is suppressed (with the internal 40 beside it). 2020: ESP's international is
        // confidential at source, so the regional international (ITA's 25) is published with the flag c.
        var rows = StatisticsRunner.Run(Obs("""
            FRA 2019 internal 40
            FRA 2019 international 3
            FRA 2019 not_trafficked 60
            FRA 2019 unknown 70 p
            ITA 2020 international 25
            ESP 2020 international - c
            """), DefaultRegions, StatisticsOptions.Default).Regional;

        var lines = Lines(Write(rows, m49: true));

        Assert.AreEqual(
            "STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,TIME_PERIOD,MEASURE,LINKAGE,INDICATOR,OBS_VALUE,OBS_STATUS,CONF_STATUS,LOWER_BOUND,UPPER_BOUND,STATES_REPORTING,REF_AREA_NAME",
            lines[0]);
        CollectionAssert.Contains(lines, "dataflow,OSCE:DF_P23_REGIONAL_TRENDS(1.0),I,155,2019,CHILDREN,INTERNATIONAL,COUNT,,,C,,,1,Western Europe");
        CollectionAssert.Contains(lines, "dataflow,OSCE:DF_P23_REGIONAL_TRENDS(1.0),I,155,2019,CHILDREN,_U,COUNT,70,p,F,,,1,Western Europe");
        CollectionAssert.Contains(lines, "dataflow,OSCE:DF_P23_REGIONAL_TRENDS(1.0),I,155,2019,CHILDREN,_Z,INTERNATIONAL_SHARE,,,C,,,1,Western Europe");
        CollectionAssert.Contains(lines, "dataflow,OSCE:DF_P23_REGIONAL_TRENDS(1.0),I,OSCE,2019,CHILDREN,_T,YOY_CHANGE,,p,F,,,1,OSCE");
        CollectionAssert.Contains(lines, "dataflow,OSCE:DF_P23_REGIONAL_TRENDS(1.0),I,039,2020,CHILDREN,INTERNATIONAL,COUNT,25,c,F,,,2,Southern Europe");

        // completeness (173 − 70) / 173 in full, with its Wilson interval: the shortest text that reads back as the same double.
        var osce = rows.Single(r => r.Region == "OSCE" && r.Year == 2019 && r.Indicator == "completeness");
        Assert.AreEqual(103.0 / 173, osce.Value);
        var expected = string.Create(
            CultureInfo.InvariantCulture,
            $"dataflow,OSCE:DF_P23_REGIONAL_TRENDS(1.0),I,OSCE,2019,CHILDREN,_Z,COMPLETENESS,{103.0 / 173:R},p,F,{osce.Interval!.Value.Low:R},{osce.Interval!.Value.High:R},1,OSCE");
        CollectionAssert.Contains(lines, expected);
    }

    [TestMethod]
    public void PublishSdmx_keeps_a_formula_escape_apart_from_a_name_that_starts_with_a_quote()
    {
        var rows = new[]
        {
            new RegionalTrendRow("=Evil", 2020, Measure.Children, "total", 12, null, string.Empty, 2),
            new RegionalTrendRow("'Quoted", 2020, Measure.Children, "total", 13, null, string.Empty, 2),
            new RegionalTrendRow("-Minus", 2020, Measure.Children, "yoy_change", -0.25, null, "e", 2),
        };

        var bytes = Write(rows, m49: false);

        var lines = Lines(bytes);
        Assert.EndsWith(",\"'=Evil\"", lines[1]);
        Assert.EndsWith(",''Quoted", lines[2]);
        Assert.Contains(",-0.25,e,F,", lines[3], "a negative number stays a number");
        AssertSameRows(rows, Read(bytes));
    }

    [TestMethod]
    public void PlainText_writes_the_shortest_round_trip_digits_without_an_exponent()
    {
        Assert.AreEqual("0.000005", PublishSdmx.PlainText(5e-6));
        Assert.AreEqual("0.00000012345", PublishSdmx.PlainText(1.2345e-7));
        Assert.AreEqual("-0.000015", PublishSdmx.PlainText(-1.5e-5));
        Assert.AreEqual("0.1", PublishSdmx.PlainText(0.1));
        Assert.AreEqual("0.30000000000000004", PublishSdmx.PlainText(0.1 + 0.2));
        Assert.AreEqual("10000000000000000", PublishSdmx.PlainText(1e16));
        Assert.AreEqual("123450000000000000000", PublishSdmx.PlainText(1.2345e20));
        Assert.AreEqual("0", PublishSdmx.PlainText(-0.0));

        var random = new Random(23);
        for (var i = 0; i < 10_000; i++)
        {
            var v = random.NextDouble() * Math.Pow(10, -random.Next(0, 12)) * (random.Next(2) == 0 ? 1 : -1);
            var text = PublishSdmx.PlainText(v);
            Assert.DoesNotContain("E", text);
            Assert.AreEqual(v, double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture), text);
        }
    }

    [TestMethod]
    public void SdmxPublicationReader_names_file_row_and_column_of_a_cell_the_dataflow_does_not_allow()
    {
        var header = string.Join(",", SdmxDataflow.Columns);
        var text = header + "\n"
            + "dataflow,OSCE:DF_P23_REGIONAL_TRENDS(1.0),I,155,2019,CHILDREN,_T,COUNT,12,,C,,,2,Western Europe\n"
            + "dataflow,OSCE:DF_P23_REGIONAL_TRENDS(1.0),I,155,2019,CHILDREN,_Z,COUNT,12,,F,,,2,Western Europe\n"
            + "dataflow,OSCE:DF_P23_REGIONAL_TRENDS(1.0),I,154,2019,CHILDREN,_T,COUNT,12,,F,,,2,Western Europe\n"
            + "dataflow,OSCE:DF_P23_REGIONAL_TRENDS(1.0),I,155,2019,CHILDREN,_T,COUNT,12,,F,,,2,Western Europe\n"
            + "dataflow,OSCE:DF_P23_REGIONAL_TRENDS(1.0),I,155,2019,CHILDREN,_T,COUNT,13,,F,,,2,Western Europe\n";

        var read = ReadText("back.csv", text);

        Assert.HasCount(1, read.Rows);
        Assert.AreEqual(12.0, read.Rows[0].Value);
        CollectionAssert.AreEqual(
            new[]
            {
                "Found '12' in 'back.csv', row 2, column 'OBS_VALUE'; expected an empty cell, since CONF_STATUS says the value is withheld (dataflow OSCE:DF_P23_REGIONAL_TRENDS(1.0)), so the row was not read.",
                "Found 'COUNT' in 'back.csv', row 3, column 'INDICATOR'; expected with LINKAGE '_Z' one of the pairs INTERNAL/COUNT, INTERNATIONAL/COUNT, NOT_TRAFFICKED/COUNT, _U/COUNT, _T/COUNT, _Z/COMPLETENESS, _Z/TRAFFICKED_SHARE, _Z/INTERNATIONAL_SHARE, _T/YOY_CHANGE (dataflow OSCE:DF_P23_REGIONAL_TRENDS(1.0)), so the row was not read.",
                "Found '154' in 'back.csv', row 4, column 'REF_AREA'; expected the code of the region 'Western Europe' (155 or R52F155EEAF44) (dataflow OSCE:DF_P23_REGIONAL_TRENDS(1.0)), so the row was not read.",
            },
            read.Problems.Take(3).Select(p => p.Message).ToArray());
        CollectionAssert.AreEqual(new[] { "publication-cell", "publication-cell", "publication-cell", "publication-duplicate" }, read.Problems.Select(p => p.Code).ToArray());
        StringAssert.Contains(read.Problems[3].Message, "row 6");
    }

    [TestMethod]
    public void SdmxPublicationReader_says_which_columns_a_file_of_another_shape_lacks()
    {
        var read = ReadText("other.csv", "STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,TIME_PERIOD,OBS_VALUE\ndataflow,X:Y(1.0),I,AUT,2020,4\n");

        Assert.IsEmpty(read.Rows);
        Assert.HasCount(1, read.Problems);
        Assert.AreEqual("publication-header", read.Problems[0].Code);
        Assert.StartsWith(
            "File 'other.csv', row 1 is not an SDMX-CSV 2.0 file of the dataflow OSCE:DF_P23_REGIONAL_TRENDS(1.0): it has no column MEASURE, LINKAGE, INDICATOR, OBS_STATUS, CONF_STATUS, LOWER_BOUND, UPPER_BOUND, STATES_REPORTING, REF_AREA_NAME;",
            read.Problems[0].Message);
    }

    /// <summary>The sample submissions (and one flagged year) through the whole pipeline, as <c>linkage run</c> publishes them.</summary>
    private static IReadOnlyList<RegionalTrendRow> RunSample(bool custom)
    {
        using var folder = new TempFolder();
        SampleGenerator.Write(folder.Path, SampleGenerator.DefaultSeed, SampleGenerator.DefaultRecords);
        folder.WriteText("99-flagged.csv", FlaggedYear);
        var inputs = InputSet.Expand([folder.Path], null, out _, out var errors);
        Assert.IsEmpty(errors);
        var context = NormaliseContext.Default(2027);
        if (custom)
        {
            // Five western States form a region with an awkward name; every other State keeps its M49 sub-region.
            string[] moved = ["FRA", "DEU", "ITA", "BEL", "NLD"];
            var entries = Geography.BuiltIn.States.Where(s => s.Region is not null)
                .Select(s => new RegionEntry(s.Alpha3, moved.Contains(s.Alpha3) ? Awkward : s.Region!, "test"))
                .ToList();
            var map = RegionMap.FromEntries(entries, Geography.BuiltIn, out var mapErrors);
            Assert.IsEmpty(mapErrors);
            context = context with { Regions = map };
        }

        var pipeline = PipelineRunner.Run(inputs, context, new PipelineOptions());
        Assert.AreEqual(0, pipeline.Files.Sum(f => f.RowsRejected), "the sample and the flagged year are read whole");
        var stats = StatisticsRunner.Run(pipeline.Observations, context.Regions, StatisticsOptions.Default);
        Assert.IsTrue(stats.MayPublish);
        return stats.Regional;
    }

    /// <summary>Checks that the table has every kind of cell the file must carry, so the round trip tests each.</summary>
    private static void AssertCoversEveryKindOfCell(IReadOnlyList<RegionalTrendRow> rows)
    {
        Assert.IsTrue(rows.Any(r => r.Withheld && r.IsCount), "withheld counts");
        Assert.IsTrue(rows.Any(r => r.Withheld && !r.IsCount), "withheld shares or changes");
        Assert.IsTrue(rows.Any(r => !r.Withheld && r.Value is not null && r.Status.Contains('c', StringComparison.Ordinal)), "published values with a component confidential at source");
        Assert.IsTrue(rows.Any(r => r.Status.Contains('m', StringComparison.Ordinal)), "m flags");
        Assert.IsTrue(rows.Any(r => r.Status.Contains('p', StringComparison.Ordinal)), "p flags");
        Assert.IsTrue(rows.Any(r => r.Status.Contains('e', StringComparison.Ordinal)), "e flags");
        Assert.IsTrue(rows.Any(r => !r.Withheld && r.Value is null), "values that cannot be computed");
        Assert.IsTrue(rows.Any(r => r.Interval is not null), "intervals");
        Assert.IsTrue(rows.Any(r => r.Value is < 0), "negative changes");
        Assert.IsTrue(rows.Any(r => r.Measure == Measure.Investigations), "both measures");
    }

    private static void AssertSameRows(IReadOnlyList<RegionalTrendRow> expected, IReadOnlyList<RegionalTrendRow> actual)
    {
        Assert.HasCount(expected.Count, actual);
        for (var i = 0; i < expected.Count; i++)
        {
            var (e, a) = (expected[i], actual[i]);
            var where = string.Create(CultureInfo.InvariantCulture, $"row {i}: {e.Region} {e.Year} {e.Measure} {e.Indicator}");
            Assert.AreEqual(e.Region, a.Region, where);
            Assert.AreEqual(e.Year, a.Year, where);
            Assert.AreEqual(e.Measure, a.Measure, where);
            Assert.AreEqual(e.Indicator, a.Indicator, where);
            Assert.AreEqual(e.Value, a.Value, where);
            Assert.AreEqual(e.Interval, a.Interval, where);
            Assert.AreEqual(e.Status, a.Status, where);
            Assert.AreEqual(e.StatesReporting, a.StatesReporting, where);
            Assert.AreEqual(e.Withheld, a.Withheld, where);
            Assert.AreEqual(e, a, where);
        }
    }

    private static IReadOnlyList<RegionalTrendRow> RoundTrip(IReadOnlyList<RegionalTrendRow> rows, bool m49) => Read(Write(rows, m49));

    private static byte[] Write(IEnumerable<RegionalTrendRow> rows, bool m49)
    {
        using var stream = new MemoryStream();
        PublishSdmx.Write(stream, rows, m49);
        return stream.ToArray();
    }

    private static IReadOnlyList<RegionalTrendRow> Read(byte[] bytes)
    {
        using var folder = new TempFolder();
        var read = SdmxPublicationReader.ReadFile(folder.WriteBytes("regional-trends.sdmx.csv", bytes), "regional-trends.sdmx.csv");
        Assert.IsEmpty(read.Problems, string.Join(" | ", read.Problems.Select(p => p.Message)));
        return read.Rows;
    }

    private static SdmxPublicationRead ReadText(string name, string text)
    {
        using var folder = new TempFolder();
        return SdmxPublicationReader.ReadFile(folder.WriteText(name, text), name);
    }

    private static List<string> Lines(byte[] bytes) => [.. Encoding.UTF8.GetString(bytes).Split('\n', StringSplitOptions.RemoveEmptyEntries)];
}
