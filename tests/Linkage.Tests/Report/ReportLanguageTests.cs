using System.Text.RegularExpressions;

using Linkage.Analyse;
using Linkage.Config;
using Linkage.Localisation;
using Linkage.Pipeline;
using Linkage.Protect;
using Linkage.Recognise;
using Linkage.Reconcile;
using Linkage.Render;
using Linkage.Report;
using Linkage.Tests.Render;

using static Linkage.Tests.Aggregate.StatsKit;

namespace Linkage.Tests.Report;

/// <summary>The report of the synthetic sample (57 States, 2010–2025, eight submissions) in every language.</summary>
[TestClass]
public sealed partial class ReportLanguageTests
{
    private static readonly Lazy<Dictionary<Language, IReadOnlyList<ReportBlock>>> Reports = new(() => Languages.All.ToDictionary(l => l, Build));

    private static IReadOnlyList<ReportBlock> Build(Language language)
    {
        var stats = RenderKit.Stats;
        var states = StateCompleteness.Build(stats.Aggregate.States, stats.Protection.MinCell);
        return ReportBuilder.Build(new ReportInput(stats, RenderKit.Pipeline, states, [], new DateOnly(2026, 1, 15)) { Language = language });
    }

    /// <summary>Every text of the report: headings, paragraphs, list items, captions, column headers and cells.</summary>
    private static IEnumerable<string> Texts(IReadOnlyList<ReportBlock> blocks) => blocks.SelectMany(b => b switch
    {
        Heading h => [h.Text],
        Paragraph p => [p.Text],
        BulletList l => l.Items,
        Table t => [t.Caption, .. t.Columns, .. t.Rows.SelectMany(r => r)],
        Figure f => [f.Caption],
        _ => Array.Empty<string>(),
    });

    [TestMethod]
    public void ReportBuilder_in_every_language_shows_no_true_value_of_a_withheld_count_in_any_form_of_number()
    {
        // None of the hidden values may appear in the report as the language groups it (1 234), as English does (1,234) or bare.
        var stats = WithheldKit.Stats;
        var states = StateCompleteness.Build(stats.Aggregate.States, stats.Protection.MinCell);
        var values = WithheldKit.HiddenValues();
        var published = stats.Regional.First(r => !r.Withheld && r.IsCount && r.Value >= 1000);

        foreach (var language in Languages.All)
        {
            var numbers = TextCatalogue.For(language).Numbers;
            var blocks = ReportBuilder.Build(new ReportInput(stats, RenderKit.Pipeline, states, [], null) { Language = language });
            var text = string.Join("\n", Texts(blocks));
            Assert.Contains(numbers.Count((long)published.Value!.Value), text, $"{language.Code()}: a published count is shown as the search below writes it");
            foreach (var value in values)
            {
                Assert.DoesNotMatchRegex(WithheldKit.Shown(value, language), text, $"{language.Code()}: the true value {value} of a withheld count is in the report");
            }
        }
    }

    [TestMethod]
    public void ReportBuilder_writes_no_heading_caption_paragraph_or_list_item_in_english_in_another_language()
    {
        var english = Reports.Value[Language.En];
        var englishHeadings = english.OfType<Heading>().Select(h => h.Text).ToList();
        Assert.Contains("Regional table: children", englishHeadings);

        foreach (var language in Languages.All.Where(l => l != Language.En))
        {
            var blocks = Reports.Value[language];
            var headings = blocks.OfType<Heading>().Select(h => h.Text).ToList();
            Assert.HasCount(englishHeadings.Count, headings, language.Code());
            for (var i = 0; i < headings.Count; i++)
            {
                Assert.AreNotEqual(englishHeadings[i], headings[i], $"{language.Code()}: heading {i} is English");
            }

            // Sentences and captions are never the English ones (table cells and column headers may be names or
            // words spelled alike, such as "Total" in Spanish, and are not compared).
            var prose = blocks.SelectMany(b => b switch
            {
                Paragraph p => [p.Text],
                BulletList l => l.Items,
                Table t => [t.Caption],
                _ => Array.Empty<string>(),
            }).ToList();
            var englishProse = english.SelectMany(b => b switch
            {
                Paragraph p => [p.Text],
                BulletList l => l.Items,
                Table t => [t.Caption],
                _ => Array.Empty<string>(),
            }).ToHashSet(StringComparer.Ordinal);
            Assert.IsGreaterThan(20, prose.Count);
            var leaks = prose.Where(englishProse.Contains).ToList();
            Assert.IsEmpty(leaks, $"{language.Code()}: {string.Join(" | ", leaks)}");
        }
    }

    [TestMethod]
    public void ReportBuilder_writes_numbers_with_the_separators_of_the_language()
    {
        var english = MarkdownReport.Write(Reports.Value[Language.En]);
        StringAssert.Matches(english, GroupedEnglish(), "the English report groups thousands with a comma (3,005 rows read)");
        StringAssert.Matches(english, DecimalPoint());

        foreach (var language in Languages.All.Where(l => l != Language.En))
        {
            var md = MarkdownReport.Write(Reports.Value[language]);
            StringAssert.Matches(md, GroupedSpace(), $"{language.Code()}: thousands grouped with a no-break space");
            StringAssert.Matches(md, DecimalComma(), $"{language.Code()}: a decimal comma");
            StringAssert.DoesNotMatch(md, DecimalPoint(), $"{language.Code()}: a decimal point");
            Assert.DoesNotContain(" %", md, $"{language.Code()}: a breakable space before %");
            StringAssert.Contains(md, "\u00A0%");
        }

        var french = Texts(Reports.Value[Language.Fr]).ToList();
        var files = Reports.Value[Language.Fr].OfType<Table>().Single(t => t.Caption.StartsWith("Fichiers lus", StringComparison.Ordinal));
        Assert.AreEqual("3\u00A0005", files.Rows.Single(r => r[0] == "05-records-es.txt")[1], "the records file's rows read, as a French reader writes them");
        Assert.Contains("Données au 2026-01-15.", string.Join(" ", french), "the date stays ISO 8601");
    }

    [TestMethod]
    public void ReportBuilder_names_regions_and_osce_in_the_language_and_keeps_state_codes()
    {
        var russian = Reports.Value[Language.Ru];
        var regional = russian.OfType<Table>().First();

        CollectionAssert.AreEqual(
            new[] { "Центральная Азия", "Восточная Азия", "Восточная Европа", "Северная Америка", "Северная Европа", "Южная Европа", "Западная Азия", "Западная Европа", "ОБСЕ" },
            regional.Rows.Select(r => r[0]).ToArray(),
            "in the order of the English names, so each language's table has its rows in the same places");
        var completeness = russian.OfType<Table>().First(t => t.Caption.StartsWith("Полнота", StringComparison.Ordinal));
        Assert.AreEqual("ALB", completeness.Rows[0][0]);
        Assert.AreEqual("Государство", completeness.Columns[0]);
    }

    [TestMethod]
    public void ReportBuilder_shows_the_regions_of_a_user_map_as_given()
    {
        var regions = RegionMap.FromEntries([new("FRA", "Eastern Europe", "t"), new("DEU", "Alpine", "t"), new("ITA", "Alpine", "t")], Geography.BuiltIn, out _);
        var stats = StatisticsRunner.Run(Obs("FRA 2019 internal 40\nDEU 2019 internal 30\nITA 2019 unknown 50\n", regions), regions, StatisticsOptions.Default);
        var pipeline = new PipelineResult([], [], [], 0, new Dictionary<string, long>());

        var blocks = ReportBuilder.Build(new ReportInput(stats, pipeline, [], [], null) { Language = Language.De, DefaultRegionMap = false });

        CollectionAssert.AreEqual(new[] { "Alpine", "Eastern Europe", "OSZE" }, blocks.OfType<Table>().First().Rows.Select(r => r[0]).ToArray());
    }

    [TestMethod]
    public void HtmlReport_declares_the_language_of_the_report()
    {
        foreach (var language in Languages.All)
        {
            var html = HtmlReport.Write(Reports.Value[language], language.Code());

            StringAssert.Contains(html, $"<html lang=\"{language.Code()}\">");
        }
    }

    [TestMethod]
    public void ReportBuilder_in_english_writes_the_sentences_it_always_wrote()
    {
        var blocks = Reports.Value[Language.En];

        StringAssert.StartsWith(((Paragraph)blocks[1]).Text, "Paragraph-23 data of 57 reporting participating States, 2010–2025. Data as of 2026-01-15. Counts of 1 to 4 are suppressed and shown as “c”");
        var key = blocks.OfType<BulletList>().First().Items[0];
        StringAssert.Matches(key, KeyFigure(), key);
        var trend = blocks.OfType<Table>().First(t => t.Caption == "Children: annual percent change, all reporting States and consistent panel");
        CollectionAssert.AreEqual(new[] { "Region", "Series", "APC, all (95 % CI)", "Years", "Mann–Kendall p", "APC, panel (95 % CI)", "Panel years" }, trend.Columns.ToArray());
        Assert.IsTrue(trend.Rows.Any(r => ApcCell().IsMatch(r[2])), "an APC like +8.1 % (+6.7 to +9.6)");
        Assert.AreEqual("Methods", blocks.OfType<Heading>().Last().Text);
    }

    [TestMethod]
    public void ReportBuilder_writes_the_same_report_in_a_language_whatever_the_current_culture()
    {
        foreach (var language in Languages.All)
        {
            var md = MarkdownReport.Write(Reports.Value[language]);
            var html = HtmlReport.Write(Reports.Value[language], language.Code());
            Linkage.Tests.Pipeline.PipelineTestKit.InEachCulture(culture =>
            {
                var blocks = Build(language);
                Assert.AreEqual(md, MarkdownReport.Write(blocks), $"{language.Code()} under '{culture}'");
                Assert.AreEqual(html, HtmlReport.Write(blocks, language.Code()), $"{language.Code()} under '{culture}'");
            });
        }
    }

    [GeneratedRegex(@"\d,\d{3}(?!\d)")]
    private static partial Regex GroupedEnglish();

    [GeneratedRegex(@"\d\u00A0\d{3}(?!\d)")]
    private static partial Regex GroupedSpace();

    [GeneratedRegex(@"\d\.\d")]
    private static partial Regex DecimalPoint();

    [GeneratedRegex(@"\d,\d")]
    private static partial Regex DecimalComma();

    [GeneratedRegex(@"^Children, 2025: [\d,]+ in \d+ reporting States; paragraph-23 status recorded for \d+\.\d % \(\d+\.\d–\d+\.\d\); of those, trafficked \d+\.\d % \(\d+\.\d–\d+\.\d\); of the trafficked, internationally \d+\.\d % \(\d+\.\d–\d+\.\d\)\.$")]
    private static partial Regex KeyFigure();

    [GeneratedRegex(@"^[+−]?\d+\.\d % \([+−]?\d+\.\d to [+−]?\d+\.\d\)$")]
    private static partial Regex ApcCell();
}
