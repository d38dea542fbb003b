using Linkage.Model;
using Linkage.Normalise;

using static Linkage.Tests.Pipeline.PipelineTestKit;

namespace Linkage.Tests.Normalise;

[TestClass]
public sealed class PeriodParserTests
{
    [TestMethod]
    [DataRow("2019", "2019", PeriodKind.Year, 0)]
    [DataRow(" 2019 ", "2019", PeriodKind.Year, 0)]
    [DataRow("2019.0", "2019", PeriodKind.Year, 0)]
    [DataRow("2019-Q3", "2019-Q3", PeriodKind.Quarter, 3)]
    [DataRow("2019Q3", "2019-Q3", PeriodKind.Quarter, 3)]
    [DataRow("2019 q1", "2019-Q1", PeriodKind.Quarter, 1)]
    [DataRow("2019-07", "2019-07", PeriodKind.Month, 7)]
    [DataRow("2019-7", "2019-07", PeriodKind.Month, 7)]
    [DataRow("2019-M07", "2019-07", PeriodKind.Month, 7)]
    [DataRow("1990", "1990", PeriodKind.Year, 0)]
    [DataRow("2027", "2027", PeriodKind.Year, 0)]
    public void PeriodParser_reads_years_quarters_and_months(string raw, string canonical, PeriodKind kind, int part)
    {
        InEachCulture(culture =>
        {
            Assert.IsTrue(PeriodParser.TryParse(raw, MaxYear, out var period, out var error), $"{raw} under '{culture}': {error}");
            Assert.AreEqual(canonical, period.ToString(), culture);
            Assert.AreEqual(kind, period.Kind, culture);
            Assert.AreEqual(part, period.Part, culture);
            Assert.AreEqual(int.Parse(canonical[..4], System.Globalization.CultureInfo.InvariantCulture), period.Year, culture);
        });
    }

    [TestMethod]
    [DataRow("1989")]
    [DataRow("2028")]
    [DataRow("2028-Q1")]
    [DataRow("1985-07")]
    public void PeriodParser_rejects_a_year_outside_the_range_and_names_the_range(string raw)
    {
        InEachCulture(culture =>
        {
            Assert.IsFalse(PeriodParser.TryParse(raw, MaxYear, out _, out var error), culture);
            Assert.AreEqual("a year from 1990 to 2027", error, culture);
        });
    }

    [TestMethod]
    public void PeriodParser_takes_the_latest_year_from_the_caller()
    {
        Assert.IsTrue(PeriodParser.TryParse("2031", 2031, out _, out _));
        Assert.IsFalse(PeriodParser.TryParse("2032", 2031, out _, out var error));
        Assert.AreEqual("a year from 1990 to 2031", error);
    }

    [TestMethod]
    [DataRow("2019-Q5", "a quarter from Q1 to Q4")]
    [DataRow("2019-Q0", "a quarter from Q1 to Q4")]
    [DataRow("2019-13", "a month from 01 to 12")]
    [DataRow("2019-00", "a month from 01 to 12")]
    [DataRow("2019-M13", "a month from 01 to 12")]
    [DataRow("19", "a period written YYYY, YYYY-Qn or YYYY-MM")]
    [DataRow("2019/2020", "a period written YYYY, YYYY-Qn or YYYY-MM")]
    [DataRow("year 2019", "a period written YYYY, YYYY-Qn or YYYY-MM")]
    [DataRow("", "a period written YYYY, YYYY-Qn or YYYY-MM")]
    public void PeriodParser_rejects_impossible_quarters_months_and_shapes(string raw, string expected)
    {
        InEachCulture(culture =>
        {
            Assert.IsFalse(PeriodParser.TryParse(raw, MaxYear, out _, out var error), culture);
            Assert.AreEqual(expected, error, culture);
        });
    }

    [TestMethod]
    [DataRow("3", PeriodKind.Quarter, "2019-Q3")]
    [DataRow("Q2", PeriodKind.Quarter, "2019-Q2")]
    [DataRow("q4", PeriodKind.Quarter, "2019-Q4")]
    [DataRow("07", PeriodKind.Month, "2019-07")]
    [DataRow("M11", PeriodKind.Month, "2019-11")]
    [DataRow("", PeriodKind.Quarter, "2019")]
    public void PeriodParser_refines_a_year_with_a_separate_quarter_or_month(string raw, PeriodKind kind, string expected)
    {
        InEachCulture(culture =>
        {
            Assert.IsTrue(PeriodParser.TryRefine(Period.OfYear(2019), raw, kind, out var period, out var error), $"{raw}: {error}");
            Assert.AreEqual(expected, period.ToString(), culture);
        });
    }

    [TestMethod]
    [DataRow("5", PeriodKind.Quarter, "a quarter from 1 to 4")]
    [DataRow("Q0", PeriodKind.Quarter, "a quarter from 1 to 4")]
    [DataRow("13", PeriodKind.Month, "a month from 1 to 12")]
    [DataRow("July", PeriodKind.Month, "a month from 1 to 12")]
    public void PeriodParser_rejects_a_quarter_or_month_out_of_range(string raw, PeriodKind kind, string expected)
    {
        Assert.IsFalse(PeriodParser.TryRefine(Period.OfYear(2019), raw, kind, out _, out var error));
        Assert.AreEqual(expected, error);
    }

    [TestMethod]
    public void PeriodParser_refuses_to_refine_a_period_that_is_already_a_quarter()
    {
        Assert.IsFalse(PeriodParser.TryRefine(new Period(2019, PeriodKind.Quarter, 1), "2", PeriodKind.Quarter, out _, out var error));
        Assert.AreEqual("a year in the period column when a separate quarter or month column is given", error);
    }

    [TestMethod]
    public void PeriodParser_quarter_column_refines_the_year_column_of_a_file()
    {
        var run = RunText("q.csv", "country,year,quarter,internal\nFRA,2019,3,4\nFRA,2019,Q4,5\nFRA,2019,7,6\nFRA,2020,,7\n");

        AssertAccounting(run, read: 4, rejected: 1);
        AssertObservations(run, "FRA 2019-Q3 children internal 4", "FRA 2019-Q4 children internal 5", "FRA 2020 children internal 7");
        var reject = AssertRejected(run, 4, "bad-period");
        Assert.AreEqual("quarter", reject.Column);
        Assert.AreEqual("File 'q.csv', row 4, column 'quarter' has '7': not a usable period; expected a quarter from 1 to 4.", reject.Message);
    }

    [TestMethod]
    public void PeriodParser_range_is_named_in_the_reject_of_a_file()
    {
        InEachCulture(_ =>
        {
            var run = RunText("y.csv", "country;year;internal\nFRA;1989;1\nFRA;2028;2\nFRA;2027;3\nFRA;2019-Q5;4\nFRA;2019-13;5\n");

            AssertAccounting(run, read: 5, rejected: 4);
            AssertObservations(run, "FRA 2027 children internal 3");
            Assert.AreEqual("File 'y.csv', row 2, column 'year' has '1989': not a usable period; expected a year from 1990 to 2027.", AssertRejected(run, 2, "bad-period").Message);
            Assert.AreEqual("File 'y.csv', row 3, column 'year' has '2028': not a usable period; expected a year from 1990 to 2027.", AssertRejected(run, 3, "bad-period").Message);
            Assert.Contains("a quarter from Q1 to Q4", AssertRejected(run, 5, "bad-period").Message);
            Assert.Contains("a month from 01 to 12", AssertRejected(run, 6, "bad-period").Message);
        });
    }
}
