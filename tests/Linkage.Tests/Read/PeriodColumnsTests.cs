using Linkage.Read;

using static Linkage.Tests.Pipeline.PipelineTestKit;

namespace Linkage.Tests.Read;

/// <summary>Periods as columns: the header's trailing years or quarters, and Eurostat's TSV cells.</summary>
[TestClass]
public sealed class PeriodColumnsTests
{
    [TestMethod]
    [DataRow("2019", true)]
    [DataRow("2019Q3", true)]
    [DataRow("2019-Q4", true)]
    [DataRow("2019q1", true)]
    [DataRow("2019Q5", false)]
    [DataRow("1899", false)]
    [DataRow("20190", false)]
    [DataRow("iso3", false)]
    [DataRow("2019-03", false)]
    public void A_header_is_a_period_when_it_is_a_year_or_a_quarter_of_one(string header, bool expected) =>
        Assert.AreEqual(expected, PeriodColumnsTable.IsPeriod(header));

    [TestMethod]
    [DataRow("72 ", "72", "", "")]
    [DataRow("81 p", "81", "p", "")]
    [DataRow("40 e", "40", "e", "")]
    [DataRow(": ", "", "", "")]
    [DataRow(":", "", "", "")]
    [DataRow(": c", "", "c", "")]
    [DataRow(": @C", "", "", "C")]
    [DataRow("12 b@C", "12", "b", "C")]
    public void A_eurostat_cell_splits_into_value_flag_and_confidentiality(string cell, string value, string flag, string confidential) =>
        Assert.AreEqual((value, flag, confidential), PeriodColumnsTable.SplitEurostatCell(cell));

    [TestMethod]
    public void A_country_by_year_table_is_read_one_cell_per_row_with_its_line()
    {
        const string text = "Country,iso3,2019,2020,2021\nAustria,AUT,12,15,\nAlbania,ALB,40,,7\n";

        var run = RunText("years.csv", text);

        // 6 cells, each a row; an empty cell is a value not recorded (m), as in a long file.
        AssertAccounting(run, read: 6, rejected: 0);
        AssertObservations(
            run,
            "AUT 2019 children unknown 12",
            "AUT 2020 children unknown 15",
            "AUT 2021 children unknown _ m",
            "ALB 2019 children unknown 40",
            "ALB 2020 children unknown _ m",
            "ALB 2021 children unknown 7");
        Assert.AreEqual(2, run.Observations.Single(o => o.State == "AUT" && o.Period.Year == 2020).Source.Row);
        Assert.AreEqual(3, run.Observations.Single(o => o.State == "ALB" && o.Period.Year == 2021).Source.Row);
    }

    [TestMethod]
    public void A_eurostat_line_whose_key_has_too_few_dimensions_is_one_reject_naming_its_line()
    {
        const string text = "unit,sex,age,geo\\TIME_PERIOD\t2019 \t2020 \nNR,T,Y_LT18,AT\t5 \t6 \nNR,T,AT\t7 \t8 \n";

        var run = RunText("estat.tsv", text);

        var reject = AssertRejected(run, 3, "series-key-broken");
        StringAssert.Contains(reject.Message, "has 'NR,T,AT': not 4 comma-separated keys");
        AssertObservations(run, "AUT 2019 children unknown 5", "AUT 2020 children unknown 6");
    }
}
