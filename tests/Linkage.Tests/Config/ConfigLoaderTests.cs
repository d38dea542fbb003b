using Linkage.Config;
using Linkage.Problems;
using Linkage.Recognise;
using Linkage.Tests.TestSupport;

using static Linkage.Tests.Pipeline.PipelineTestKit;

namespace Linkage.Tests.Config;

[TestClass]
public sealed class ConfigLoaderTests
{
    private const string Good = """
        {
          // Comments and trailing commas are allowed: people edit these files by hand.
          "columns": { "state": ["Nation"], "period": ["Jahrgang"], "ignore": ["Bearbeiter-Kürzel"], },
          "linkage": { "international": ["sideways", "über die Grenze"] },
          "measure": { "investigations": ["dossiers ouverts"] },
          "markers": { "missing": ["k.A."] },
          "states": { "Gallia": "FRA" },
          "regions": { "FRA": "West", "FRA/Corse": "Islands", "DEU": "West" },
          "defaultMeasure": "investigations"
        }
        """;

    [TestMethod]
    public void ConfigLoader_parses_every_section_of_a_good_config()
    {
        var config = ConfigLoader.Parse(Good, "my.json", out var error);

        Assert.IsNull(error);
        Assert.IsNotNull(config);
        CollectionAssert.AreEqual(new[] { "Nation" }, config.Columns["state"]);
        CollectionAssert.AreEqual(new[] { "sideways", "über die Grenze" }, config.Linkage["international"]);
        CollectionAssert.AreEqual(new[] { "dossiers ouverts" }, config.Measure["investigations"]);
        CollectionAssert.AreEqual(new[] { "k.A." }, config.Markers["missing"]);
        Assert.AreEqual("FRA", config.States["Gallia"]);
        Assert.AreEqual("Islands", config.Regions["FRA/Corse"]);
        Assert.AreEqual("investigations", config.DefaultMeasure);
    }

    [TestMethod]
    public void ConfigLoader_reports_bad_json_with_the_file_and_line()
    {
        const string json = "{\n  \"columns\": {\"state\": [\"Nation\"]},\n  \"linkage\": {\"internal\": [\"x\"]}\n  \"measure\": {}\n}\n";

        var config = ConfigLoader.Parse(json, "my.json", out var error);

        Assert.IsNull(config);
        Assert.IsNotNull(error);
        Assert.StartsWith("Config file 'my.json' is not valid config JSON at line 4 (", error);
        Assert.EndsWith("expected the sections columns, linkage, measure, markers, states, regions, defaultMeasure, select, stateFrom, state, source.", error);
    }

    [TestMethod]
    public void ConfigLoader_reports_a_section_of_the_wrong_shape_with_the_file_and_line()
    {
        const string json = "{\n  \"columns\": {\"state\": [\"Nation\"]},\n  \"linkage\": [\"internal\"]\n}\n";

        var config = ConfigLoader.Parse(json, "my.json", out var error);

        Assert.IsNull(config);
        Assert.IsNotNull(error);
        Assert.StartsWith("Config file 'my.json' is not valid config JSON at line 3 (", error);
    }

    [TestMethod]
    public void ConfigLoader_reports_an_unknown_section_with_the_file_and_line()
    {
        var config = ConfigLoader.Parse("{\n  \"colums\": {\"state\": [\"Nation\"]}\n}", "typo.json", out var error);

        Assert.IsNull(config);
        Assert.IsNotNull(error);
        Assert.StartsWith("Config file 'typo.json' is not valid config JSON at line 2", error);
        Assert.Contains("colums", error);
    }

    [TestMethod]
    public void ConfigLoader_reports_a_null_config()
    {
        Assert.IsNull(ConfigLoader.Parse("null", "n.json", out var error));
        Assert.IsNotNull(error);
        Assert.StartsWith("Config file 'n.json' is empty (null)", error);
    }

    [TestMethod]
    public void ConfigLoader_loads_a_file_and_reports_one_that_cannot_be_read()
    {
        using var dir = new TempFolder();
        var path = dir.WriteText("c.json", Good);

        Assert.IsNotNull(ConfigLoader.Load(path, out var error), error);
        var missing = dir.PathOf("missing.json");
        Assert.IsNull(ConfigLoader.Load(missing, out error));
        Assert.IsNotNull(error);
        Assert.StartsWith($"Config file '{missing}' could not be read (", error);
    }

    [TestMethod]
    public void Config_column_alias_names_a_column_the_dictionary_does_not_know()
    {
        var run = RunText("c.csv", "Nation,Jahrgang,Bearbeiter-Kürzel,internal\nFRA,2019,AB,3\n", ContextFrom(Good));

        AssertAccounting(run, read: 1, rejected: 0);
        Assert.AreEqual(Layout.Wide, run.Layout);
        Assert.IsEmpty(run.Report.FileProblems);
        AssertObservations(run, "FRA 2019 investigations internal 3");

        var without = RunText("c.csv", "Nation,Jahrgang,internal\nFRA,2019,3\n");
        Assert.AreEqual("missing-column", without.Report.FileProblems.First(p => p.Severity != Severity.Warning).Code);
        AssertAccounting(without, read: 1, rejected: 1);
    }

    [TestMethod]
    public void Config_linkage_label_mapping_makes_a_label_known()
    {
        const string text = "state,year,trafficking,children\nFRA,2019,sideways,3\nFRA,2020,über die Grenze,4\n";
        var context = ContextFrom(Good);

        var run = RunText("l.csv", text, context);

        AssertAccounting(run, read: 2, rejected: 0);
        AssertObservations(run, "FRA 2019 children international 3", "FRA 2020 children international 4");

        // Without the config only the second is known: across (über) + a border (Grenze) is international.
        var builtIn = RunText("l.csv", text);
        AssertAccounting(builtIn, read: 2, rejected: 1);
        AssertRejected(builtIn, 2, "unrecognised-label");
        AssertObservations(builtIn, "FRA 2020 children international 4");
    }

    [TestMethod]
    public void Config_markers_and_measure_labels_are_added_to_the_dictionary()
    {
        var run = RunText("m.csv", "country,year,measure,internal\nFRA,2019,dossiers ouverts,k.A.\nFRA,2020,children,2\n", ContextFrom(Good));

        AssertAccounting(run, read: 2, rejected: 0);
        AssertObservations(run, "FRA 2019 investigations internal _ m", "FRA 2020 children internal 2");
    }

    [TestMethod]
    public void Config_default_measure_replaces_the_assumed_one_without_a_warning()
    {
        const string text = "country,year,internal\nFRA,2019,3\n";

        var run = RunText("d.csv", text, ContextFrom("""{"defaultMeasure": "investigations"}"""));
        var assumed = RunText("d.csv", text);

        AssertAccounting(run, read: 1, rejected: 0);
        AssertObservations(run, "FRA 2019 investigations internal 3");
        Assert.IsEmpty(run.Report.FileProblems);
        AssertObservations(assumed, "FRA 2019 children internal 3");
        var warning = assumed.Report.FileProblems.Single();
        Assert.AreEqual("measure-assumed", warning.Code);
        Assert.Contains("set \"defaultMeasure\" in --config", warning.Message);
    }

    [TestMethod]
    public void Config_reports_entries_that_make_no_sense()
    {
        var config = ConfigLoader.Parse("""{"defaultMeasure": "kids", "columns": {"colour": ["Farbe"]}, "linkage": {"sideways": ["quer"]}}""", "c.json", out _);

        Vocabulary.WithConfig(config, out var errors);

        Assert.HasCount(3, errors);
        Assert.IsTrue(errors.Any(e => e.StartsWith("config: column role 'colour' is unknown", StringComparison.Ordinal)), string.Join("\n", errors));
        Assert.IsTrue(errors.Any(e => e.StartsWith("config: linkage code 'sideways' is unknown", StringComparison.Ordinal)), string.Join("\n", errors));
        Assert.Contains("config: defaultMeasure 'kids' is not a measure; expected 'children', 'investigations' or 'victims'.", errors);
    }

    [TestMethod]
    public void Config_region_map_maps_states_and_areas()
    {
        var config = ConfigLoader.Parse(Good, "c.json", out _);

        var map = RegionMap.From(config, Geography.BuiltIn, out var errors);

        Assert.IsEmpty(errors);
        Assert.IsFalse(map.IsDefault);
        Assert.AreEqual("West", map.RegionOf("FRA", string.Empty));
        Assert.AreEqual("Islands", map.RegionOf("FRA", "Corse"));
        Assert.AreEqual("Islands", map.RegionOf("FRA", "  CORSE "));
        Assert.AreEqual("West", map.RegionOf("FRA", "Bretagne"));
        Assert.IsNull(map.RegionOf("ITA", string.Empty));
    }

    [TestMethod]
    public void Config_region_map_sets_the_region_of_each_observation_and_rejects_states_it_lacks()
    {
        var run = RunText("r.csv", "country,province,year,internal\nFRA,Corse,2019,1\nFRA,,2019,2\nDEU,Bayern,2019,3\nITA,,2019,4\n", ContextFrom(Good));

        AssertAccounting(run, read: 4, rejected: 1);
        AssertObservations(run, "DEU/Bayern 2019 investigations internal 3", "FRA 2019 investigations internal 2", "FRA/Corse 2019 investigations internal 1");
        Assert.AreEqual("Islands", run.Observations.Single(o => o.Area == "Corse").Region);
        Assert.AreEqual("West", run.Observations.Single(o => o.State == "FRA" && o.Area.Length == 0).Region);
        Assert.AreEqual("West", run.Observations.Single(o => o.State == "DEU").Region);
        var reject = AssertRejected(run, 5, "no-region");
        Assert.AreEqual("File 'r.csv', row 5, column 'country' has 'ITA': not in the region map; add it under \"regions\" in --config.", reject.Message);
    }

    [TestMethod]
    public void Config_region_map_reports_keys_that_are_not_participating_states()
    {
        var config = ConfigLoader.Parse("""{"regions": {"XYZ": "Nowhere", "DZA/Alger": "Maghreb", "FRA": "West", "DEU": " "}}""", "c.json", out _);

        var map = RegionMap.From(config, Geography.BuiltIn, out var errors);

        Assert.HasCount(3, errors);
        Assert.AreEqual("config: region map key 'XYZ' does not start with an OSCE participating State; expected 'ISO3' or 'ISO3/area'.", errors[0]);
        Assert.Contains("'DZA/Alger' does not start with an OSCE participating State", errors[1]);
        Assert.AreEqual("config: region map key 'DEU' has an empty region name.", errors[2]);
        Assert.AreEqual("West", map.RegionOf("FRA", string.Empty));
    }

    [TestMethod]
    public void Config_without_regions_keeps_the_default_m49_map()
    {
        var map = RegionMap.From(ConfigLoader.Parse("""{"states": {"Gallia": "FRA"}}""", "c.json", out _), Geography.BuiltIn, out var errors);

        Assert.IsEmpty(errors);
        Assert.IsTrue(map.IsDefault);
        Assert.AreEqual("Western Europe", map.RegionOf("FRA", "Corse"));
        Assert.AreEqual("Eastern Europe", map.RegionOf("RUS", string.Empty));
    }
}
