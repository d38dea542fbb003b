using Linkage.Normalise;
using Linkage.Recognise;

using static Linkage.Tests.Pipeline.PipelineTestKit;

namespace Linkage.Tests.Normalise;

/// <summary>Digits and characters from outside ASCII reject a cell; they never stop the run.</summary>
[TestClass]
public sealed class UnicodeInputTests
{
    [TestMethod]
    [DataRow("٢٠٢٠", DisplayName = "Arabic-Indic digits")]
    [DataRow("２０２０", DisplayName = "fullwidth digits")]
    [DataRow("२०२०", DisplayName = "Devanagari digits")]
    public void PeriodParser_rejects_a_year_written_in_non_ascii_digits(string year)
    {
        Assert.IsFalse(PeriodParser.TryParse(year, MaxYear, out _, out var error));
        Assert.AreEqual("a period written YYYY, YYYY-Qn or YYYY-MM", error);
    }

    [TestMethod]
    public void DateParser_rejects_a_date_written_in_fullwidth_digits()
    {
        Assert.IsFalse(DateParser.TryParse("２０２０-０１-０５", out _));
        Assert.IsFalse(DateParser.TryParse("05/01/２０２０", out _));
    }

    [TestMethod]
    public void Pipeline_rejects_the_row_with_non_ascii_digits_and_keeps_the_others()
    {
        var run = RunText("u.csv", "country,year,measure,total\nAUT,٢٠٢٠,children,4\nAUT,2021,children,5\n");

        AssertAccounting(run, read: 2, rejected: 1);
        AssertRejected(run, 2, "bad-period");
        AssertObservations(run, "AUT 2021 children unknown 5");
    }

    [TestMethod]
    public void TextFold_treats_a_lone_surrogate_as_a_separator_instead_of_throwing()
    {
        Assert.AreEqual("aut x", TextFold.Fold("AUT\uD800X"));
        Assert.AreEqual("a", TextFold.Fold("\uDC00a"));
        Assert.AreEqual("a b", TextFold.Fold("a\uFFFEb"), "U+FFFE makes string.Normalize throw");
        Assert.AreEqual("a b", TextFold.Fold("A 😀 b"), "a valid surrogate pair is a symbol, folded like punctuation");
    }
}
