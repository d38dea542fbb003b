using Linkage.Normalise;
using Linkage.Recognise;

using static Linkage.Tests.Pipeline.PipelineTestKit;

namespace Linkage.Tests.Normalise;

[TestClass]
public sealed class CountParserTests
{
    private static CellValue Parse(string raw, string culture)
    {
        Assert.IsTrue(CountParser.TryParse(raw, Vocabulary.BuiltIn, out var value, out var error), $"'{raw}' under '{culture}': {error}");
        Assert.IsNull(error);
        return value;
    }

    private static string Fail(string raw, string culture)
    {
        Assert.IsFalse(CountParser.TryParse(raw, Vocabulary.BuiltIn, out var value, out var error), $"'{raw}' under '{culture}' gave {value}");
        Assert.IsNotNull(error);
        return error;
    }

    [TestMethod]
    [DataRow("0", 0L)]
    [DataRow("12", 12L)]
    [DataRow(" 12 ", 12L)]
    [DataRow("12.0", 12L)]
    [DataRow("12,00", 12L)]
    [DataRow("1 234", 1234L)]
    [DataRow("1\u00A0234", 1234L)]
    [DataRow("1\u202F234", 1234L)]
    [DataRow("1'234", 1234L)]
    [DataRow("1,234", 1234L)]
    [DataRow("1.234", 1234L)]
    [DataRow("1,234,567", 1234567L)]
    [DataRow("1.234.567", 1234567L)]
    [DataRow("1 234 567", 1234567L)]
    [DataRow("1,234.00", 1234L)]
    [DataRow("1.234,00", 1234L)]
    public void CountParser_reads_thousands_separator_when_unambiguous(string raw, long expected)
    {
        InEachCulture(culture =>
        {
            var value = Parse(raw, culture);
            Assert.AreEqual(expected, value.Count, culture);
            Assert.AreEqual(string.Empty, value.Flag, culture);
        });
    }

    [TestMethod]
    [DataRow("12 p", 12L, "p")]
    [DataRow("12p", 12L, "p")]
    [DataRow("12e", 12L, "e")]
    [DataRow("12 E", 12L, "e")]
    [DataRow("12 (p)", 12L, "p")]
    [DataRow("12(b)", 12L, "b")]
    [DataRow("12 pe", 12L, "ep")]
    [DataRow("1 234 p", 1234L, "p")]
    public void CountParser_reads_a_footnote_flag_attached_to_the_value(string raw, long expected, string flag)
    {
        InEachCulture(culture =>
        {
            var value = Parse(raw, culture);
            Assert.AreEqual(expected, value.Count, culture);
            Assert.AreEqual(flag, value.Flag, culture);
        });
    }

    [TestMethod]
    [DataRow("NA")]
    [DataRow("na")]
    [DataRow("n/a")]
    [DataRow("N/A")]
    [DataRow("..")]
    [DataRow(":")]
    [DataRow("-")]
    [DataRow("")]
    [DataRow("   ")]
    public void CountParser_reads_missing_markers_as_flag_m(string raw)
    {
        InEachCulture(culture =>
        {
            var value = Parse(raw, culture);
            Assert.IsNull(value.Count, culture);
            Assert.AreEqual("m", value.Flag, culture);
        });
    }

    [TestMethod]
    [DataRow("c")]
    [DataRow("C")]
    [DataRow("x")]
    [DataRow("X")]
    [DataRow("conf")]
    [DataRow("CONF")]
    public void CountParser_reads_confidential_markers_as_flag_c(string raw)
    {
        InEachCulture(culture =>
        {
            var value = Parse(raw, culture);
            Assert.IsNull(value.Count, culture);
            Assert.AreEqual("c", value.Flag, culture);
        });
    }

    [TestMethod]
    [DataRow("1.000", "1")]
    [DataRow("1,000", "1")]
    [DataRow("12.000", "12")]
    public void CountParser_rejects_a_separator_that_could_be_a_decimal_mark(string raw, string small)
    {
        InEachCulture(culture =>
        {
            var error = Fail(raw, culture);
            Assert.Contains($"'{raw}' could be {small} or {small}000", error);
        });
    }

    [TestMethod]
    [DataRow("1.5")]
    [DataRow("1,5")]
    [DataRow("12.25")]
    public void CountParser_rejects_a_fraction(string raw)
    {
        InEachCulture(culture => Assert.AreEqual("a whole number (a count cannot have a fraction)", Fail(raw, culture), culture));
    }

    [TestMethod]
    [DataRow("-3")]
    [DataRow("\u22123")]
    [DataRow("-3 p")]
    public void CountParser_rejects_a_negative_count(string raw)
    {
        InEachCulture(culture => Assert.AreEqual("a non-negative count (negative counts are not possible)", Fail(raw, culture), culture));
    }

    [TestMethod]
    [DataRow("abc")]
    [DataRow("twelve")]
    [DataRow("1O")]
    public void CountParser_rejects_text_that_is_not_a_count(string raw)
    {
        InEachCulture(culture => Assert.AreEqual("a count written with digits (and optional thousands separators)", Fail(raw, culture), culture));
    }

    [TestMethod]
    [DataRow("12 34")]
    [DataRow("1,23,456")]
    [DataRow("1.2.3")]
    public void CountParser_rejects_misplaced_thousands_separators(string raw)
    {
        InEachCulture(culture => Assert.AreEqual("a whole number (groups of three digits between thousands separators)", Fail(raw, culture), culture));
    }

    [TestMethod]
    public void CountParser_rejects_a_count_above_the_largest_possible()
    {
        Assert.AreEqual("a count of at most 1000000000", Fail("1000000001", string.Empty));
        Assert.AreEqual(1_000_000_000L, Parse("1,000,000,000", string.Empty).Count);
    }
}
