using System.Globalization;

using Linkage.Recognise;

namespace Linkage.Tests.Recognise;

[TestClass]
public sealed class TextFoldTests
{
    [TestMethod]
    [DataRow("COUNTRY", "country")]
    [DataRow("Reporting Country", "reporting country")]
    [DataRow("ГОСУДАРСТВО", "государство")]
    public void TextFold_lowercases_any_case(string text, string expected)
    {
        Assert.AreEqual(expected, TextFold.Fold(text));
    }

    [TestMethod]
    [DataRow("État déclarant", "etat declarant")]
    [DataRow("Ländername", "landername")]
    [DataRow("año", "ano")]
    [DataRow("país de explotación", "pais de explotacion")]
    [DataRow("Отчётный период", "отчетныи период")]
    public void TextFold_removes_accents(string text, string expected)
    {
        Assert.AreEqual(expected, TextFold.Fold(text));
    }

    [TestMethod]
    [DataRow("OBS_VALUE", "obs value")]
    [DataRow("  country-name (ISO)  ", "country name iso")]
    [DataRow("not.trafficked", "not trafficked")]
    [DataRow("k. A.", "k a")]
    [DataRow("state / area", "state area")]
    [DataRow("__", "")]
    [DataRow("   ", "")]
    [DataRow("", "")]
    public void TextFold_turns_punctuation_underscores_and_runs_of_space_into_one_space(string text, string expected)
    {
        Assert.AreEqual(expected, TextFold.Fold(text));
    }

    [TestMethod]
    public void TextFold_returns_empty_for_null()
    {
        Assert.AreEqual(string.Empty, TextFold.Fold(null));
    }

    [TestMethod]
    [DataRow("Straße", "strasse")]
    [DataRow("STRASSE", "strasse")]
    [DataRow("STRAẞE", "strasse")]
    [DataRow("Maßeinheit", "masseinheit")]
    public void TextFold_spells_out_sharp_s(string text, string expected)
    {
        Assert.AreEqual(expected, TextFold.Fold(text));
    }

    [TestMethod]
    public void TextFold_folds_every_turkish_i_the_same_under_the_turkish_culture()
    {
        var culture = CultureInfo.CurrentCulture;
        var uiCulture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("tr-TR");
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("tr-TR");

            Assert.AreEqual("international", TextFold.Fold("INTERNATIONAL"));
            Assert.AreEqual("international", TextFold.Fold("ınternational"));
            Assert.AreEqual("international", TextFold.Fold("İnternational"));
            Assert.AreEqual("international", TextFold.Fold("international"));
            Assert.AreEqual("country", TextFold.Fold("COUNTRY"));
            Assert.AreEqual(ColumnRole.State, Vocabulary.BuiltIn.ReadHeader("COUNTRY").Role);
            Assert.AreEqual(Linkage.Model.LinkageCategory.International, Vocabulary.BuiltIn.ReadLinkage("INTERNATIONAL").Linkage?.Category);
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }

    [TestMethod]
    public void TextFold_gives_the_same_result_under_every_culture()
    {
        string[] samples = ["INTERNATIONAL", "İnternational", "COUNTRY", "TIME_PERIOD", "Straße", "ÉTAT", "ГОД"];
        var invariant = samples.Select(TextFold.Fold).ToList();
        foreach (var name in new[] { "tr-TR", "az-Latn-AZ", "de-DE", "lt-LT", "ru-RU" })
        {
            var culture = CultureInfo.CurrentCulture;
            try
            {
                CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);
                CollectionAssert.AreEqual(invariant, samples.Select(TextFold.Fold).ToList(), name);
            }
            finally
            {
                CultureInfo.CurrentCulture = culture;
            }
        }
    }
}
