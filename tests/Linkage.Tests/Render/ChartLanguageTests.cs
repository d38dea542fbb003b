using System.Text.RegularExpressions;

using Linkage.Aggregate;
using Linkage.Analyse;
using Linkage.Config;
using Linkage.Localisation;
using Linkage.Model;
using Linkage.Pipeline;
using Linkage.Recognise;
using Linkage.Render;
using Linkage.Tests.TestSupport;

using SkiaSharp;

using static Linkage.Tests.Aggregate.StatsKit;

namespace Linkage.Tests.Render;

/// <summary>
/// Every chart of both measures rendered in every language from the synthetic sample (57 States, 2010–2025). The
/// strings checked are those Skia wrote into the SVG's <c>&lt;text&gt;</c> elements: everything the chart draws,
/// titles, notes, panel titles, axis labels, tick labels, legends and marks.
/// </summary>
[TestClass]
public sealed partial class ChartLanguageTests
{
    private static readonly ChartSize Standard = ChartSize.FromCentimetres(16, 9);

    private static readonly Lazy<Dictionary<Language, List<(Chart Chart, IReadOnlyList<RenderedFile> Files)>>> Rendered = new(() =>
        Languages.All.ToDictionary(l => l, l => Build(l).Select(c => (c, ChartRenderer.Render(c))).ToList()));

    private static List<Chart> Build(Language language) =>
        [.. new[] { Measure.Children, Measure.Investigations }.SelectMany(m => ChartBuilder.Build(RenderKit.Input(m) with { Language = language }))];

    private static List<string> Drawn(IReadOnlyList<RenderedFile> files) => RenderKit.SvgTexts(files.Single(f => f.FileName.EndsWith(".svg", StringComparison.Ordinal)).Bytes);

    /// <summary>
    /// The allowlist: drawn strings with letters that a translation may show exactly as English does. Only symbols and
    /// proper names: the marks <c>c</c> (withheld) and <c>n&lt;5</c> (fewer than five years), the same symbols as in the
    /// publish CSVs; ISO 3166-1 alpha-3 State codes (heat-map rows); and <c>OSCE</c>, the organisation's name in French,
    /// Italian and Spanish (OSZE in German, ОБСЕ in Russian). Region names of a user's map are proper names too; they are
    /// tested on their own below. Strings without letters (years, numbers, "50 %") are not words and not checked.
    /// </summary>
    private static bool Allowed(Language language, string text) =>
        text is Marks.Withheld or Marks.FewYears
        || StateCode().IsMatch(text)
        || (text == "OSCE" && language is Language.Fr or Language.It or Language.Es);

    [TestMethod]
    public void ChartRenderer_draws_no_english_string_in_any_other_language_except_the_allowlist()
    {
        var english = Rendered.Value[Language.En].SelectMany(r => Drawn(r.Files)).Where(t => t.Any(char.IsLetter)).ToHashSet(StringComparer.Ordinal);
        Assert.IsGreaterThan(80, english.Count, "the English charts draw many word-bearing strings: " + english.Count);

        foreach (var language in Languages.All.Where(l => l != Language.En))
        {
            foreach (var (chart, files) in Rendered.Value[language])
            {
                var drawn = Drawn(files);
                var leaks = drawn.Where(t => t.Any(char.IsLetter) && english.Contains(t) && !Allowed(language, t)).Distinct().ToList();
                Assert.IsEmpty(leaks, $"{language.Code()} {chart.Name} draws English: {string.Join(" | ", leaks)}");

                // The chart's own texts are drawn whole, so the SVG check above covers them.
                foreach (var text in (string[])[chart.Title, chart.Subtitle, chart.SourceNote, .. chart.LegendEntries])
                {
                    CollectionAssert.Contains(drawn, text, $"{language.Code()} {chart.Name}");
                }
            }
        }
    }

    [TestMethod]
    public void ChartRenderer_draws_every_word_of_a_russian_chart_in_cyrillic()
    {
        foreach (var (chart, files) in Rendered.Value[Language.Ru])
        {
            var words = Drawn(files).Where(t => t.Any(char.IsLetter) && !Allowed(Language.Ru, t)).ToList();
            Assert.IsNotEmpty(words, chart.Name);
            foreach (var text in words)
            {
                Assert.IsTrue(text.Any(c => c is >= '\u0400' and <= '\u04FF'), $"{chart.Name}: '{text}' is not Cyrillic");
            }
        }
    }

    [TestMethod]
    public void ChartFonts_has_a_glyph_for_every_character_of_every_language()
    {
        ChartRenderer.EnsureFont();
        var characters = Languages.All
            .SelectMany(l => TextCatalogue.For(l).Keys.Select(TextCatalogue.For(l).Template))
            .Concat(Rendered.Value.Values.SelectMany(charts => charts.SelectMany(c => Drawn(c.Files))))
            .SelectMany(t => t)
            .Where(c => c is not ('{' or '}'))
            .Distinct()
            .Order()
            .ToList();
        Assert.IsTrue(characters.Contains('Д') && characters.Contains('ё') && characters.Contains('ß') && characters.Contains('\u00A0') && characters.Contains('–'), "the check covers Cyrillic, German, the no-break space and the dash");

        foreach (var bold in new[] { false, true })
        {
            using var font = new SKFont(ScottPlot.Fonts.GetTypeface(ChartFonts.Name, bold, false), 12);
            Assert.AreEqual("DejaVu Sans", font.Typeface.FamilyName, "the chart font, not a fallback");
            AssertGlyphs(font, characters, bold ? "DejaVu Sans Bold" : "DejaVu Sans");
        }

        // The fallback fonts the renderer would take on a machine without DejaVu, where installed here.
        foreach (var file in new[] { "LiberationSans-Regular.ttf", "arial.ttf", "segoeui.ttf" })
        {
            var path = Directory.Exists("/usr/share/fonts")
                ? Directory.EnumerateFiles("/usr/share/fonts", file, SearchOption.AllDirectories).FirstOrDefault()
                : null;
            if (path is not null)
            {
                using var typeface = SKTypeface.FromFile(path);
                using var font = new SKFont(typeface, 12);
                AssertGlyphs(font, characters, file);
            }
        }
    }

    [TestMethod]
    public void ChartRenderer_paints_the_russian_title_in_the_title_area_of_the_png()
    {
        var russian = Rendered.Value[Language.Ru][0];
        var english = Rendered.Value[Language.En][0];

        var (ink, pixels) = TitleArea(russian.Files[0].Bytes);
        var (_, englishPixels) = TitleArea(english.Files[0].Bytes);

        Assert.IsGreaterThan(2000, ink, $"dark pixels in the title area of {russian.Chart.Name} ({russian.Chart.Title})");
        CollectionAssert.AreNotEqual(englishPixels, pixels, "the Russian title is drawn, not the English one");
    }

    [TestMethod]
    public void ChartRenderer_writes_byte_identical_files_for_a_language_whatever_the_current_culture()
    {
        foreach (var culture in new[] { "de-DE", "tr-TR" })
        {
            foreach (var language in Languages.All)
            {
                List<IReadOnlyList<RenderedFile>> files;
                using (new CultureScope(culture))
                {
                    files = [.. ChartBuilder.Build(RenderKit.Input(Measure.Children) with { Language = language }).Select(ChartRenderer.Render)];
                }

                for (var i = 0; i < files.Count; i++)
                {
                    for (var f = 0; f < files[i].Count; f++)
                    {
                        CollectionAssert.AreEqual(Rendered.Value[language][i].Files[f].Bytes, files[i][f].Bytes, $"{language.Code()} {files[i][f].FileName} under {culture}");
                    }
                }
            }
        }
    }

    [TestMethod]
    public void ChartBuilder_keeps_the_file_names_in_every_language()
    {
        var names = Rendered.Value[Language.En].SelectMany(r => r.Files.Select(f => f.FileName)).ToList();

        foreach (var language in Languages.All)
        {
            CollectionAssert.AreEqual(names, Rendered.Value[language].SelectMany(r => r.Files.Select(f => f.FileName)).ToList(), language.Code());
        }
    }

    [TestMethod]
    public void ChartBuilder_in_english_draws_the_texts_it_always_drew()
    {
        var charts = Rendered.Value[Language.En].Take(4).ToList();

        CollectionAssert.AreEqual(
            new[] { "Trafficking linkage by region and year", "International share of trafficking by region", "Completeness of linkage recording by State", "Trend in the total: annual percent change by region" },
            charts.Select(c => c.Chart.Title).ToArray());
        CollectionAssert.AreEqual(new[] { "Internal", "International", "Not trafficked", "Unknown", "Suppressed part", "c = suppressed" }, charts[0].Chart.LegendEntries.ToArray());
        CollectionAssert.AreEqual(
            new[] { "Linkage recorded:", "80 to 100 %", "60 to <80 %", "40 to <60 %", "20 to <40 %", "0 to <20 %", "No cases", "Not shown (c)", "Not reported" },
            charts[2].Chart.LegendEntries.ToArray());
        Assert.AreEqual("Source: paragraph-23 submissions of 57 reporting States. Data as of 2026-01-15. c: suppressed (a count below 5, or to protect one). State shares shown for totals of 30 or more.", charts[2].Chart.SourceNote);
        Assert.AreEqual("Trafficking linkage by region and year: Children, 2010–2025", charts[0].Chart.Caption);
        var drawn = Drawn(charts[0].Files);
        CollectionAssert.IsSubsetOf(new[] { "Year", "Children (count)", "OSCE (own scale)", "Eastern Europe", "1000" }, drawn);
        CollectionAssert.IsSubsetOf(new[] { "International share of trafficked (%)", "50 %" }, Drawn(charts[1].Files));
        CollectionAssert.IsSubsetOf(new[] { "Annual percent change (%)", "All reporting States", "n<5 = fewer than 5 years" }, Drawn(charts[3].Files));
    }

    [TestMethod]
    public void ChartBuilder_in_german_writes_numbers_with_a_decimal_comma_and_names_regions_in_german()
    {
        var german = Rendered.Value[Language.De];

        var share = Drawn(german[1].Files);
        CollectionAssert.Contains(share, "50\u00A0%");
        CollectionAssert.Contains(share, "Osteuropa");
        CollectionAssert.Contains(Drawn(german[0].Files), "OSZE (eigene Skala)");
        var heatmap = german[2].Chart;
        CollectionAssert.Contains(heatmap.LegendEntries.ToList(), "80 bis 100\u00A0%");
        Assert.AreEqual("Quelle: Meldungen nach Ziffer 23 von 57 meldenden Staaten. Datenstand: 2026-01-15. c: gesperrt (Fallzahl unter 5 oder zu deren Schutz). Anteile je Staat bei Gesamtzahlen ab 30 gezeigt.", heatmap.SourceNote);

        // A trend axis with half-percent ticks shows the decimal comma.
        var apc = new Linkage.Analyse.AnnualPercentChange(0, 0, 0, 1, 0.4, -0.6, 1.3, 11);
        var trend = new Linkage.Analyse.TrendRow("Western Europe", Measure.Children, Series.Total, "all", 2010, 2020, 11, apc, null, null, string.Empty);
        var chart = ChartBuilder.Build(new ChartInput([], [trend], [], Measure.Children, 5, null) { Language = Language.De })[3];
        var ticks = Drawn(ChartRenderer.Render(chart));
        Assert.Contains("0,5", ticks, string.Join("|", ticks));
        Assert.IsFalse(ticks.Any(t => t.Contains("0.5", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void ChartBuilder_shows_the_regions_of_a_user_map_as_given_in_every_language()
    {
        var regions = RegionMap.FromEntries([new("FRA", "Eastern Europe", "t"), new("DEU", "Alpine", "t"), new("ITA", "Alpine", "t")], Geography.BuiltIn, out _);
        var stats = StatisticsRunner.Run(Obs("FRA 2019 internal 40\nDEU 2019 internal 30\nITA 2019 unknown 50\nFRA 2020 internal 45\n", regions), regions, StatisticsOptions.Default);

        foreach (var language in Languages.All)
        {
            var input = new ChartInput(stats.Regional, stats.Trends, [], Measure.Children, 5, null) { Language = language, DefaultRegionMap = false };
            var figure = ChartBuilder.Build(input)[0].Compose(Standard);
            var titles = figure.Plots.Select(p => p.Plot.Axes.Title.Label.Text).Where(t => t.Length > 0).ToList();
            var osce = new RegionNames(TextCatalogue.For(language), false).Show("OSCE");

            CollectionAssert.AreEqual(new[] { "Alpine", "Eastern Europe", TextCatalogue.For(language).Format("chart.osce-own-scale", ("osce", osce)) }, titles, language.Code());
        }
    }

    private static void AssertGlyphs(SKFont font, IReadOnlyList<char> characters, string name)
    {
        var missing = characters.Where(c => font.GetGlyphs(c.ToString())[0] == 0).ToList();
        Assert.IsEmpty(missing, $"{name} has no glyph for: {string.Join(" ", missing.Select(c => $"U+{(int)c:X4}"))}");
    }

    /// <summary>The dark pixels, and all pixels, of the title area: the top 30 CSS pixels, left 60 % of the PNG.</summary>
    private static (int Ink, byte[] Pixels) TitleArea(byte[] png)
    {
        using var bitmap = SKBitmap.Decode(png);
        var (width, height) = ((int)(bitmap.Width * 0.6), ChartRenderer.Pixels(30));
        var pixels = new byte[width * height];
        var ink = 0;
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                var luma = (byte)(((c.Red * 299) + (c.Green * 587) + (c.Blue * 114)) / 1000);
                pixels[(y * width) + x] = luma;
                ink += luma < 100 ? 1 : 0;
            }
        }

        return (ink, pixels);
    }

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex StateCode();
}
