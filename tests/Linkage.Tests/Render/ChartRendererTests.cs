using Linkage.Model;
using Linkage.Render;
using Linkage.Tests.TestSupport;

namespace Linkage.Tests.Render;

[TestClass]
public sealed class ChartRendererTests
{
    private static readonly Lazy<(IReadOnlyList<Chart> Charts, IReadOnlyList<RenderedFile>[] Files)> Sample = new(() =>
    {
        var charts = ChartBuilder.Build(RenderKit.Input());
        return (charts, [.. charts.Select(ChartRenderer.Render)]);
    });

    [TestMethod]
    public void ChartRenderer_renders_every_chart_on_all_cores_to_the_same_bytes_in_the_same_order_as_one_at_a_time()
    {
        var (charts, files) = Sample.Value;

        var all = ChartRenderer.RenderAll(charts);

        Assert.HasCount(charts.Count, all);
        for (var i = 0; i < charts.Count; i++)
        {
            CollectionAssert.AreEqual(files[i].Select(f => f.FileName).ToArray(), all[i].Select(f => f.FileName).ToArray(), charts[i].Name);
            for (var j = 0; j < files[i].Count; j++)
            {
                CollectionAssert.AreEqual(files[i][j].Bytes, all[i][j].Bytes, files[i][j].FileName);
            }
        }
    }

    [TestMethod]
    public void ChartRenderer_writes_a_16x9_png_a_full_width_png_and_an_svg_when_rendering_a_chart()
    {
        var (charts, files) = Sample.Value;

        for (var i = 0; i < charts.Count; i++)
        {
            var name = charts[i].Name;
            CollectionAssert.AreEqual(new[] { name + ".png", name + "-full.png", name + ".svg" }, files[i].Select(f => f.FileName).ToArray());
        }
    }

    [TestMethod]
    public void ChartRenderer_puts_the_title_every_legend_entry_and_the_source_note_in_the_svg_when_rendering_each_chart()
    {
        var (charts, files) = Sample.Value;

        for (var i = 0; i < charts.Count; i++)
        {
            var texts = RenderKit.SvgTexts(files[i][2].Bytes);
            var chart = charts[i];
            CollectionAssert.Contains(texts, chart.Title, chart.Name);
            CollectionAssert.Contains(texts, chart.Subtitle, chart.Name);
            CollectionAssert.Contains(texts, chart.SourceNote, chart.Name);
            Assert.IsNotEmpty(chart.LegendEntries, chart.Name);
            foreach (var entry in chart.LegendEntries)
            {
                CollectionAssert.Contains(texts, entry, $"{chart.Name}: legend entry '{entry}'");
            }
        }
    }

    [TestMethod]
    public void ChartRenderer_draws_pngs_of_16x9_and_25_7x14_5_cm_at_300_dpi_that_are_not_blank_when_rendering_each_chart()
    {
        var (charts, files) = Sample.Value;

        for (var i = 0; i < charts.Count; i++)
        {
            var (w, h, colours) = RenderKit.PngSummary(files[i][0].Bytes);
            Assert.AreEqual((1890, 1063), (w, h), charts[i].Name);
            Assert.IsGreaterThan(50, colours, $"{charts[i].Name}: {colours} distinct colours");
            var (wFull, hFull, coloursFull) = RenderKit.PngSummary(files[i][1].Bytes);
            Assert.AreEqual((3035, 1713), (wFull, hFull), charts[i].Name + " full width");
            Assert.IsGreaterThan(50, coloursFull, $"{charts[i].Name} full width: {coloursFull} distinct colours");
        }
    }

    [TestMethod]
    public void ChartRenderer_declares_300_dpi_in_one_pHYs_chunk_before_the_image_data_when_writing_a_png()
    {
        foreach (var file in Sample.Value.Files.SelectMany(f => f).Where(f => f.FileName.EndsWith(".png", StringComparison.Ordinal)))
        {
            var chunks = RenderKit.PngChunks(file.Bytes);
            var types = chunks.Select(c => c.Type).ToList();
            Assert.AreEqual(1, types.Count(t => t == "pHYs"), file.FileName);
            Assert.IsLessThan(types.IndexOf("IDAT"), types.IndexOf("pHYs"), file.FileName);
            var phys = chunks.Single(c => c.Type == "pHYs");
            CollectionAssert.AreEqual(new byte[] { 0, 0, 0x2E, 0x23, 0, 0, 0x2E, 0x23, 1 }, phys.Data, "11811 px/m both ways, unit metre");
            foreach (var (type, data, crc) in chunks)
            {
                Assert.AreEqual(RenderKit.Crc32([.. System.Text.Encoding.ASCII.GetBytes(type), .. data]), crc, $"{file.FileName}: CRC of {type}");
            }
        }
    }

    [TestMethod]
    public void ChartRenderer_gives_byte_identical_files_when_rendering_the_same_input_twice()
    {
        var again = ChartBuilder.Build(RenderKit.Input()).Select(ChartRenderer.Render).ToList();

        var first = Sample.Value.Files;
        for (var i = 0; i < first.Length; i++)
        {
            for (var f = 0; f < first[i].Count; f++)
            {
                CollectionAssert.AreEqual(first[i][f].Bytes, again[i][f].Bytes, first[i][f].FileName);
            }
        }
    }

    [TestMethod]
    public void ChartRenderer_throws_ChartFontException_naming_the_folder_and_the_fix_when_no_font_file_is_found()
    {
        using var empty = new TempFolder();

        var ex = Assert.ThrowsExactly<ChartFontException>(() => ChartRenderer.EnsureFont([empty.Path]));

        Assert.Contains(empty.Path, ex.Message);
        Assert.Contains("install fonts-dejavu-core (apt-get install -y fonts-dejavu-core)", ex.Message);
        Assert.DoesNotContain("\n", ex.Message, "one plain sentence");
    }

    [TestMethod]
    public void ChartRenderer_writes_the_same_bytes_with_invariant_tick_labels_when_the_culture_is_de_DE()
    {
        var input = RenderKit.Input();
        var charts = ChartBuilder.Build(input);
        IReadOnlyList<RenderedFile> german;
        using (new CultureScope("de-DE"))
        {
            german = ChartRenderer.Render(ChartBuilder.Build(input)[0]);
        }

        CollectionAssert.AreEqual(Sample.Value.Files[0][2].Bytes, german[2].Bytes, "SVG under de-DE");
        CollectionAssert.AreEqual(Sample.Value.Files[0][0].Bytes, german[0].Bytes, "PNG under de-DE");
        var texts = RenderKit.SvgTexts(german[2].Bytes);
        Assert.Contains("2000", texts, "the OSCE panel's count axis");
        Assert.IsFalse(texts.Any(t => System.Text.RegularExpressions.Regex.IsMatch(t, @"^\d{1,3}[.,\u00A0 ]\d{3}$")), "no thousands separators: " + string.Join("|", texts));
        Assert.AreEqual(charts[0].Name, german[0].FileName[..^4]);
    }

    [TestMethod]
    public void ChartRenderer_renders_every_chart_with_its_frame_when_there_is_no_data()
    {
        var charts = ChartBuilder.Build(new ChartInput([], [], [], Measure.Investigations, 5, null));

        foreach (var chart in charts)
        {
            var files = ChartRenderer.Render(chart);
            Assert.AreEqual("Investigations, no data", chart.Subtitle);
            CollectionAssert.Contains(RenderKit.SvgTexts(files[2].Bytes), chart.Title, chart.Name);
        }
    }
}
