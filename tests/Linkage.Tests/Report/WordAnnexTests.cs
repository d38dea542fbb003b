using System.IO.Compression;
using System.Text.RegularExpressions;

using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

using Linkage.Analyse;
using Linkage.Config;
using Linkage.Localisation;
using Linkage.Pipeline;
using Linkage.Protect;
using Linkage.Recognise;
using Linkage.Render;
using Linkage.Report;
using Linkage.Tests.Render;

using static Linkage.Tests.Aggregate.StatsKit;
using static Linkage.Tests.Report.AnnexKit;

using A = DocumentFormat.OpenXml.Drawing;
using W = DocumentFormat.OpenXml.Wordprocessing;
using Wp = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace Linkage.Tests.Report;

[TestClass]
public sealed partial class WordAnnexTests
{
    /// <summary>16 cm and 9 cm in EMU (360,000 per centimetre).</summary>
    private const long Width16Cm = 5_760_000;
    private const long Height9Cm = 3_240_000;

    [TestMethod]
    public void WordAnnex_opens_with_the_sdk_with_main_styles_and_one_image_part_per_chart_holding_its_png()
    {
        var figures = Annex.OfType<Figure>().ToList();
        using var document = Open(Docx);

        var main = document.MainDocumentPart!;
        Assert.IsNotNull(main.StyleDefinitionsPart?.Styles);
        Assert.IsNotNull(main.NumberingDefinitionsPart?.Numbering, "the bullets' list definition");
        Assert.HasCount(8, figures, "four charts for each of the two measures");
        Assert.HasCount(figures.Count, main.ImageParts.ToList());
        var drawings = Body(document).Descendants<W.Drawing>().ToList();
        Assert.HasCount(figures.Count, drawings);
        for (var i = 0; i < figures.Count; i++)
        {
            var embed = drawings[i].Descendants<A.Blip>().Single().Embed!.Value!;
            var part = (ImagePart)main.GetPartById(embed);
            Assert.AreEqual("image/png", part.ContentType);
            using var stream = part.GetStream();
            using var bytes = new MemoryStream();
            stream.CopyTo(bytes);
            CollectionAssert.AreEqual(figures[i].Png, bytes.ToArray(), $"picture {i + 1} is the PNG of {figures[i].FileName}");
        }
    }

    [TestMethod]
    public void WordAnnex_places_each_chart_at_16_by_9_cm_from_the_pixel_size_and_density_of_its_png()
    {
        using var document = Open(Docx);

        foreach (var figure in Annex.OfType<Figure>())
        {
            // The renderer draws 16 × 9 cm at 300 dpi: 1,890 × 1,063 pixels at 11,811 pixels per metre.
            Assert.AreEqual(new PngSize(1890, 1063, 11811, 11811), PngSize.Read(figure.Png), figure.FileName);
        }

        foreach (var drawing in Body(document).Descendants<W.Drawing>())
        {
            var extent = drawing.Descendants<Wp.Extent>().Single();
            Assert.AreEqual(Width16Cm, extent.Cx!.Value);
            Assert.AreEqual(Height9Cm, extent.Cy!.Value);
            var shape = drawing.Descendants<A.Extents>().Single();
            Assert.AreEqual(Width16Cm, shape.Cx!.Value);
            Assert.AreEqual(Height9Cm, shape.Cy!.Value);
        }
    }

    [TestMethod]
    public void WordAnnex_captions_each_chart_below_it_with_a_seq_figure_field_and_its_source_note()
    {
        var figures = Annex.OfType<Figure>().ToList();
        using var document = Open(Docx);

        var pictures = Body(document).Elements<W.Paragraph>().Where(p => p.Descendants<W.Drawing>().Any()).ToList();
        Assert.HasCount(figures.Count, pictures);
        for (var i = 0; i < figures.Count; i++)
        {
            var caption = (W.Paragraph)pictures[i].NextSibling()!;
            Assert.AreEqual("Caption", StyleOf(caption));
            Assert.AreEqual(" SEQ Figure \\* ARABIC ", FieldOf(caption));
            Assert.AreEqual($"Figure {i + 1}. {figures[i].Caption}", TextOf(caption));
            var note = (W.Paragraph)caption.NextSibling()!;
            Assert.AreEqual("SourceNote", StyleOf(note));
            Assert.IsNotNull(figures[i].SourceNote);
            Assert.AreEqual(figures[i].SourceNote, TextOf(note));
            StringAssert.StartsWith(TextOf(note), "Source: paragraph-23 submissions of ");
            StringAssert.Contains(TextOf(note), "Data as of 2026-01-15.");
        }
    }

    [TestMethod]
    public void WordAnnex_writes_each_report_table_as_a_word_table_with_a_seq_caption_above_and_a_repeated_header_row()
    {
        var tables = Annex.OfType<Table>().ToList();
        using var document = Open(Docx);

        var words = Body(document).Elements<W.Table>().ToList();
        Assert.HasCount(tables.Count, words);
        Assert.IsGreaterThanOrEqualTo(8, tables.Count, "two regional tables and a trend table per measure, and the reporting States");
        for (var t = 0; t < tables.Count; t++)
        {
            var (table, word) = (tables[t], words[t]);
            var caption = (W.Paragraph)word.PreviousSibling()!;
            Assert.AreEqual("Caption", StyleOf(caption));
            Assert.AreEqual(" SEQ Table \\* ARABIC ", FieldOf(caption));
            Assert.AreEqual($"Table {t + 1}. {table.Caption}", TextOf(caption));
            Assert.IsNotNull(caption.ParagraphProperties!.KeepNext, "a caption stays with its table");

            var rows = word.Elements<W.TableRow>().ToList();
            Assert.HasCount(table.Rows.Count + 1, rows);
            Assert.IsNotNull(rows[0].TableRowProperties?.GetFirstChild<W.TableHeader>(), $"{table.Caption}: the header row repeats on each page");
            Assert.IsTrue(rows.Skip(1).All(r => r.TableRowProperties?.GetFirstChild<W.TableHeader>() is null), "only the header row repeats");
            CollectionAssert.AreEqual(table.Columns.ToList(), rows[0].Elements<W.TableCell>().Select(TextOf).ToList());

            // A table of up to 20 rows is kept on one page (each row but the last kept with the next); a longer one runs on.
            var kept = rows.Select(r => r.Descendants<W.Paragraph>().All(p => p.ParagraphProperties?.KeepNext is not null)).ToList();
            Assert.IsTrue(kept[0], "the header row stays with the first row");
            Assert.IsFalse(kept[^1], "the last row does not hold on to what follows");
            CollectionAssert.AreEqual(rows.Skip(1).SkipLast(1).Select(_ => table.Rows.Count <= 20).ToList(), kept.Skip(1).SkipLast(1).ToList(), table.Caption);
            for (var r = 0; r < table.Rows.Count; r++)
            {
                var cells = rows[r + 1].Elements<W.TableCell>().ToList();
                CollectionAssert.AreEqual(table.Rows[r].ToList(), cells.Select(TextOf).ToList(), $"{table.Caption}, row {r + 1}");
                for (var c = 0; c < cells.Count; c++)
                {
                    var alignment = cells[c].Descendants<W.Justification>().SingleOrDefault()?.Val?.Value;
                    Assert.AreEqual(table.RightAligned[c] ? W.JustificationValues.Right : (W.JustificationValues?)null, alignment, $"{table.Caption}, row {r + 1}, column {c + 1}");
                }
            }
        }
    }

    [TestMethod]
    public void WordAnnex_shades_every_withheld_cell_shows_it_as_c_and_explains_c_under_its_table()
    {
        var tables = Annex.OfType<Table>().ToList();
        using var document = Open(Docx);

        var words = Body(document).Elements<W.Table>().ToList();
        var withheld = 0;
        for (var t = 0; t < tables.Count; t++)
        {
            foreach (var cell in words[t].Elements<W.TableRow>().Skip(1).SelectMany(r => r.Elements<W.TableCell>()))
            {
                var fill = cell.TableCellProperties?.Shading?.Fill?.Value;
                if (TextOf(cell) == "c")
                {
                    withheld++;
                    Assert.AreEqual("D9D9D9", fill, "a withheld cell is grey");
                    Assert.IsNotNull(cell.Descendants<W.Italic>().SingleOrDefault(), "its c is in italics");
                }
                else
                {
                    Assert.IsNull(fill, $"only withheld cells are shaded, not '{TextOf(cell)}'");
                }
            }

            var notes = words[t].ElementsAfter().OfType<W.Paragraph>().TakeWhile(p => StyleOf(p) == "SourceNote").Select(TextOf).ToList();
            var hasWithheld = tables[t].Rows.Any(r => r.Contains("c"));
            Assert.AreEqual(hasWithheld, notes.Contains(AnnexText.English.WithheldNote), tables[t].Caption);
            Assert.AreEqual(tables[t].SourceNote, notes[^1], $"{tables[t].Caption}: the source note comes last");
        }

        Assert.IsGreaterThan(50, withheld, "the sample has suppressed cells in its regional and trend tables");
    }

    [TestMethod]
    [DataRow("en")]
    [DataRow("fr")]
    [DataRow("de")]
    [DataRow("it")]
    [DataRow("ru")]
    [DataRow("es")]
    public void WordAnnex_shows_no_underlying_count_of_a_withheld_cell(string code)
    {
        Assert.IsTrue(Languages.TryParse(code, out var language));
        var stats = WithheldKit.Stats;
        var states = StateCompleteness.Build(stats.Aggregate.States, stats.Protection.MinCell);
        var report = ReportBuilder.Build(new ReportInput(stats, Empty, states, [], null) { Language = language });

        var docx = WordAnnex.Write(ReportBuilder.Annex(report), AnnexText.For(language));

        using var document = Open(docx);
        var paragraphs = Body(document).Descendants<W.Paragraph>().Select(TextOf).ToList();
        foreach (var value in WithheldKit.HiddenValues())
        {
            var shown = WithheldKit.Shown(value, language);
            Assert.IsFalse(paragraphs.Any(shown.IsMatch), $"{code}: the true value {value} of a withheld count is in the annex");
        }

        var regional = Body(document).Elements<W.Table>().First();
        var eastern = regional.Elements<W.TableRow>().Single(r => TextOf(r.Elements<W.TableCell>().First()) == new RegionNames(TextCatalogue.For(language), defaultMap: true).Show("Eastern Europe"));
        Assert.AreEqual("c", TextOf(eastern.Elements<W.TableCell>().ElementAt(1)), "Eastern Europe's internal 4");
    }

    [TestMethod]
    public void WordAnnex_in_every_language_labels_captions_and_the_c_note_in_that_language_and_tags_the_document_with_it()
    {
        var english = AnnexText.English;
        var stats = RenderKit.Stats;
        var states = StateCompleteness.Build(stats.Aggregate.States, stats.Protection.MinCell);
        foreach (var language in Languages.All.Where(l => l != Language.En))
        {
            var text = AnnexText.For(language);
            var report = ReportBuilder.Build(new ReportInput(stats, Empty, states, [], AsOf) { Language = language });
            var annex = ReportBuilder.Annex(report);
            using var document = Open(WordAnnex.Write(annex, text));
            var code = language.Code();

            Assert.AreNotEqual(english.Table, text.Table, code);
            Assert.AreNotEqual(english.WithheldNote, text.WithheldNote, code);
            var paragraphs = Body(document).Descendants<W.Paragraph>().ToList();
            var captions = paragraphs.Where(p => StyleOf(p) == "Caption").Select(TextOf).ToList();
            Assert.IsNotEmpty(captions, code);
            Assert.IsTrue(captions.All(c => c.StartsWith(text.Table + " ", StringComparison.Ordinal)), $"{code}: {captions[0]}");
            Assert.IsFalse(captions.Any(c => c.StartsWith(english.Table + " ", StringComparison.Ordinal)), code);
            var fields = paragraphs.Select(FieldOf).OfType<string>().ToList();
            Assert.IsTrue(fields.All(f => f.Contains(" SEQ " + new string([.. text.Table.Where(char.IsLetterOrDigit)]) + " ", StringComparison.Ordinal)), $"{code}: {fields[0]}");
            var bodyText = string.Join("\n", paragraphs.Select(TextOf));
            StringAssert.Contains(bodyText, text.WithheldNote, code);
            Assert.DoesNotContain(english.WithheldNote, bodyText, code);
            var headings = annex.OfType<Heading>().Select(h => h.Text).ToList();
            var englishHeadings = ReportBuilder.Annex(FullReport).OfType<Heading>().Select(h => h.Text).ToHashSet(StringComparer.Ordinal);
            Assert.IsFalse(headings.Any(englishHeadings.Contains), $"{code}: a heading is still English");
            var tag = document.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Descendants<W.Languages>().Single().Val!.Value;
            Assert.AreEqual(text.LanguageTag, tag);
            StringAssert.StartsWith(tag, code + "-");
        }
    }

    [TestMethod]
    public void WordAnnex_is_valid_by_the_sdk_validator()
    {
        using var document = Open(Docx);

        var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(document).ToList();

        Assert.IsEmpty(errors, string.Join("\n", errors.Take(20).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")));
    }

    [TestMethod]
    public void WordAnnex_defines_every_style_it_uses_in_the_styles_part()
    {
        using var document = Open(Docx);

        var styles = document.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Elements<W.Style>().ToDictionary(s => s.StyleId!.Value!, s => s);
        var body = Body(document);
        var used = body.Descendants<W.ParagraphStyleId>().Select(s => s.Val!.Value!)
            .Concat(body.Descendants<W.TableStyle>().Select(s => s.Val!.Value!))
            .ToHashSet(StringComparer.Ordinal);
        CollectionAssert.IsSubsetOf(new[] { "Title", "Heading1", "Caption", "SourceNote", "TableText", "ListBullet", "AnnexTable" }, used.ToList());
        foreach (var id in used)
        {
            Assert.IsTrue(styles.ContainsKey(id), $"style {id} is used but not defined");
        }

        Assert.AreEqual("heading 1", styles["Heading1"].StyleName!.Val!.Value, "Word's own name, so Word's navigation and contents see it");
        Assert.AreEqual("caption", styles["Caption"].StyleName!.Val!.Value, "Word's own name, so its caption numbering and lists of figures see it");
        Assert.AreEqual(W.StyleValues.Table, styles["AnnexTable"].Type!.Value);
        var fonts = document.MainDocumentPart.StyleDefinitionsPart.Styles.DocDefaults!.Descendants<W.RunFonts>().Single();
        Assert.AreEqual("Arial", fonts.Ascii!.Value);
        Assert.IsEmpty(document.MainDocumentPart.FontTablePart!.Fonts!.Descendants<W.EmbedRegularFont>().ToList(), "fonts are named, not embedded");
    }

    [TestMethod]
    public void WordAnnex_sets_charts_on_portrait_pages_of_16_cm_and_wide_tables_on_landscape_pages_they_fit()
    {
        using var document = Open(Docx);

        var body = Body(document);
        var widths = TextWidths(body);
        foreach (var picture in body.Elements<W.Paragraph>().Where(p => p.Descendants<W.Drawing>().Any()))
        {
            Assert.AreEqual(9072, widths[picture], "A4 portrait with 2.5 cm margins: 16.0 cm");
            Assert.IsLessThanOrEqualTo(widths[picture] * 635L, Width16Cm, "the picture fits the text width");
        }

        foreach (var table in body.Elements<W.Table>())
        {
            var grid = table.GetFirstChild<W.TableGrid>()!.Elements<W.GridColumn>().Sum(g => int.Parse(g.Width!.Value!, System.Globalization.CultureInfo.InvariantCulture));
            Assert.AreEqual(14004, widths[table], "A4 landscape with 2.5 cm margins: the regional table by year needs more than 16 cm");
            Assert.AreEqual(widths[table], grid, "the table fills the text width exactly");
        }
    }

    [TestMethod]
    public void WordAnnex_keeps_a_document_whose_tables_fit_16_cm_on_portrait_pages()
    {
        ReportBlock[] blocks =
        [
            new Heading(1, "Title"),
            new Heading(2, "Regional table") { Section = ReportSection.Regional },
            new Table("Totals", ["Region", "Total"], [["OSCE", "1,234"], ["Central Asia", "c"]], [false, true]),
        ];

        using var document = Open(WordAnnex.Write(blocks));

        var body = Body(document);
        Assert.IsEmpty(body.Elements<W.Paragraph>().Where(p => p.ParagraphProperties?.SectionProperties is not null).ToList(), "one Word section");
        var page = body.GetFirstChild<W.SectionProperties>()!.GetFirstChild<W.PageSize>()!;
        Assert.AreEqual(11906u, page.Width!.Value, "A4 portrait");
        Assert.IsNull(page.Orient);
        Assert.AreEqual(9072, TextWidths(body)[body.Elements<W.Table>().Single()]);
    }

    [TestMethod]
    public void WordAnnex_gives_spare_width_to_the_column_that_would_wrap_and_keeps_short_columns_to_their_text()
    {
        var states = string.Join(", ", Enumerable.Repeat("ALB, AND, ARM, AUT", 12));
        var table = new Table("Reporting States", ["Year", "States", "Reporting States"], [["2019", "48", states]], [false, true, false]);

        var widths = WordAnnex.ColumnWidths(table, 14004);

        Assert.AreEqual(14004, widths.Sum(), "the table is the text width");
        Assert.IsLessThan(1000, widths[0], "'Year' and '2019' need about 1 cm");
        Assert.IsLessThan(1000, widths[1], "'States' and '48' too");
        Assert.AreEqual(14004 - widths[0] - widths[1], widths[2], "the list of States takes the rest");

        var narrow = WordAnnex.ColumnWidths(table, 3000);
        Assert.AreEqual(3000, narrow.Sum(), "a shortage is taken from what the list wants beyond its longest word");
        Assert.AreEqual((widths[0], widths[1]), (narrow[0], narrow[1]), "columns at their longest word are not squeezed");
    }

    [TestMethod]
    public void ReportBuilder_Annex_keeps_the_title_charts_regional_and_trend_tables_reporting_states_and_methods_but_not_data_quality()
    {
        var sections = ReportBuilder.SectionsOf(FullReport);

        var expected = FullReport.Where((_, i) => sections[i] is ReportSection.Front or ReportSection.Charts or ReportSection.Regional or ReportSection.Trends or ReportSection.ReportingStates or ReportSection.Methods).ToList();
        CollectionAssert.AreEqual(expected, Annex.ToList(), "the same blocks, in the report's order");
        Assert.IsTrue(FullReport.Where((_, i) => sections[i] == ReportSection.DataQuality).OfType<Table>().Any(), "the report has a data-quality section");
        Assert.IsFalse(Annex.OfType<Heading>().Any(h => h.Section is ReportSection.DataQuality or ReportSection.KeyFigures));
        Assert.AreEqual(1, Annex.OfType<Heading>().First().Level, "the annex opens with the report's title");
        CollectionAssert.AreEqual(
            new[] { ReportSection.Charts, ReportSection.Regional, ReportSection.Regional, ReportSection.Trends, ReportSection.ReportingStates, ReportSection.Methods },
            Annex.OfType<Heading>().Where(h => h.Section != ReportSection.None).Select(h => h.Section).ToArray());
    }

    [TestMethod]
    public void WordAnnex_writes_the_same_bytes_twice_and_in_every_culture_with_no_time_in_the_package()
    {
        var first = WordAnnex.Write(Annex);
        CollectionAssert.AreEqual(Docx, first, "a second write");
        Linkage.Tests.Pipeline.PipelineTestKit.InEachCulture(name =>
            Assert.IsTrue(Docx.AsSpan().SequenceEqual(WordAnnex.Write(Annex)), $"culture '{name}'"));

        using var zip = new ZipArchive(new MemoryStream(Docx), ZipArchiveMode.Read);
        Assert.AreEqual("[Content_Types].xml", zip.Entries[0].FullName);
        foreach (var entry in zip.Entries)
        {
            Assert.AreEqual(new DateTime(1980, 1, 1), entry.LastWriteTime.DateTime, entry.FullName);
        }

        Assert.IsFalse(zip.Entries.Any(e => e.FullName.Contains("core", StringComparison.OrdinalIgnoreCase)), "no core properties, so no created or modified date");
    }

    [TestMethod]
    public void WordAnnex_writes_region_names_that_look_like_formulas_as_text_and_survives_control_characters()
    {
        var regions = RegionMap.FromEntries(
            [new("FRA", "=HYPERLINK(\"x\")", "t"), new("DEU", "=HYPERLINK(\"x\")", "t"), new("ITA", "South\u0001ern", "t")],
            Geography.BuiltIn,
            out _);
        var stats = StatisticsRunner.Run(Obs("FRA 2019 internal 40\nDEU 2019 international 30\nITA 2019 unknown 20", regions), regions, StatisticsOptions.Default);
        var report = ReportBuilder.Build(new ReportInput(stats, Empty, StateCompleteness.Build(stats.Aggregate.States, 5), [], null));

        using var document = Open(WordAnnex.Write(ReportBuilder.Annex(report)));

        var firstColumn = Body(document).Elements<W.Table>().First().Elements<W.TableRow>().Skip(1).Select(r => TextOf(r.Elements<W.TableCell>().First())).ToList();
        CollectionAssert.Contains(firstColumn, "'=HYPERLINK(\"x\")", "a spreadsheet that gets the pasted table reads it as text");
        CollectionAssert.Contains(firstColumn, "South ern", "a character XML cannot hold becomes a space");
    }

    [TestMethod]
    public void PngSize_reads_the_declared_density_and_assumes_96_dpi_without_one()
    {
        var declared = PngSize.Read(RenderCharts(RenderKit.Stats)[0].Png);
        Assert.AreEqual(11811, declared.PixelsPerMetreX, "300 dpi");

        // An IHDR-only PNG of 378 × 189 pixels, no pHYs: at 96 dpi (3,780 pixels per metre) 10 × 5 cm.
        byte[] bare = [137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 0, 0, 1, 122, 0, 0, 0, 189, 8, 6, 0, 0, 0, 0, 0, 0, 0];
        var assumed = PngSize.Read(bare);
        Assert.AreEqual((378, 189, 3780), (assumed.Width, assumed.Height, assumed.PixelsPerMetreX));
        Assert.AreEqual(3_600_000L, assumed.WidthEmu);
        Assert.AreEqual(1_800_000L, assumed.HeightEmu);
        Assert.ThrowsExactly<ArgumentException>(() => PngSize.Read([0x89, 0x50, 0x4E, 0x47]));
    }
}
