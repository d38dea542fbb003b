using Linkage.Normalise;
using Linkage.Pipeline;

using Linkage.Tests.TestSupport;

using static Linkage.Tests.Pipeline.PipelineTestKit;

namespace Linkage.Tests.Pipeline;

/// <summary>
/// Source profiles (<c>Recognise/Data/profiles.json</c>) matched by header signature, and the config keys they use
/// that a user may write too: <c>stateFrom</c>, <c>state</c>, <c>source</c>.
/// </summary>
[TestClass]
public sealed class SourceProfileTests
{
    [TestMethod]
    public void Ctdc_case_records_read_with_the_ctdc_profile_the_country_of_exploitation_as_reporting_state_and_minors_as_children()
    {
        var run = RunPath(DataPath("real", "ctdc-case-records-sample.csv"), "ctdc.csv");

        // Counted from the CSV with Python's csv module: 104 records; 29 whose country_of_exploitation is an OSCE
        // State (UA 13, US 15, MD 1); of those, 10 with majority_status 'Minor', all UA 2018: 5 with citizenship 'UA'
        // (internal) and 5 with '00' (unknown in CTDC's coding); 19 adults (UA 2017 3, US 2018 15, MD 2017 1); and
        // 75 exploited outside the OSCE (KH 20, MY 17, CN 13, IN 11, SA 7, BD 6, VN 1).
        Assert.AreEqual("ctdc", run.Report.Profile?.Name);
        AssertAccounting(run, read: 104, rejected: 0, setAside: 94);
        AssertObservations(run, "UKR 2018 children internal 5", "UKR 2018 children unknown 5");
        Assert.AreEqual(75L, run.Report.SetAside.Where(e => e.Reason == SetAsideReason.OutsideOsce).Sum(e => e.Rows));
        Assert.AreEqual(19L, run.Report.SetAside.Where(e => e.Reason == SetAsideReason.NotAChild).Sum(e => e.Rows));
        StringAssert.Contains(run.Report.Source, "Counter Trafficking Data Collaborative");

        // Every physical line is in exactly one place.
        AssertEveryLinePlaced(run, [.. Enumerable.Range(2, 104)]);
    }

    [TestMethod]
    public void Profile_none_reads_a_ctdc_file_as_plain_case_records_which_then_lack_a_reporting_state()
    {
        var run = RunPath(DataPath("real", "ctdc-case-records-sample.csv"), "ctdc.csv", options: new PipelineOptions { Profile = "none" });

        Assert.IsNull(run.Report.Profile);
        Assert.IsEmpty(run.Observations);
        Assert.IsTrue(run.Report.FileProblems.Any(p => p.Code == "missing-column" && p.Message.Contains("no state column", StringComparison.Ordinal)), string.Join(" | ", run.Report.FileProblems.Select(p => p.Message)));
    }

    [TestMethod]
    [DataRow("publishers", "glotip-2023-preamble.csv", "glotip")]
    [DataRow("publishers", "un-sdg-api-vc_htf_detv.csv", "un-sdg")]
    [DataRow("real", "un-sdg-vc-htf-detv.ddf.csv", "un-sdg")]
    [DataRow("publishers", "eurostat-crim_thb_vctz.sdmx.csv", "eurostat")]
    [DataRow("publishers", "eurostat-crim_thb_vctz.2025.sdmx.csv", "eurostat")]
    [DataRow("real", "ctdc-case-records-sample.csv", "ctdc")]
    [DataRow("national", "long-en.csv", null)]
    [DataRow("national", "records-extra-cols.csv", null)]
    public void A_file_is_matched_to_a_profile_by_its_header_signature_and_only_then(string folder, string file, string? profile)
    {
        var run = RunPath(DataPath(folder, file), file);

        Assert.AreEqual(profile, run.Report.Profile?.Name);
        if (profile is not null)
        {
            StringAssert.Contains(run.Report.Profile!.Value.Why, "header");
        }
    }

    [TestMethod]
    public void A_title_above_a_header_that_a_profile_names_is_no_warning_and_without_the_profile_it_is_one()
    {
        // glotip-2023-preamble.csv: lines 1-2 are UNODC's title (one with a formula), line 3 the header.
        var matched = RunPath(DataPath("publishers", "glotip-2023-preamble.csv"), "g.csv");
        var without = RunPath(DataPath("publishers", "glotip-2023-preamble.csv"), "g.csv", options: new PipelineOptions { Profile = "none" });

        Assert.AreEqual((3, 2), (matched.Report.Info!.HeaderLine, matched.Report.Info.PreambleRows));
        Assert.IsFalse(matched.Report.FileProblems.Any(p => p.Code == "preamble-skipped"), string.Join(" | ", matched.Report.FileProblems.Select(p => p.Code)));
        Assert.AreEqual(3, without.Report.FileProblems.Single(p => p.Code == "preamble-skipped").Row);
    }

    [TestMethod]
    public void Config_state_names_the_reporting_state_of_a_file_without_a_state_column()
    {
        const string text = "year,internal,international\n2021,4,6\n2022,5,7\n";

        var given = RunText("one-state.csv", text, ContextFrom("""{ "state": "AUT" }"""));
        AssertAccounting(given, read: 2, rejected: 0);
        AssertObservations(given, "AUT 2021 children internal 4", "AUT 2021 children international 6", "AUT 2022 children internal 5", "AUT 2022 children international 7");

        var missing = RunText("one-state.csv", text);
        Assert.IsEmpty(missing.Observations);
        var problem = missing.Report.FileProblems.Single(p => p.Code == "missing-column");
        StringAssert.Contains(problem.Message, "has no state column");
        StringAssert.Contains(problem.Message, "--state ISO3");
    }

    [TestMethod]
    public void Config_state_from_exploitation_reads_case_records_as_ctdc_does_and_sets_aside_other_countries()
    {
        const string text = "year,citizenship,country of exploitation\n2020,UA,UA\n2020,MD,UA\n2020,UA,MY\n2020,,UA\n";

        var run = RunText("cases.csv", text, ContextFrom("""{ "stateFrom": "exploitation" }"""));

        AssertAccounting(run, read: 4, rejected: 0, setAside: 1);
        Assert.AreEqual("MY", AssertSetAside(run, 4, SetAsideReason.OutsideOsce).Value);
        AssertObservations(run, "UKR 2020 children internal 1", "UKR 2020 children international 1", "UKR 2020 children unknown 1");
    }

    [TestMethod]
    public void A_user_config_lies_over_the_profile_so_a_column_the_profile_ignores_can_be_used()
    {
        // The CTDC profile reads majority_status; a user who wants the status at exploitation says so.
        var run = RunPath(
            DataPath("real", "ctdc-case-records-sample.csv"),
            "ctdc.csv",
            ContextFrom("""{ "columns": { "age": ["majority_status_at_exploit"], "ignore": ["majority_status"] } }"""));

        // Counted with Python: UA 2018 rows with majority_status_at_exploit 'Minor': 5 citizenship 'UA', 5 '00'
        // (UA 2017 rows are 'Adult' or '-99'; US and MD rows are '-99' or 'Adult').
        Assert.AreEqual("ctdc", run.Report.Profile?.Name);
        AssertObservations(run, Expected(DataPath("real", "ctdc-case-records-sample.csv")));
    }

    [TestMethod]
    public void Config_select_pins_a_breakdown_value_and_sets_aside_the_other_rows_while_other_breakdowns_still_use_their_total()
    {
        const string text = "state,year,form of exploitation,sex,victims\nAUT,2020,Total,Total,50\nAUT,2020,Sexual exploitation,Total,30\nAUT,2020,Sexual exploitation,Female,25\nAUT,2020,Forced labour,Total,20\n";

        var plain = RunText("forms.csv", text);
        AssertAccounting(plain, read: 4, rejected: 0, setAside: 3);
        AssertObservations(plain, "AUT 2020 victims unknown 50");

        var selected = RunText("forms.csv", text, ContextFrom("""{ "select": { "Form of exploitation": "Sexual exploitation" } }"""));
        AssertAccounting(selected, read: 4, rejected: 0, setAside: 3);
        AssertObservations(selected, "AUT 2020 victims unknown 30");
        Assert.AreEqual("Total", AssertSetAside(selected, 2, SetAsideReason.NotSelected).Value);
        Assert.AreEqual("Female", AssertSetAside(selected, 4, SetAsideReason.BreakdownPart).Value);
        Assert.AreEqual("Forced labour", AssertSetAside(selected, 5, SetAsideReason.NotSelected).Value);
    }

    [TestMethod]
    public void Config_select_on_a_column_the_file_lacks_is_one_warning_and_changes_nothing()
    {
        var run = RunText("plain.csv", "state,year,internal\nAUT,2020,4\n", ContextFrom("""{ "select": { "Sex": "Total" } }"""));

        AssertObservations(run, "AUT 2020 children internal 4");
        var warning = run.Report.FileProblems.Single(p => p.Code == "select-column-missing");
        StringAssert.Contains(warning.Message, "has no column 'sex' that the config's \"select\" names");
    }

    [TestMethod]
    [DataRow(true)]
    [DataRow(false)]
    public void An_older_glotip_release_whose_title_holds_a_formula_is_read_from_its_real_header(bool formula)
    {
        // GLOTIP 2023: row 1 'UNODC' and an e-mail, row 2 the export date as =TODAY() with its cached value, header on row 3.
        object date = formula ? new MiniXlsx.FormulaCell(new DateTime(2023, 12, 15), "TODAY()") : new DateTime(2023, 12, 15);
        string[] header = ["Iso3_code", "Country", "Region", "Subregion", "Indicator", "Dimension", "Category", "Sex", "Age", "Year", "Unit of measurement", "txtVALUE", "Source"];
        var workbook = MiniXlsx.Bytes(
            "data_glotip_1",
            ["UNODC", "unodc_dass@un.org"],
            [date],
            header,
            ["AUT", "Austria", "Europe", "Western Europe", "Detected trafficking victims", "Total", "Total", "Total", "0 to 17 years", "2019", "Counts", "31", "GLOTIP"],
            ["AUT", "Austria", "Europe", "Western Europe", "Detected trafficking victims", "Total", "Total", "Female", "0 to 17 years", "2019", "Counts", "25", "GLOTIP"],
            ["AUT", "Austria", "Europe", "Western Europe", "Persons prosecuted", "Total", "Total", "Total", "Total", "2019", "Counts", "<5", "GLOTIP"]);

        var run = RunBytes("glotip-2023.xlsx", workbook);

        Assert.AreEqual(3, run.Report.Info!.HeaderLine);
        Assert.AreEqual("glotip", run.Report.Profile?.Name);
        AssertAccounting(run, read: 3, rejected: 0, setAside: 2);
        AssertObservations(run, "AUT 2019 children unknown 31");
    }

    /// <summary>Children per UA-exploited minor at exploitation, computed here from the CSV with plain string splitting.</summary>
    private static string[] Expected(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        int Col(string name) => Array.IndexOf(header, name);
        var groups = lines.Skip(1).Select(l => l.Split(','))
            .Where(f => f[Col("country_of_exploitation")] is "UA" or "US" or "MD" && f[Col("majority_status_at_exploit")] == "Minor")
            .GroupBy(f => (State: f[Col("country_of_exploitation")] switch { "UA" => "UKR", "US" => "USA", _ => "MDA" }, Year: f[Col("registration_year")], Link: f[Col("citizenship")] is "00" or "-99" ? "unknown" : f[Col("citizenship")] == f[Col("country_of_exploitation")] ? "internal" : "international"));
        return [.. groups.Select(g => $"{g.Key.State} {g.Key.Year} children {g.Key.Link} {g.Count()}")];
    }
}
