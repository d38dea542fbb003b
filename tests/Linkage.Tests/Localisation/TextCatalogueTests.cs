using System.Text.RegularExpressions;

using Linkage.Localisation;

namespace Linkage.Tests.Localisation;

/// <summary>
/// The language files: complete (every language has exactly English's keys and, in each text, the same placeholders),
/// strict (a missing key or value is an error, never English), and written as the language writes numbers.
/// </summary>
[TestClass]
public sealed partial class TextCatalogueTests
{
    private static readonly TextCatalogue English = TextCatalogue.For(Language.En);

    private static IEnumerable<TextCatalogue> Translations => Languages.All.Where(l => l != Language.En).Select(TextCatalogue.For);

    [TestMethod]
    public void TextCatalogue_of_every_language_has_exactly_the_keys_of_english()
    {
        Assert.IsGreaterThan(120, English.Keys.Count, "the English file is loaded whole");
        foreach (var texts in Translations)
        {
            var missing = English.Keys.Except(texts.Keys).ToList();
            var extra = texts.Keys.Except(English.Keys).ToList();
            Assert.IsEmpty(missing, $"{texts.Language.Code()}.json lacks: {string.Join(", ", missing)}");
            Assert.IsEmpty(extra, $"{texts.Language.Code()}.json has keys English has not: {string.Join(", ", extra)}");
        }
    }

    [TestMethod]
    public void TextCatalogue_of_every_language_has_the_placeholders_of_english_in_each_text()
    {
        Assert.IsTrue(English.Keys.Any(k => TextCatalogue.Placeholders(English.Template(k)).Count >= 3), "some texts have several placeholders");
        foreach (var texts in Translations)
        {
            foreach (var key in English.Keys)
            {
                var expected = TextCatalogue.Placeholders(English.Template(key)).Order(StringComparer.Ordinal).ToList();
                var actual = TextCatalogue.Placeholders(texts.Template(key)).Order(StringComparer.Ordinal).ToList();
                CollectionAssert.AreEqual(expected, actual, $"{texts.Language.Code()}.json, '{key}': {texts.Template(key)}");
            }
        }
    }

    [TestMethod]
    public void TextCatalogue_throws_naming_the_key_and_file_when_a_text_is_missing_instead_of_showing_english()
    {
        var french = TextCatalogue.For(Language.Fr);

        var ex = Assert.ThrowsExactly<KeyNotFoundException>(() => french["chart.no-such-text"]);

        Assert.AreEqual("There is no text 'chart.no-such-text' in fr.json.", ex.Message);
    }

    [TestMethod]
    public void TextCatalogue_Format_fills_placeholders_in_the_translation_order_and_refuses_a_missing_or_unused_value()
    {
        var russian = TextCatalogue.For(Language.Ru);

        // The Russian text puts the years before the number of States, the English one after.
        Assert.AreEqual(
            "Данные по пункту 23 за 2010–2025; государств-участников, представивших данные: 57.",
            russian.Format("report.intro", ("states", "57"), ("years", "2010–2025")));
        Assert.AreEqual("Paragraph-23 data of 57 reporting participating States, 2010–2025.", English.Format("report.intro", ("states", "57"), ("years", "2010–2025")));
        var missing = Assert.ThrowsExactly<InvalidOperationException>(() => English.Format("report.intro", ("states", "57")));
        StringAssert.Contains(missing.Message, "{years}");
        var unused = Assert.ThrowsExactly<InvalidOperationException>(() => English.Format("report.intro", ("states", "57"), ("years", "x"), ("k", "5")));
        StringAssert.Contains(unused.Message, "{k}");
        Assert.ThrowsExactly<InvalidOperationException>(() => English["report.intro"], "a text with placeholders is not read whole");
    }

    [TestMethod]
    public void TextCatalogue_of_every_language_other_than_english_writes_a_decimal_comma_a_space_between_thousands_and_a_non_breaking_space_before_percent()
    {
        Assert.AreEqual(".", English["number.decimal"]);
        Assert.AreEqual(",", English["number.group"]);
        foreach (var texts in Translations)
        {
            var code = texts.Language.Code();
            Assert.AreEqual(",", texts["number.decimal"], code);
            Assert.AreEqual("\u00A0", texts["number.group"], $"{code}: U+00A0, which every candidate chart font has (Liberation Sans has no U+202F)");
            foreach (var key in texts.Keys)
            {
                var text = texts.Template(key);
                Assert.IsFalse(text.Contains(" %", StringComparison.Ordinal), $"{code}.json, '{key}': a breakable space before % in '{text}'");
                Assert.IsFalse(EnglishNumber().IsMatch(text), $"{code}.json, '{key}': an English number in '{text}'");
            }
        }
    }

    [TestMethod]
    public void TextCatalogue_of_russian_writes_every_text_that_has_letters_in_cyrillic()
    {
        var russian = TextCatalogue.For(Language.Ru);

        foreach (var key in russian.Keys)
        {
            var text = Placeholder().Replace(russian.Template(key), string.Empty);
            if (text.Any(char.IsLetter))
            {
                Assert.IsTrue(text.Any(IsCyrillic), $"ru.json, '{key}': '{text}' has no Cyrillic letter");
            }
        }
    }

    [TestMethod]
    public void RegionNames_shows_osce_and_every_m49_sub_region_in_the_language_with_the_un_names()
    {
        CollectionAssert.AreEquivalent(
            new[] { "Northern Europe", "Western Europe", "Southern Europe", "Eastern Europe", "Western Asia", "Central Asia", "Eastern Asia", "Northern America" },
            RegionNames.DefaultRegions.ToList());
        static string Show(Language language, string region) => new RegionNames(TextCatalogue.For(language), defaultMap: true).Show(region);

        // The official UN M49 names in French, Russian and Spanish.
        Assert.AreEqual("Europe orientale", Show(Language.Fr, "Eastern Europe"));
        Assert.AreEqual("Восточная Европа", Show(Language.Ru, "Eastern Europe"));
        Assert.AreEqual("Europa oriental", Show(Language.Es, "Eastern Europe"));
        Assert.AreEqual("Osteuropa", Show(Language.De, "Eastern Europe"));
        Assert.AreEqual("Europa orientale", Show(Language.It, "Eastern Europe"));
        Assert.AreEqual("OSZE", Show(Language.De, "OSCE"));
        Assert.AreEqual("ОБСЕ", Show(Language.Ru, "OSCE"));
        Assert.AreEqual("OSCE", Show(Language.Fr, "OSCE"));
        foreach (var region in RegionNames.DefaultRegions)
        {
            Assert.AreEqual(region, Show(Language.En, region));
            foreach (var language in Languages.All.Where(l => l != Language.En))
            {
                Assert.AreNotEqual(region, Show(language, region), $"{language.Code()}: {region}");
            }
        }
    }

    [TestMethod]
    public void RegionNames_shows_the_regions_of_a_user_map_as_given_and_osce_in_the_language()
    {
        var french = new RegionNames(TextCatalogue.For(Language.Fr), defaultMap: false);
        var russianDefault = new RegionNames(TextCatalogue.For(Language.Ru), defaultMap: true);

        Assert.AreEqual("Eastern Europe", french.Show("Eastern Europe"), "a user's region is a proper name, even when spelled like an M49 one");
        Assert.AreEqual("Alpine", french.Show("Alpine"));
        Assert.AreEqual("OSCE", french.Show("OSCE"));
        Assert.AreEqual("ОБСЕ", new RegionNames(TextCatalogue.For(Language.Ru), defaultMap: false).Show("OSCE"));
        Assert.AreEqual("Alpine", russianDefault.Show("Alpine"), "a name outside M49 is never looked up");
    }

    [TestMethod]
    public void Languages_reads_the_six_codes_in_any_case_and_nothing_else()
    {
        CollectionAssert.AreEqual(new[] { "en", "fr", "de", "it", "ru", "es" }, Languages.All.Select(l => l.Code()).ToArray());
        Assert.AreEqual(Languages.CodeList, string.Join(", ", Languages.All.Select(l => l.Code())));
        Assert.IsTrue(Languages.TryParse("RU", out var ru));
        Assert.AreEqual(Language.Ru, ru);
        Assert.IsTrue(Languages.TryParse(" de ", out var de));
        Assert.AreEqual(Language.De, de);
        foreach (var bad in new[] { "xx", "", "eng", "ru-RU", "english", null })
        {
            Assert.IsFalse(Languages.TryParse(bad, out _), bad ?? "null");
        }
    }

    private static bool IsCyrillic(char c) => c is >= '\u0400' and <= '\u04FF';

    /// <summary>A number written the English way: 1,234 or 5.5 (digits around a comma or a point).</summary>
    [GeneratedRegex(@"\d[.,]\d")]
    private static partial Regex EnglishNumber();

    [GeneratedRegex(@"\{[a-z0-9-]+\}")]
    private static partial Regex Placeholder();
}
