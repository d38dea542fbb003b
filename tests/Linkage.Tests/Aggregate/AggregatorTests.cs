using Linkage.Aggregate;
using Linkage.Config;
using Linkage.Model;
using Linkage.Recognise;

using static Linkage.Tests.Aggregate.StatsKit;

namespace Linkage.Tests.Aggregate;

[TestClass]
public sealed class AggregatorTests
{
    private static AggregateResult Run(string lines, YearWindow window = default, RegionMap? regions = null) =>
        Aggregator.Run(Obs(lines, regions), regions ?? DefaultRegions, window);

    [TestMethod]
    public void Aggregator_sums_States_into_their_region_and_all_regions_into_OSCE()
    {
        var result = Run("""
            FRA 2019 internal 3
            FRA 2019 international 10
            DEU 2019 internal 4
            DEU 2019 unknown 20
            ITA 2019 international 7
            """);

        Assert.AreEqual("7 10 0 20 37", Show(Region(result, "Western Europe", 2019).Figures));
        Assert.AreEqual("0 7 0 0 7", Show(Region(result, "Southern Europe", 2019).Figures));
        Assert.AreEqual("7 17 0 20 44", Show(Region(result, Aggregator.Osce, 2019).Figures));
        CollectionAssert.AreEqual(new[] { "DEU", "FRA" }, Region(result, "Western Europe", 2019).States.ToArray());
        Assert.AreEqual(3, Region(result, Aggregator.Osce, 2019).StatesReporting);
    }

    [TestMethod]
    public void Aggregator_puts_OSCE_last_and_orders_regions_ordinally()
    {
        var result = Run("""
            USA 2019 internal 5
            ALB 2019 internal 5
            AUT 2019 internal 5
            """);

        CollectionAssert.AreEqual(
            new[] { "Northern America", "Southern Europe", "Western Europe", "OSCE" },
            result.Regions.Select(r => r.Region).ToArray());
    }

    [TestMethod]
    public void Aggregator_adds_nothing_for_missing_and_confidential_values_but_counts_the_State_and_carries_the_flag()
    {
        var result = Run("""
            FRA 2019 internal 6 p
            FRA 2019 international - c
            DEU 2019 internal - m
            DEU 2019 unknown 9 e
            """);

        var we = Region(result, "Western Europe", 2019);
        // DEU gave no international figure (0), FRA's is confidential: the sum is 0 and says it lacks a confidential part.
        Assert.AreEqual("6pm 0c 0 9e 15epcm", Show(we.Figures));
        Assert.AreEqual(2, we.StatesReporting);
    }

    [TestMethod]
    public void Aggregator_leaves_a_category_empty_when_its_only_values_were_withheld_at_source()
    {
        var result = Run("""
            SWE 2017 internal - c
            SWE 2017 international 10
            """);

        Assert.AreEqual("-c 10 0 0 10c", Show(Region(result, "Northern Europe", 2017).Figures));
    }

    [TestMethod]
    public void Aggregator_leaves_a_region_year_empty_when_no_State_gave_a_number()
    {
        var result = Run("""
            FRA 2019 internal - c
            FRA 2019 unknown - m
            """);

        var we = Region(result, "Western Europe", 2019);
        Assert.IsFalse(we.Figures.HasNumbers);
        Assert.AreEqual("-c - - -m -cm", Show(we.Figures));
        Assert.AreEqual(1, we.StatesReporting);
    }

    [TestMethod]
    public void Aggregator_sums_quarters_and_months_to_years()
    {
        var result = Run("""
            FRA 2019-Q1 internal 1
            FRA 2019-Q2 internal 2
            FRA 2019-Q3 internal 3
            FRA 2019-Q4 internal 4 p
            DEU 2019-01 unknown 1
            DEU 2019-02 unknown 1
            DEU 2019-03 unknown 1
            DEU 2019-Q2 unknown 10
            DEU 2019-Q3 unknown 10
            DEU 2019-Q4 unknown 10
            """);

        Assert.AreEqual("10p 0 0 33 43p", Show(Region(result, "Western Europe", 2019).Figures));
        Assert.IsEmpty(result.Warnings);
    }

    [TestMethod]
    public void Aggregator_does_not_add_a_year_given_only_in_parts_that_do_not_cover_it_and_says_so()
    {
        var result = Run("""
            FRA 2025-Q1 internal 5
            FRA 2025-Q2 internal 6
            DEU 2025 internal 7
            """);

        Assert.AreEqual("7 0 0 0 7", Show(Region(result, "Western Europe", 2025).Figures));
        CollectionAssert.AreEqual(new[] { "DEU" }, Region(result, "Western Europe", 2025).States.ToArray());
        var warning = result.Warnings.Single();
        Assert.AreEqual("incomplete-year", warning.Code);
        StringAssert.Contains(warning.Message, "FRA 2025 children internal is given only for 2025-Q1, 2025-Q2, which do not cover the year");
    }

    [TestMethod]
    public void Aggregator_does_not_add_a_year_whose_one_category_is_given_for_a_quarter_only()
    {
        var result = Run("""
            SWE 2017 international 10
            SWE 2017 not_trafficked 20
            SWE 2017 unknown 20
            SWE 2017-Q1 internal 7
            NOR 2017 internal 9
            """);

        Assert.AreEqual("9 0 0 0 9", Show(Region(result, "Northern Europe", 2017).Figures));
        StringAssert.Contains(result.Warnings.Single().Message, "SWE 2017 children internal is given only for 2017-Q1");
    }

    [TestMethod]
    public void Aggregator_uses_national_figures_not_areas_when_a_State_gives_both()
    {
        var result = Run("""
            DEU 2019 internal 30
            DEU/Bayern 2019 internal 10
            DEU/Berlin 2019 internal 5
            """);

        Assert.AreEqual("30 0 0 0 30", Show(Region(result, "Western Europe", 2019).Figures));
        var warning = result.Warnings.Single();
        Assert.AreEqual("national-and-areas", warning.Code);
        StringAssert.Contains(warning.Message, "the national figures were used and 2 area figure(s) were not added");
    }

    [TestMethod]
    public void Aggregator_sums_areas_when_a_State_gives_only_areas()
    {
        var result = Run("""
            DEU/Bayern 2019 internal 10
            DEU/Berlin 2019 internal 5
            """);

        Assert.AreEqual("15 0 0 0 15", Show(Region(result, "Western Europe", 2019).Figures));
        Assert.AreEqual(1, Region(result, "Western Europe", 2019).StatesReporting);
        Assert.IsEmpty(result.Warnings);
    }

    [TestMethod]
    public void Aggregator_puts_areas_in_their_own_regions_when_the_map_says_so_and_drops_the_national_figure()
    {
        var map = RegionMap.FromEntries(
            [new("DEU", "Rest", "test"), new("DEU/Bayern", "South", "test"), new("FRA", "Rest", "test")],
            Geography.BuiltIn,
            out var errors);
        Assert.IsEmpty(errors);
        var result = Run(
            """
            DEU 2019 internal 30
            DEU/Bayern 2019 internal 10
            DEU/Berlin 2019 internal 5
            FRA 2019 internal 7
            """,
            regions: map);

        Assert.AreEqual("12 0 0 0 12", Show(Region(result, "Rest", 2019).Figures));
        Assert.AreEqual("10 0 0 0 10", Show(Region(result, "South", 2019).Figures));
        Assert.AreEqual("22 0 0 0 22", Show(Region(result, Aggregator.Osce, 2019).Figures));
        Assert.AreEqual(2, Region(result, Aggregator.Osce, 2019).StatesReporting);
        StringAssert.Contains(result.Warnings.Single().Message, "the area figures were used and 1 national figure(s) were not added");
    }

    [TestMethod]
    public void Aggregator_keeps_only_the_years_of_the_window()
    {
        var result = Run(
            """
            FRA 2014 internal 1
            FRA 2015 internal 2
            FRA 2016 internal 3
            FRA 2017 internal 4
            """,
            new YearWindow(2015, 2016));

        CollectionAssert.AreEqual(new[] { 2015, 2016 }, result.Regions.Where(r => r.IsOsce).Select(r => r.Year).ToArray());
    }

    [TestMethod]
    public void Aggregator_never_adds_the_two_measures_together()
    {
        var result = Run("""
            FRA 2019 internal 3
            FRA 2019 internal:investigations 2
            """);

        Assert.AreEqual("3 0 0 0 3", Show(Region(result, Aggregator.Osce, 2019, Measure.Children).Figures));
        Assert.AreEqual("2 0 0 0 2", Show(Region(result, Aggregator.Osce, 2019, Measure.Investigations).Figures));
    }

    [TestMethod]
    public void RegionMap_rejects_OSCE_as_a_region_name_and_a_key_mapped_twice_differently()
    {
        RegionMap.FromEntries(
            [new("FRA", "osce", "'r.csv', row 2"), new("DEU", "A", "'r.csv', row 3"), new("Germany", "B", "'r.csv', row 4")],
            Geography.BuiltIn,
            out var errors);

        Assert.HasCount(2, errors);
        Assert.AreEqual("'r.csv', row 2: region map key 'FRA' names the region 'osce', which is reserved for the all-States total; choose another name.", errors[0]);
        Assert.AreEqual("'r.csv', row 4: region map key 'Germany' is mapped to 'B' but an earlier entry maps it to 'A'; keep one.", errors[1]);
    }
}
