using Linkage.Recognise;

using static Linkage.Tests.Pipeline.PipelineTestKit;

namespace Linkage.Tests.Pipeline;

/// <summary>
/// Breakdowns of aggregate files (issue "recognise columns by meaning", item 4; issue "read real publications", item 1):
/// a column no header names is a breakdown when its values split the rows of one State and period; its total is used
/// and its parts are never added to it.
/// </summary>
[TestClass]
public sealed class BreakdownTests
{
    [TestMethod]
    [DataRow("en", "Subgroup", "Total", "Girls", "Boys")]
    [DataRow("de", "Teilgruppe", "Insgesamt", "Mädchen", "Jungen")]
    [DataRow("fr", "Sous-groupe", "Ensemble", "Filles", "Garçons")]
    [DataRow("es", "Subconjunto", "Total", "Niñas", "Niños")]
    [DataRow("it", "Sottoinsieme", "Totale", "Ragazze", "Ragazzi")]
    [DataRow("ru", "Подмножество", "Всего", "Девочки", "Мальчики")]
    public void A_column_no_header_names_whose_values_split_one_cell_is_a_breakdown_whose_total_is_used(string language, string header, string total, string part1, string part2)
    {
        var run = RunText(
            $"split-{language}.csv",
            $"state,year,linkage,{header},count\n"
            + $"DEU,2020,internal,{total},10\n"
            + $"DEU,2020,international,{total},7\n"
            + $"DEU,2020,internal,{part1},6\n"
            + $"DEU,2020,internal,{part2},4\n"
            + $"DEU,2020,international,{part1},3\n"
            + $"FRA,2020,internal,{total},12\n"
            + $"FRA,2020,internal,{part2},5\n");

        var column = run.Report.Plan!.Columns[3];
        Assert.AreEqual(ColumnRole.Breakdown, column.Role, column.Reason);
        StringAssert.Contains(column.Reason, "split the rows of one State and period");
        AssertAccounting(run, read: 7, rejected: 0, setAside: 4);
        Assert.AreEqual((header, part1), (AssertSetAside(run, 4, "breakdown-part").Column, AssertSetAside(run, 4, "breakdown-part").Value));
        AssertSetAside(run, 8, "breakdown-part");

        // The parts (6 + 4) are never added to the total 10: the total rows alone are counted.
        AssertObservations(run, "DEU 2020 children internal 10", "DEU 2020 children international 7", "FRA 2020 children internal 12");
    }

    [TestMethod]
    public void An_unknown_part_of_a_breakdown_found_by_its_values_is_set_aside_and_not_added()
    {
        var run = RunText(
            "unknown-part.csv",
            "state,year,linkage,Subgroup,count\nAUT,2021,internal,Total,9\nAUT,2021,internal,Unknown,2\nAUT,2021,internal,Girls,7\n");

        AssertAccounting(run, read: 3, rejected: 0, setAside: 2);
        AssertSetAside(run, 3, "breakdown-part");
        AssertObservations(run, "AUT 2021 children internal 9");
    }

    [TestMethod]
    public void A_column_whose_values_split_no_cell_stays_unrecognised_and_its_rows_are_rejected()
    {
        // One value per State and period says nothing about a breakdown: a note on the row, perhaps, which the user must name.
        var run = RunText("nosplit.csv", "state,year,linkage,Zusatzfeld,count\nDEU,2020,internal,a,10\nDEU,2020,international,b,7\nFRA,2020,internal,a,12\n");

        Assert.AreEqual(ColumnRole.Unrecognised, run.Report.Plan!.Columns[3].Role);
        AssertAccounting(run, read: 3, rejected: 3);
        AssertRejected(run, 2, "unrecognised-column");
    }

    [TestMethod]
    public void A_column_of_many_distinct_values_is_no_breakdown_even_where_it_splits_a_cell()
    {
        var rows = string.Concat(Enumerable.Range(1, 14).Select(i => $"DEU,2020,internal,note {i},{i}\n"));
        var run = RunText("free-text.csv", "state,year,linkage,Zusatzfeld,count\n" + rows);

        Assert.AreEqual(ColumnRole.Unrecognised, run.Report.Plan!.Columns[3].Role);
        AssertAccounting(run, read: 14, rejected: 14);
    }

    [TestMethod]
    public void A_breakdown_found_by_its_values_in_a_wide_file_keeps_the_total_row()
    {
        var run = RunText(
            "wide-split.csv",
            "country,year,measure,Teilgruppe,internal,international\nAUT,2020,children,Insgesamt,5,3\nAUT,2020,children,Mädchen,4,1\n");

        Assert.AreEqual(Layout.Wide, run.Layout);
        Assert.AreEqual(ColumnRole.Breakdown, run.Report.Plan!.Columns[3].Role);
        AssertAccounting(run, read: 2, rejected: 0, setAside: 1);
        AssertObservations(run, "AUT 2020 children internal 5", "AUT 2020 children international 3");
    }

    [TestMethod]
    [DataRow("en", "sex", "Female", "Male")]
    [DataRow("de", "Geschlecht", "Weiblich", "Männlich")]
    [DataRow("fr", "sexe", "Femmes", "Hommes")]
    [DataRow("es", "sexo", "Mujeres", "Hombres")]
    [DataRow("it", "sesso", "Femmine", "Maschi")]
    [DataRow("ru", "пол", "Женщины", "Мужчины")]
    public void Where_a_sex_breakdown_has_no_total_female_and_male_are_summed_and_both_rows_are_its_provenance(string language, string header, string female, string male)
    {
        var run = RunText(
            $"sex-sum-{language}.csv",
            $"country,year,{header},linkage,count\nAUT,2020,{female},internal,6\nAUT,2020,{male},internal,4\nAUT,2020,{female},international,3\nAUT,2020,{male},international,2\n");

        AssertAccounting(run, read: 4, rejected: 0, setAside: 0);
        AssertObservations(run, "AUT 2020 children internal 10", "AUT 2020 children international 5");
        var internalCell = run.Observations.Single(o => o.Linkage == global::Linkage.Model.LinkageCategory.Internal);
        CollectionAssert.AreEqual(new[] { 2, 3 }, internalCell.Source.Lines.Lines().ToArray());
        StringAssert.Contains(internalCell.Source.Column, $"sum of '{header}' {female} + {male} (rows 2, 3)");
        AssertEveryLinePlaced(run, 2, 3, 4, 5);
    }

    [TestMethod]
    public void Where_a_part_is_withheld_or_missing_the_parts_are_not_summed_and_say_that_the_total_is_missing()
    {
        // <5 + 3 is anything from 3 to 7: no figure. Female alone is not the total either.
        var run = RunText(
            "sex-partial.csv",
            "country,year,sex,linkage,count\nAUT,2020,Female,internal,<5\nAUT,2020,Male,internal,3\nAUT,2020,Female,international,4\nBEL,2020,Total,internal,9\nBEL,2020,Female,internal,5\n");

        AssertAccounting(run, read: 5, rejected: 0, setAside: 4);
        Assert.AreEqual("Female", AssertSetAside(run, 2, "part-without-total").Value);
        AssertSetAside(run, 3, "part-without-total");
        AssertSetAside(run, 4, "part-without-total");
        Assert.AreEqual("Female", AssertSetAside(run, 6, "breakdown-part").Value);
        AssertObservations(run, "BEL 2020 children internal 9");
    }

    [TestMethod]
    public void Age_bands_that_tile_0_to_17_are_summed_into_the_children_and_bands_with_a_gap_are_not()
    {
        var run = RunText(
            "age-bands.csv",
            "country,year,age,linkage,count\nAUT,2020,0-8,internal,2\nAUT,2020,9-17,internal,5\nAUT,2020,0-8,international,1\nAUT,2020,10-17,international,6\n");

        AssertAccounting(run, read: 4, rejected: 0, setAside: 2);
        AssertObservations(run, "AUT 2020 children internal 7");
        AssertSetAside(run, 4, "part-without-total");
        AssertSetAside(run, 5, "part-without-total");
    }

    [TestMethod]
    public void Children_and_adults_without_an_all_ages_row_are_summed_into_the_victims_and_the_children_stay_children()
    {
        var run = RunText(
            "ages.csv",
            "country,year,age,linkage,count\nAUT,2020,0 to 17 years,internal,4\nAUT,2020,18 years or over,internal,11\n");

        AssertAccounting(run, read: 2, rejected: 0, setAside: 0);
        AssertObservations(run, "AUT 2020 children internal 4", "AUT 2020 victims internal 15");
        CollectionAssert.AreEqual(new[] { 2, 3 }, run.Observations.Single(o => o.Measure == global::Linkage.Model.Measure.Victims).Source.Lines.Lines().ToArray());
    }

    [TestMethod]
    public void Sex_parts_at_each_age_are_summed_where_glotip_style_rows_lack_the_sex_total()
    {
        // GHA 2008 in the GLOTIP workbook has Female and Male 0 to 17 years but no Total 0 to 17 years (rows 12,860-12,864).
        var run = RunText(
            "glotip-like.csv",
            "Iso3_code,Year,Sex,Age,txtVALUE\nAUT,2020,Female,0 to 17 years,9\nAUT,2020,Male,0 to 17 years,27\nAUT,2020,Total,Total,40\nAUT,2020,Female,Total,12\nAUT,2020,Male,Total,28\n");

        AssertAccounting(run, read: 5, rejected: 0, setAside: 2);
        AssertObservations(run, "AUT 2020 children unknown 36", "AUT 2020 victims unknown 40");
        AssertSetAside(run, 5, "breakdown-part");
    }

    [TestMethod]
    public void The_parts_of_a_sum_go_where_the_sum_goes_set_aside_outside_the_osce_or_rejected_with_it()
    {
        var run = RunText(
            "sum-fate.csv",
            "country,year,sex,linkage,count\nGHA,2020,Female,internal,6\nGHA,2020,Male,internal,4\nARM,2020,Female,internal,1\nAZE,1850,Female,internal,2\nAZE,1850,Male,internal,3\nBRA,2020,Total,internal,3\nZAF,2020,Total,internal,3\n");

        AssertAccounting(run, read: 7, rejected: 2, setAside: 5);
        Assert.AreEqual("GHA", AssertSetAside(run, 2, "outside-osce").Value);
        Assert.AreEqual("GHA", AssertSetAside(run, 3, "outside-osce").Value);
        AssertSetAside(run, 4, "part-without-total");
        AssertRejected(run, 6, "rejected-with-group");
        AssertEveryLinePlaced(run, 2, 3, 4, 5, 6, 7, 8);
    }

    [TestMethod]
    public void A_wide_file_sums_its_sex_parts_column_by_column()
    {
        var run = RunText(
            "wide-sex.csv",
            "country,year,measure,sex,internal,international\nAUT,2020,children,F,5,3\nAUT,2020,children,M,2,1\n");

        AssertAccounting(run, read: 2, rejected: 0, setAside: 0);
        AssertObservations(run, "AUT 2020 children internal 7", "AUT 2020 children international 4");
    }
}
