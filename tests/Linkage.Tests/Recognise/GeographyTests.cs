using Linkage.Config;
using Linkage.Model;
using Linkage.Recognise;

using static Linkage.Tests.Pipeline.PipelineTestKit;

namespace Linkage.Tests.Recognise;

[TestClass]
public sealed class GeographyTests
{
    [TestMethod]
    [DataRow("FR", "FRA")]
    [DataRow("fra", "FRA")]
    [DataRow("France", "FRA")]
    [DataRow("French Republic", "FRA")]
    [DataRow("Türkiye", "TUR")]
    [DataRow("Turkey", "TUR")]
    [DataRow("Turkiye", "TUR")]
    [DataRow("TÜRKİYE", "TUR")]
    [DataRow("Czechia", "CZE")]
    [DataRow("Czech Republic", "CZE")]
    [DataRow("Moldova", "MDA")]
    [DataRow("Republic of Moldova", "MDA")]
    [DataRow("Moldova, Republic of", "MDA")]
    [DataRow("Holy See", "VAT")]
    [DataRow("Vatican", "VAT")]
    [DataRow("VA", "VAT")]
    [DataRow("Россия", "RUS")]
    [DataRow("Russian Federation", "RUS")]
    [DataRow("United Kingdom of Great Britain and Northern Ireland", "GBR")]
    [DataRow("  united   states ", "USA")]
    [DataRow("North Macedonia", "MKD")]
    [DataRow("Deutschland", "DEU")]
    public void Geography_finds_a_participating_state_by_code_name_or_variant(string text, string alpha3)
    {
        Assert.AreEqual(alpha3, Geography.BuiltIn.FindState(text)?.Alpha3);
    }

    [TestMethod]
    public void Geography_lists_the_57_participating_states_with_a_region_each()
    {
        var states = Geography.BuiltIn.States;

        Assert.HasCount(57, states);
        Assert.AreEqual(57, states.Select(s => s.Alpha3).Distinct().Count());
        Assert.IsTrue(states.All(s => !string.IsNullOrEmpty(s.Region)), "every State has an M49 sub-region");
        Assert.AreEqual("VAT", Geography.BuiltIn.FindState("VAT")?.Alpha3, "the Holy See is a participating State");
        Assert.AreEqual("Southern Europe", RegionMap.Default(Geography.BuiltIn).RegionOf("VAT", string.Empty));
        Assert.AreEqual("Northern America", RegionMap.Default(Geography.BuiltIn).RegionOf("CAN", string.Empty));
        Assert.AreEqual("Central Asia", RegionMap.Default(Geography.BuiltIn).RegionOf("KAZ", string.Empty));
    }

    [TestMethod]
    [DataRow("Algeria", "DZA")]
    [DataRow("DZA", "DZA")]
    [DataRow("Maroc", "MAR")]
    [DataRow("CN", "CHN")]
    public void Geography_knows_countries_that_are_not_participating_states(string text, string alpha3)
    {
        Assert.IsNull(Geography.BuiltIn.FindState(text));
        Assert.AreEqual(alpha3, Geography.BuiltIn.FindCountry(text)?.Alpha3);
    }

    [TestMethod]
    public void Geography_states_in_a_file_are_read_in_every_spelling()
    {
        var run = RunText(
            "s.csv",
            "country;year;internal\nTürkiye;2019;1\nTurkey;2020;2\nTurkiye;2021;3\nCzech Republic;2019;4\nCZ;2020;5\nRepublic of Moldova;2019;6\nHoly See;2019;0\nРоссия;2019;7\nRU;2020;8\n");

        AssertAccounting(run, read: 9, rejected: 0);
        AssertObservations(
            run,
            "CZE 2019 children internal 4",
            "CZE 2020 children internal 5",
            "MDA 2019 children internal 6",
            "RUS 2019 children internal 7",
            "RUS 2020 children internal 8",
            "TUR 2019 children internal 1",
            "TUR 2020 children internal 2",
            "TUR 2021 children internal 3",
            "VAT 2019 children internal 0");
        Assert.AreEqual("Western Asia", run.Get("TUR", "2019", LinkageCategory.Internal).Region);
    }

    [TestMethod]
    public void Geography_sets_aside_a_country_outside_the_osce_and_rejects_a_name_that_is_no_country()
    {
        var run = RunText("s.csv", "country;year;internal\nAlgeria;2019;1\nDZA;2019;2\nNarnia;2019;3\nFrance;2019;4\n;2019;5\n");

        // A country outside the OSCE is outside the publication, not an error; a name that is no country is.
        AssertAccounting(run, read: 5, rejected: 2, setAside: 2);
        AssertObservations(run, "FRA 2019 children internal 4");
        var algeria = AssertSetAside(run, 2, "outside-osce");
        Assert.AreEqual(("country", "Algeria", 1L), (algeria.Column, algeria.Value, algeria.Rows));
        Assert.AreEqual("DZA", AssertSetAside(run, 3, "outside-osce").Value);
        var narnia = AssertRejected(run, 4, "not-osce-state");
        Assert.AreEqual(
            "File 's.csv', row 4, column 'country' has 'Narnia': not an OSCE participating State; expected one of the 57 participating States by ISO code or name (add a spelling under \"states\" in --config).",
            narnia.Message);
        Assert.AreEqual("File 's.csv', row 6, column 'country' has '': empty; expected the reporting participating State.", AssertRejected(run, 6, "missing-state").Message);
    }

    [TestMethod]
    public void Geography_takes_state_aliases_from_the_config()
    {
        var config = ConfigLoader.Parse("""{"states": {"Gallia": "FRA", "Helvetia": "che"}}""", "c.json", out var error);
        Assert.IsNotNull(config, error);

        var geography = Geography.Build(config, out var errors);

        Assert.IsEmpty(errors);
        Assert.AreEqual("FRA", geography.FindState("gallia")?.Alpha3);
        Assert.AreEqual("CHE", geography.FindState("HELVETIA")?.Alpha3);
        Assert.AreEqual("FRA", geography.FindState("France")?.Alpha3);
        Assert.IsNull(Geography.BuiltIn.FindState("Gallia"));

        var run = RunText("s.csv", "country;year;internal\nGallia;2019;1\nNarnia;2019;2\n", ContextFrom("""{"states": {"Gallia": "FRA"}}"""));
        AssertAccounting(run, read: 2, rejected: 1);
        AssertObservations(run, "FRA 2019 children internal 1");
        AssertRejected(run, 3, "not-osce-state");
    }

    [TestMethod]
    public void Geography_reports_a_config_alias_that_points_to_no_participating_state()
    {
        var config = ConfigLoader.Parse("""{"states": {"Numidia": "DZA", "Utopia": "XXX", "Gallia": "FRA"}}""", "c.json", out _);

        var geography = Geography.Build(config, out var errors);

        Assert.HasCount(2, errors);
        Assert.AreEqual("config: state alias 'Numidia' points to 'DZA', which is not the alpha-3 code of an OSCE participating State.", errors[0]);
        Assert.Contains("'Utopia' points to 'XXX'", errors[1]);
        Assert.IsNull(geography.FindState("Numidia"));
        Assert.AreEqual("FRA", geography.FindState("Gallia")?.Alpha3);
    }
}
