using System.Globalization;

using Linkage.Model;
using Linkage.Pipeline;
using Linkage.Problems;
using Linkage.Recognise;

using static Linkage.Tests.Pipeline.PipelineTestKit;

namespace Linkage.Tests.Recognise;

[TestClass]
public sealed class LayoutDetectorTests
{
    private static LayoutPlan Detect(string header, Layout? forced = null, params string[] rows) =>
        LayoutDetector.Detect("sub.csv", 1, header.Split(';'), Vocabulary.BuiltIn, forced, [.. rows.Select(r => r.Split(';'))]);

    private static ColumnAssignment Column(LayoutPlan plan, string header) => plan.Columns.Single(c => c.Header == header);

    [TestMethod]
    [DataRow("country;year;internal;international;not trafficked;unknown")]
    [DataRow("Land;Jahr;intern;grenzüberschreitend;kein Menschenhandel;unbekannt")]
    [DataRow("pays;année;interne;internationale;pas de traite;inconnu")]
    [DataRow("paese;anno;interno;internazionale;nessuna tratta;sconosciuto")]
    [DataRow("страна;год;внутренний;международный;без торговли людьми;неизвестно")]
    [DataRow("país;año;nacional;internacional;sin trata;desconocido")]
    [DataRow("  COUNTRY ; Year ; Internal ; INTERNATIONAL ; Not-Trafficked ; Unknown. ")]
    public void LayoutDetector_detects_wide_from_category_headers_in_each_language(string header)
    {
        var plan = Detect(header);

        Assert.AreEqual(Layout.Wide, plan.Layout);
        Assert.AreEqual("linkage categories (or a total) are columns", plan.LayoutReason);
        Assert.IsTrue(plan.IsUsable);
        Assert.IsEmpty(plan.Problems);
        var roles = plan.Columns.Select(c => c.Role).ToList();
        CollectionAssert.AreEqual(new[] { ColumnRole.State, ColumnRole.Period, ColumnRole.Category, ColumnRole.Category, ColumnRole.Category, ColumnRole.Category }, roles);
        var categories = plan.Columns.Skip(2).Select(c => c.Category).ToList();
        CollectionAssert.AreEqual(new LinkageCategory?[] { LinkageCategory.Internal, LinkageCategory.International, LinkageCategory.NotTrafficked, LinkageCategory.Unknown }, categories);
    }

    [TestMethod]
    public void LayoutDetector_detects_wide_from_a_total_column_alone()
    {
        var plan = Detect("Staat;Berichtsjahr;Insgesamt");

        Assert.AreEqual(Layout.Wide, plan.Layout);
        Assert.AreEqual(ColumnRole.Total, Column(plan, "Insgesamt").Role);
        Assert.AreEqual("total ('insgesamt') → the total", Column(plan, "Insgesamt").Reason);
    }

    [TestMethod]
    public void LayoutDetector_detects_long_from_a_linkage_column_and_a_count_column()
    {
        var plan = Detect("state;year;trafficking;children");

        Assert.AreEqual(Layout.Long, plan.Layout);
        Assert.AreEqual("it has a linkage label column and a count column", plan.LayoutReason);
        Assert.AreEqual(ColumnRole.Linkage, Column(plan, "trafficking").Role);
        var count = Column(plan, "children");
        Assert.AreEqual(ColumnRole.Count, count.Role);
        Assert.AreEqual(Measure.Children, count.MeasureHint);
        Assert.AreEqual("child ('children') → counts of children", count.Reason);
    }

    [TestMethod]
    public void LayoutDetector_detects_long_from_a_count_column_without_linkage()
    {
        var plan = Detect("state;year;value");

        Assert.AreEqual(Layout.Long, plan.Layout);
        Assert.AreEqual("it has a count column but no linkage: each count is a total with linkage not recorded", plan.LayoutReason);
    }

    [TestMethod]
    public void LayoutDetector_detects_sdmx_csv_version_1_from_its_first_column()
    {
        // UNIT_MEASURE is the unit of measure in SDMX; its values (CHILD, INV) make it the measure here, as no other column is.
        var plan = Detect("DATAFLOW;REF_AREA;TIME_PERIOD;TRAFFICKING;UNIT_MEASURE;OBS_VALUE;OBS_STATUS", null, "OSCE:LINK(1.0);FR;2019;DOM;CHILD;3;A", "OSCE:LINK(1.0);DE;2020;INTL;INV;4;A");

        Assert.AreEqual(Layout.SdmxV1, plan.Layout);
        Assert.AreEqual("the header starts with DATAFLOW (SDMX-CSV 1.0)", plan.LayoutReason);
        Assert.IsTrue(plan.IsUsable);
        CollectionAssert.AreEqual(
            new[] { ColumnRole.Ignore, ColumnRole.State, ColumnRole.Period, ColumnRole.Linkage, ColumnRole.Measure, ColumnRole.Count, ColumnRole.Flag },
            plan.Columns.Select(c => c.Role).ToList());
    }

    [TestMethod]
    public void LayoutDetector_detects_sdmx_csv_version_2_from_its_first_three_columns()
    {
        var plan = Detect("STRUCTURE;STRUCTURE_ID;ACTION;REF_AREA;TIME_PERIOD;TRAFFICKING;OBS_VALUE;OBS_STATUS;CONF_STATUS");

        Assert.AreEqual(Layout.SdmxV2, plan.Layout);
        Assert.AreEqual("the header starts with STRUCTURE, STRUCTURE_ID and has ACTION (SDMX-CSV 2.0)", plan.LayoutReason);
        Assert.IsTrue(plan.IsUsable);
        Assert.AreEqual(ColumnRole.Confidentiality, Column(plan, "CONF_STATUS").Role);
    }

    [TestMethod]
    public void LayoutDetector_detects_records_from_countries_of_origin_and_exploitation()
    {
        var plan = Detect("country;date;citizenship;country of exploitation");

        Assert.AreEqual(Layout.Records, plan.Layout);
        Assert.AreEqual("it has case-level columns (countries of origin and exploitation)", plan.LayoutReason);
        Assert.AreEqual(ColumnRole.Origin, Column(plan, "citizenship").Role);
        Assert.AreEqual(ColumnRole.Exploitation, Column(plan, "country of exploitation").Role);
        Assert.IsTrue(plan.IsUsable);
    }

    [TestMethod]
    public void LayoutDetector_detects_records_from_a_linkage_label_column_without_a_count()
    {
        var plan = Detect("country;year;trafficking");

        Assert.AreEqual(Layout.Records, plan.Layout);
        Assert.AreEqual("it has a linkage label column but no count: one row per case", plan.LayoutReason);
        Assert.IsTrue(plan.IsUsable);
    }

    [TestMethod]
    public void LayoutDetector_uses_the_forced_layout_and_says_so()
    {
        var plan = Detect("country;year;trafficking;note", Layout.Records);

        Assert.AreEqual(Layout.Records, plan.Layout);
        Assert.AreEqual("--layout", plan.LayoutReason);
        Assert.IsTrue(plan.IsUsable);
    }

    [TestMethod]
    public void LayoutDetector_refuses_records_with_a_count_column_because_each_record_counts_one()
    {
        var plan = Detect("country;year;trafficking;value", Layout.Records);

        Assert.IsFalse(plan.IsUsable);
        var problem = plan.Problems.Single(p => p.Code == "records-with-count");
        Assert.AreEqual("value", problem.Column);
        StringAssert.Contains(problem.Message, "each row counts as one");
    }

    [TestMethod]
    public void LayoutDetector_reports_the_columns_a_forced_layout_lacks()
    {
        var plan = Detect("state;year;trafficking;children", Layout.Wide);

        Assert.AreEqual(Layout.Wide, plan.Layout);
        Assert.IsFalse(plan.IsUsable);
        var problem = plan.Problems.Single(p => p.Code == "missing-column");
        Assert.AreEqual("File 'sub.csv', row 1 is laid out as wide but has no linkage category or total column; add one or name the existing column in --config \"columns\".", problem.Message);
    }

    [TestMethod]
    public void LayoutDetector_rejects_two_state_columns_as_ambiguous()
    {
        var plan = Detect("country;state;year;internal");

        Assert.IsFalse(plan.IsUsable);
        var problem = plan.Problems.Single(p => p.Code == "ambiguous-columns");
        Assert.AreEqual(Severity.Error, problem.Severity);
        Assert.AreEqual("state", problem.Column);
        Assert.AreEqual("File 'sub.csv', row 1 has two state columns, 'country' and 'state'; map one of them to \"ignore\" in --config \"columns\".", problem.Message);
    }

    [TestMethod]
    public void LayoutDetector_rejects_two_columns_for_the_same_category_as_ambiguous()
    {
        var plan = Detect("country;year;internal;domestic;international");

        Assert.IsFalse(plan.IsUsable);
        var problem = plan.Problems.Single();
        Assert.AreEqual("ambiguous-columns", problem.Code);
        Assert.Contains("two internal columns, 'internal' and 'domestic'", problem.Message);
    }

    [TestMethod]
    public void LayoutDetector_reports_a_missing_state_column()
    {
        var plan = Detect("year;internal;international");

        Assert.AreEqual(Layout.Wide, plan.Layout);
        Assert.IsFalse(plan.IsUsable);
        var problem = plan.Problems.Single();
        Assert.AreEqual("missing-column", problem.Code);
        Assert.AreEqual("File 'sub.csv', row 1 is laid out as wide but has no state column; add one or name the existing column in --config \"columns\", or give --state ISO3 when the whole file is one State's.", problem.Message);
    }

    [TestMethod]
    public void LayoutDetector_reports_a_header_that_fits_no_layout()
    {
        var plan = Detect("country;year;colour");

        Assert.IsNull(plan.Layout);
        Assert.IsFalse(plan.IsUsable);
        var problem = plan.Problems.Single();
        Assert.AreEqual("layout-unrecognised", problem.Code);
        Assert.Contains("found country = state, year = period", problem.Message);
        Assert.Contains("pass --layout", problem.Message);
    }

    [TestMethod]
    public void LayoutDetector_warns_about_an_unrecognised_column_but_keeps_the_plan_usable()
    {
        var plan = Detect("country;year;internal;colour");

        Assert.IsTrue(plan.IsUsable);
        Assert.AreEqual(ColumnRole.Unrecognised, Column(plan, "colour").Role);
        var problem = plan.Problems.Single();
        Assert.AreEqual("unrecognised-column", problem.Code);
        Assert.AreEqual(Severity.Warning, problem.Severity);
        Assert.AreEqual("colour", problem.Column);
        Assert.Contains("rows with a value in it are rejected", problem.Message);
    }

    [TestMethod]
    public void LayoutDetector_reads_headers_that_combine_a_measure_with_a_linkage_category()
    {
        var plan = Detect("country;year;children_internal;Children International;cases_internal;investigations unknown");

        Assert.AreEqual(Layout.Wide, plan.Layout);
        Assert.IsTrue(plan.IsUsable, string.Join(" ", plan.Problems.Select(p => p.Message)));
        var a = Column(plan, "children_internal");
        Assert.AreEqual((ColumnRole.Category, LinkageCategory.Internal, Measure.Children), (a.Role, a.Category!.Value, a.MeasureHint!.Value));
        Assert.AreEqual("child ('children'), internal ('internal') → the internal category", a.Reason);
        var b = Column(plan, "Children International");
        Assert.AreEqual((LinkageCategory.International, Measure.Children), (b.Category!.Value, b.MeasureHint!.Value));
        var c = Column(plan, "cases_internal");
        Assert.AreEqual((LinkageCategory.Internal, Measure.Investigations), (c.Category!.Value, c.MeasureHint!.Value));
        var d = Column(plan, "investigations unknown");
        Assert.AreEqual((LinkageCategory.Unknown, Measure.Investigations), (d.Category!.Value, d.MeasureHint!.Value));
    }

    [TestMethod]
    [DataRow("total cases", Measure.Investigations)]
    [DataRow("total_children", Measure.Children)]
    [DataRow("all cases", Measure.Investigations)]
    [DataRow("total investigations", Measure.Investigations)]
    public void LayoutDetector_keeps_the_measure_of_a_total_header_that_names_one(string header, Measure measure)
    {
        var plan = Detect("country;year;" + header);

        var total = Column(plan, header);
        Assert.AreEqual(ColumnRole.Total, total.Role);
        Assert.AreEqual(measure, total.MeasureHint);
    }

    [TestMethod]
    public void LayoutDetector_does_not_count_the_same_category_for_two_measures_as_ambiguous()
    {
        var plan = Detect("country;year;children_internal;cases_internal;children_total;total cases");

        Assert.IsTrue(plan.IsUsable, string.Join(" ", plan.Problems.Select(p => p.Message)));
    }

    [TestMethod]
    public void LayoutDetector_reads_upper_case_headers_the_same_under_the_turkish_culture()
    {
        var culture = CultureInfo.CurrentCulture;
        var uiCulture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("tr-TR");
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("tr-TR");

            var plan = Detect("COUNTRY;YEAR;INTERNAL;INTERNATIONAL;TOTAL");

            Assert.AreEqual(Layout.Wide, plan.Layout);
            Assert.IsTrue(plan.IsUsable);
            Assert.AreEqual(ColumnRole.State, Column(plan, "COUNTRY").Role);
            Assert.AreEqual(LinkageCategory.International, Column(plan, "INTERNATIONAL").Category);

            var run = RunText("tr.csv", "COUNTRY;YEAR;INTERNAL;INTERNATIONAL;TOTAL\nTÜRKİYE;2020;1;2;5\n");
            AssertAccounting(run, read: 1, rejected: 0);
            AssertObservations(run, "TUR 2020 children internal 1", "TUR 2020 children international 2", "TUR 2020 children unknown 2");
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }

    [TestMethod]
    public void LayoutDetector_plan_makes_rows_with_a_value_in_an_unrecognised_column_rejects()
    {
        var run = RunText("colour.csv", "country,year,internal,colour\nFRA,2019,3,\nDEU,2019,4,blue\nITA,2019,5\n");

        AssertAccounting(run, read: 3, rejected: 1);
        Assert.AreEqual("unrecognised-column", run.Report.FileProblems.Single(p => p.Severity == Severity.Warning && p.Column == "colour").Code);
        var reject = AssertRejected(run, 3, "unrecognised-column");
        Assert.AreEqual("colour", reject.Column);
        Assert.AreEqual("blue", reject.Value);
        Assert.AreEqual("File 'colour.csv', row 3, column 'colour' has 'blue': in a column the pipeline does not recognise; map the column in --config \"columns\" (to a role, or to \"ignore\").", reject.Message);
        AssertObservations(run, "FRA 2019 children internal 3", "ITA 2019 children internal 5");
    }

    [TestMethod]
    public void LayoutDetector_plan_lists_every_row_of_a_file_whose_header_fits_no_layout()
    {
        var run = RunText("odd.csv", "country,year,colour\nFRA,2019,red\nDEU,2019,blue\n");

        AssertAccounting(run, read: 2, rejected: 2);
        Assert.IsNull(run.Result);
        Assert.AreEqual("layout-unrecognised", run.Report.FileProblems.Single().Code);
        var reject = AssertRejected(run, 2, "file-unusable");
        Assert.Contains("layout-unrecognised", reject.Message);
        AssertRejected(run, 3, "file-unusable");
    }

    [TestMethod]
    public void LayoutDetector_forced_layout_from_the_options_reaches_the_pipeline()
    {
        const string text = "country,year,trafficking\nFRA,2019,internal\nFRA,2019,internal\n";

        var detected = RunText("f.csv", text);
        var forced = RunText("f.csv", text, options: new PipelineOptions { Layout = Layout.Long });

        Assert.AreEqual(Layout.Records, detected.Layout);
        AssertAccounting(detected, read: 2, rejected: 0);
        AssertObservations(detected, "FRA 2019 children internal 2");
        Assert.AreEqual(Layout.Long, forced.Layout);
        Assert.AreEqual("--layout", forced.Report.Plan!.LayoutReason);
        Assert.AreEqual(
            "File 'f.csv', row 1 is laid out as long but has no count column; add one or name the existing column in --config \"columns\".",
            forced.Report.FileProblems.Single(p => p.Severity == Severity.Error).Message);
        AssertAccounting(forced, read: 2, rejected: 2);
        Assert.Contains("(missing-column)", AssertRejected(forced, 2, "file-unusable").Message);
    }

    [TestMethod]
    public void LayoutDetector_plan_with_ambiguous_columns_rejects_every_row_of_the_file()
    {
        var run = RunText("amb.csv", "country,state,year,internal\nFRA,FRA,2019,1\nDEU,DEU,2019,2\n");

        AssertAccounting(run, read: 2, rejected: 2);
        Assert.AreEqual("ambiguous-columns", run.Report.FileProblems.Single().Code);
        Assert.IsTrue(run.Report.Unusable);
        Assert.AreEqual(
            "File 'amb.csv', row 2 was not used because the file's header could not be used (ambiguous-columns); fix the header and run again.",
            AssertRejected(run, 2, "file-unusable").Message);
        AssertRejected(run, 3, "file-unusable");
    }

    [TestMethod]
    public void LayoutDetector_plan_with_two_measures_in_one_row_keeps_them_apart()
    {
        var run = RunText("two.csv", "country,year,children_internal,children_international,children_total,cases_internal,total cases\nFRA,2019,1,2,5,3,10\n");

        AssertAccounting(run, read: 1, rejected: 0);
        AssertObservations(
            run,
            "FRA 2019 children internal 1",
            "FRA 2019 children international 2",
            "FRA 2019 children unknown 2",
            "FRA 2019 investigations internal 3",
            "FRA 2019 investigations unknown 7");
        Assert.IsFalse(run.Report.FileProblems.Any(p => p.Code == "measure-assumed"));
    }
}
