using Linkage.Analyse;
using Linkage.Localisation;
using Linkage.Tests.TestSupport;

namespace Linkage.Tests.Localisation;

[TestClass]
public sealed class NumberTextTests
{
    private static readonly AnnualPercentChange Apc = new(0.078, 0.007, 10, 1, 8.14, 6.66, 9.55, 12);

    [TestMethod]
    public void NumberText_in_english_writes_invariant_numbers_as_the_report_always_did()
    {
        var en = NumberText.English;

        Assert.AreEqual("1,234,567", en.Count(1234567));
        Assert.AreEqual("1234567", en.Whole(1234567));
        Assert.AreEqual("58.4 %", en.Percent(0.5843));
        Assert.AreEqual("58.4 % (52.3–64.2)", en.Share(0.5843, new Interval(0.5231, 0.6419)));
        Assert.AreEqual("+8.1 % (+6.7 to +9.6)", en.Apc(Apc));
        Assert.AreEqual("−2.0", en.WithSign(-1.96));
        Assert.AreEqual("<0.001", en.P(0.0004));
        Assert.AreEqual("0.042", en.P(0.0421));
        Assert.AreEqual("-2.5", en.Format(-2.5, "0.##"));
        Assert.AreEqual("–", en.Count(null));
    }

    [TestMethod]
    public void NumberText_in_french_german_and_russian_writes_a_decimal_comma_and_spaces_between_thousands()
    {
        var fr = TextCatalogue.For(Language.Fr).Numbers;
        var de = TextCatalogue.For(Language.De).Numbers;
        var ru = TextCatalogue.For(Language.Ru).Numbers;

        Assert.AreEqual("1\u00A0234\u00A0567", fr.Count(1234567));
        Assert.AreEqual("1\u00A0234", de.Count(1234), "not 1.234, which an English reader takes for one and a bit");
        Assert.AreEqual("2025", de.Whole(2025), "years and axis ticks are not grouped");
        Assert.AreEqual("58,4\u00A0%", fr.Percent(0.5843));
        Assert.AreEqual("58,4\u00A0% (52,3–64,2)", de.Share(0.5843, new Interval(0.5231, 0.6419)));
        Assert.AreEqual("+8,1\u00A0% (+6,7 à +9,6)", fr.Apc(Apc));
        Assert.AreEqual("+8,1\u00A0% (+6,7 bis +9,6)", de.Apc(Apc));
        Assert.AreEqual("+8,1\u00A0% (от +6,7 до +9,6)", ru.Apc(Apc));
        Assert.AreEqual("<0,001", ru.P(0.0004));
        Assert.AreEqual("-2,5", de.Format(-2.5, "0.##"));
    }

    [TestMethod]
    public void NumberText_writes_the_same_text_whatever_the_current_culture()
    {
        var expected = Languages.All.Select(Sample).ToList();

        foreach (var culture in new[] { "de-DE", "tr-TR", "fr-FR", "ru-RU", "ar-SA" })
        {
            using (new CultureScope(culture))
            {
                CollectionAssert.AreEqual(expected, Languages.All.Select(Sample).ToList(), culture);
            }
        }
    }

    private static string Sample(Language language)
    {
        var n = TextCatalogue.For(language).Numbers;
        return string.Join('|', n.Count(1234567), n.Percent(0.5843), n.Apc(Apc), n.P(0.0421), n.Format(-2.5, "0.##"), n.Years(2010, 2025));
    }
}
