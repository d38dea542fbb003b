using Linkage.Model;
using Linkage.Normalise;

using static Linkage.Tests.Pipeline.PipelineTestKit;

namespace Linkage.Tests.Normalise;

[TestClass]
public sealed class RecordDateTests
{
    private const string Header = "country,date of identification,trafficking\n";

    [TestMethod]
    [DataRow("2019-03-04")]
    [DataRow("2019-3-4")]
    [DataRow("04.03.2019")]
    [DataRow("4.3.2019")]
    [DataRow("2019-03-04 00:00:00")]
    [DataRow("2019-03-04T10:30:00")]
    public void DateParser_reads_unambiguous_dates(string raw)
    {
        InEachCulture(culture =>
        {
            Assert.IsTrue(DateParser.TryParse(raw, out var cell), culture);
            Assert.IsFalse(cell.IsSlash);
            Assert.AreEqual(2019, cell.Year);
            Assert.IsTrue(cell.IsValid(DateOrder.Auto));
        });
    }

    [TestMethod]
    [DataRow("25/12/2019", DateOrder.DayFirst)]
    [DataRow("12/25/2019", DateOrder.MonthFirst)]
    [DataRow("03/04/2019", DateOrder.Auto)]
    [DataRow("12/12/2019", DateOrder.Auto)]
    public void DateParser_tells_what_a_slash_date_says_about_the_day_month_order(string raw, DateOrder evidence)
    {
        Assert.IsTrue(DateParser.TryParse(raw, out var cell));
        Assert.IsTrue(cell.IsSlash);
        Assert.AreEqual(evidence, cell.Evidence);
    }

    [TestMethod]
    [DataRow("2019-02-30")]
    [DataRow("31.04.2019")]
    [DataRow("13/13/2019")]
    [DataRow("yesterday")]
    [DataRow("2019")]
    [DataRow("")]
    public void DateParser_rejects_what_is_not_a_calendar_date(string raw)
    {
        Assert.IsFalse(DateParser.TryParse(raw, out _));
    }

    [TestMethod]
    public void Records_read_iso_and_dotted_dates_as_the_year_of_the_case()
    {
        var run = RunText("d.csv", Header + "FRA,2019-03-04,internal\nFRA,04.03.2020,international\nFRA,31.12.2020,international\n");

        AssertAccounting(run, read: 3, rejected: 0);
        AssertObservations(run, "FRA 2019 children internal 1", "FRA 2020 children international 2");
    }

    [TestMethod]
    public void Records_settle_slash_dates_by_a_day_above_12_including_rows_before_it()
    {
        var run = RunText(
            "d.csv",
            Header
            + "FRA,03/04/2019,internal\n"     // line 2: ambiguous, held back
            + "FRA,05/06/2019,internal\n"     // line 3: ambiguous, held back
            + "FRA,25/12/2020,internal\n"     // line 4: day 25 settles day-first
            + "FRA,01/02/2021,international\n" // line 5: read day-first
            + "FRA,12/25/2021,international\n"); // line 6: contradicts day-first

        AssertAccounting(run, read: 5, rejected: 1);
        AssertObservations(run, "FRA 2019 children internal 2", "FRA 2020 children internal 1", "FRA 2021 children international 1");
        CollectionAssert.AreEqual(new[] { 2, 3 }, run.Get("FRA", "2019", LinkageCategory.Internal).Source.Lines.Lines().ToList());
        var reject = AssertRejected(run, 6, "bad-date");
        Assert.AreEqual("File 'd.csv', row 6, column 'date of identification' has '12/25/2021': not a valid date in the dd/mm/yyyy order that the file's other dates use; check the value or pass --date-format.", reject.Message);
        AssertEveryLinePlaced(run, 2, 3, 4, 5, 6);
    }

    [TestMethod]
    public void Records_settle_slash_dates_month_first_by_a_second_number_above_12()
    {
        var run = RunText("d.csv", Header + "FRA,03/04/2019,internal\nFRA,12/31/2019,internal\nFRA,31/12/2019,internal\n");

        AssertAccounting(run, read: 3, rejected: 1);
        AssertObservations(run, "FRA 2019 children internal 2");
        Assert.Contains("mm/dd/yyyy", AssertRejected(run, 4, "bad-date").Message);
    }

    [TestMethod]
    public void Records_reject_every_slash_date_when_nothing_in_the_file_settles_the_order()
    {
        var run = RunText("d.csv", Header + "FRA,03/04/2019,internal\nFRA,2019-05-06,internal\nFRA,05/06/2019,international\nFRA,12/12/2020,internal\n");

        AssertAccounting(run, read: 4, rejected: 3);
        AssertObservations(run, "FRA 2019 children internal 1");
        foreach (var line in new[] { 2, 4, 5 })
        {
            var reject = AssertRejected(run, line, "ambiguous-date-order");
            Assert.AreEqual("date of identification", reject.Column);
            Assert.Contains("--date-format", reject.Message);
        }

        Assert.AreEqual(
            "File 'd.csv', row 2, column 'date of identification' has '03/04/2019': a date whose day/month order cannot be told (no value in the file has a day above 12); pass --date-format dmy or --date-format mdy.",
            AssertRejected(run, 2, "ambiguous-date-order").Message);
    }

    [TestMethod]
    [DataRow(DateOrder.DayFirst)]
    [DataRow(DateOrder.MonthFirst)]
    public void Records_read_ambiguous_slash_dates_in_the_order_given_by_the_user(DateOrder order)
    {
        var context = DefaultContext() with { DateOrder = order };
        var run = RunText("d.csv", Header + "FRA,03/04/2019,internal\nFRA,05/06/2019,international\nFRA,12/12/2020,internal\n", context);

        AssertAccounting(run, read: 3, rejected: 0);
        AssertObservations(run, "FRA 2019 children internal 1", "FRA 2019 children international 1", "FRA 2020 children internal 1");
    }

    [TestMethod]
    public void Records_reject_a_date_that_contradicts_the_order_given_by_the_user()
    {
        var context = DefaultContext() with { DateOrder = DateOrder.MonthFirst };
        var run = RunText("d.csv", Header + "FRA,25/12/2019,internal\nFRA,12/25/2019,internal\n", context);

        AssertAccounting(run, read: 2, rejected: 1);
        AssertObservations(run, "FRA 2019 children internal 1");
        Assert.Contains("the mm/dd/yyyy order", AssertRejected(run, 2, "bad-date").Message);
    }

    [TestMethod]
    public void Records_reject_a_date_that_is_not_a_date_or_out_of_range()
    {
        var run = RunText("d.csv", Header + "FRA,2019-02-30,internal\nFRA,last week,internal\nFRA,1985-06-01,internal\nFRA,2030-01-01,internal\nFRA,2019-02-28,internal\n");

        AssertAccounting(run, read: 5, rejected: 4);
        AssertObservations(run, "FRA 2019 children internal 1");
        Assert.AreEqual(
            "File 'd.csv', row 2, column 'date of identification' has '2019-02-30': not a date; expected yyyy-mm-dd, dd.mm.yyyy or dd/mm/yyyy.",
            AssertRejected(run, 2, "bad-date").Message);
        AssertRejected(run, 3, "bad-date");
        Assert.Contains("a year from 1990 to 2027", AssertRejected(run, 4, "bad-period").Message);
        Assert.Contains("a year from 1990 to 2027", AssertRejected(run, 5, "bad-period").Message);
    }
}
