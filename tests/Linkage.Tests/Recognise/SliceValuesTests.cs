using Linkage.Recognise;

namespace Linkage.Tests.Recognise;

/// <summary>Age and breakdown values as publishers write them (GLOTIP, UN SDG, Eurostat, CTDC), read by meaning.</summary>
[TestClass]
public sealed class SliceValuesTests
{
    [TestMethod]
    [DataRow("0 to 17 years", nameof(SliceKind.Children))]
    [DataRow("<18Y", nameof(SliceKind.Children))]
    [DataRow("Y_LT18", nameof(SliceKind.Children))]
    [DataRow("under 18", nameof(SliceKind.Children))]
    [DataRow("Minor", nameof(SliceKind.Children))]
    [DataRow("18 years or over", nameof(SliceKind.Adults))]
    [DataRow("Y_GE18", nameof(SliceKind.Adults))]
    [DataRow("18+", nameof(SliceKind.Adults))]
    [DataRow("Adult", nameof(SliceKind.Adults))]
    [DataRow("0--8", nameof(SliceKind.AgeBand))]
    [DataRow("9--17", nameof(SliceKind.AgeBand))]
    [DataRow("ALLAGE", nameof(SliceKind.Total))]
    [DataRow("Total", nameof(SliceKind.Total))]
    [DataRow("Unknown", nameof(SliceKind.NotKnown))]
    [DataRow("-99", nameof(SliceKind.NotKnown))]
    [DataRow("blue", nameof(SliceKind.Unrecognised))]
    public void An_age_value_is_read_by_what_it_covers(string text, string expected) =>
        Assert.AreEqual(expected, SliceValues.Age(text).Kind.ToString(), SliceValues.Age(text).Why);

    [TestMethod]
    [DataRow("BOTHSEX", nameof(SliceKind.Total))]
    [DataRow("_T", nameof(SliceKind.Total))]
    [DataRow("Female", nameof(SliceKind.Part))]
    [DataRow("Forced labour", nameof(SliceKind.Part))]
    [DataRow("Unknown", nameof(SliceKind.NotKnown))]
    public void A_breakdown_value_is_its_total_a_part_or_not_known(string text, string expected) =>
        Assert.AreEqual(expected, SliceValues.Breakdown(text).Kind.ToString());

    [TestMethod]
    public void M49_numbers_name_countries_with_or_without_leading_zeros_and_prefer_the_participating_State()
    {
        // UN M49 (= ISO 3166-1 numeric): 8 Albania, 40 Austria, 643 Russian Federation, 566 Nigeria; 150 is Europe, no country.
        Assert.AreEqual("ALB", Geography.BuiltIn.FindByM49("8")?.Alpha3);
        Assert.AreEqual("ALB", Geography.BuiltIn.FindByM49("008")?.Alpha3);
        Assert.AreEqual("AUT", Geography.BuiltIn.FindByM49("040")?.Alpha3);
        Assert.AreEqual("RUS", Geography.BuiltIn.FindByM49("643")?.Alpha3);
        Assert.IsNotNull(Geography.BuiltIn.FindState(Geography.BuiltIn.FindByM49("643")!.Alpha3));
        Assert.AreEqual("NGA", Geography.BuiltIn.FindByM49("566")?.Alpha3);
        Assert.IsNull(Geography.BuiltIn.FindByM49("150"));
    }

    [TestMethod]
    public void A_column_of_m49_numbers_under_a_place_header_is_the_state_and_a_nameless_numeric_column_the_count()
    {
        string[][] rows = [["allage", "8", "bothsex", "2019", "96"], ["allage", "40", "bothsex", "2019", "120"], ["<18Y", "8", "bothsex", "2019", "52"]];
        var plan = LayoutDetector.Detect("sdg.csv", 1, ["age", "geo_area", "sex", "year", "vc_htf_detv"], Vocabulary.BuiltIn, null, rows);

        Assert.AreEqual(ColumnRole.State, plan.Columns[1].Role);
        Assert.AreEqual("m49", plan.Columns[1].Codes);
        Assert.AreEqual(ColumnRole.Count, plan.Columns[4].Role);
        StringAssert.Contains(plan.Columns[4].ValueEvidence, "3/3 values are counts");
    }
}
