using System.Globalization;

using Linkage.Model;
using Linkage.Normalise;
using Linkage.Recognise;

using static Linkage.Tests.Pipeline.PipelineTestKit;

namespace Linkage.Tests.Pipeline;

/// <summary>
/// The real publications in <c>Data/real/</c>, read with no config. Expected values were computed from the files
/// independently (the worksheet's XML read with a few lines of Python, and by hand for the named rows); see
/// <c>Data/real/README.md</c>.
/// </summary>
[TestClass]
public sealed class RealPublicationTests
{
    private static readonly Lazy<FileRun> Glotip = new(() => RunPath(Real("unodc-glotip-2025.xlsx"), "unodc-glotip-2025.xlsx"));

    private static string Real(string name) => Path.Combine(AppContext.BaseDirectory, "Data", "real", name);

    [TestMethod]
    public void Glotip_children_come_from_the_total_total_under_18_rows_and_match_the_workbook_by_osce_year()
    {
        var run = Glotip.Value;

        // Sum, per year, of txtVALUE over the OSCE States' rows Indicator 'Detected trafficking victims', Dimension
        // 'Total', Category 'Total', Sex 'Total', Age '0 to 17 years' (Python over sheet1.xml), and the '<5' rows counted apart.
        var expected = new Dictionary<int, (long Sum, int Withheld)>
        {
            [2007] = (980, 15),
            [2008] = (1006, 19),
            [2009] = (1019, 15),
            [2010] = (1092, 18),
            [2011] = (1219, 15),
            [2012] = (1693, 22),
            [2013] = (1972, 29),
            [2014] = (2393, 23),
            [2015] = (2997, 21),
            [2016] = (3546, 12),
            [2017] = (6060, 20),
            [2018] = (7115, 16),
            [2019] = (8398, 16),
            [2020] = (9247, 22),
            [2021] = (10646, 13),
            [2022] = (6723, 10),
        };
        var children = run.Observations.Where(o => o.Measure == Measure.Children).ToList();
        Assert.IsTrue(children.All(o => o.Linkage == LinkageCategory.Unknown), "GLOTIP has no citizenship breakdown of children: linkage is not recorded");
        var actual = children.GroupBy(o => o.Period.Year).ToDictionary(g => g.Key, g => (g.Sum(o => o.Count ?? 0), g.Count(o => o.Count is null)));
        CollectionAssert.AreEquivalent(expected.ToList(), actual.ToList());
        Assert.IsTrue(children.Where(o => o.Count is null).All(o => o.Flag == "c"), "'<5' is withheld at source");

        // GBR 2019, row 17379: '4,545' (the column's other values settle that ',' groups thousands); USA 2019, row 45786: '1,757'.
        Assert.AreEqual((4545L, 17379), (run.Get("GBR", "2019", LinkageCategory.Unknown).Count!.Value, run.Get("GBR", "2019", LinkageCategory.Unknown).Source.Row));
        Assert.AreEqual(1757L, run.Get("USA", "2019", LinkageCategory.Unknown).Count);

        // AUT 2020, row 2843: '<5'.
        var aut = run.Get("AUT", "2020", LinkageCategory.Unknown);
        Assert.AreEqual((null, "c", 2843), (aut.Count, aut.Flag, aut.Source.Row));
    }

    [TestMethod]
    public void Glotip_victims_of_all_ages_take_their_linkage_from_the_citizenship_breakdown()
    {
        var run = Glotip.Value;
        string Show(string state, string year, LinkageCategory l)
        {
            var o = run.Get(state, year, l, Measure.Victims);
            return (o.Count?.ToString(CultureInfo.InvariantCulture) ?? "_") + (o.Flag.Length > 0 ? " " + o.Flag : string.Empty);
        }

        // ARM 2008: row 1670 total 34; row 1671 'Armenia' 21 (own); row 1672 'Russian Federation' 13.
        Assert.AreEqual(("21", "13", "0"), (Show("ARM", "2008", LinkageCategory.Internal), Show("ARM", "2008", LinkageCategory.International), Show("ARM", "2008", LinkageCategory.Unknown)));

        // ALB 2019: row 450 total 103; row 451 'Nationals' 43 and no other country: international 0, unknown 60.
        Assert.AreEqual(("43", "0", "60"), (Show("ALB", "2019", LinkageCategory.Internal), Show("ALB", "2019", LinkageCategory.International), Show("ALB", "2019", LinkageCategory.Unknown)));

        // AUT 2020: row 2845 total 129; 'Austrians' (a demonym) 17; ten foreign rows of '<5' among them: withheld, and so the unknown.
        Assert.AreEqual(("17", "_ c", "_ c"), (Show("AUT", "2020", LinkageCategory.Internal), Show("AUT", "2020", LinkageCategory.International), Show("AUT", "2020", LinkageCategory.Unknown)));

        // SRB 2020: row 39516 total 38; row 39519 'Nationals' 35; rows 39517, 39518, 39520 '<5'.
        Assert.AreEqual(("35", "_ c"), (Show("SRB", "2020", LinkageCategory.Internal), Show("SRB", "2020", LinkageCategory.International)));

        // Their bound is kept for internal/: three parts of at most 4 each, so international is below 3 × 4 + 1 = 13.
        Assert.AreEqual(13L, run.Get("SRB", "2020", LinkageCategory.International, Measure.Victims).WithheldBelow);

        // CYP 2017: rows 10557-10566, Romania and Cameroon 6 each and seven foreign '<5': below 12 + 7 × 4 + 1 = 41.
        Assert.AreEqual(41L, run.Get("CYP", "2017", LinkageCategory.International, Measure.Victims).WithheldBelow);

        // AUT 2021: row 2913 total 394; row 2916 'Austrians' 7; row 2939 'Kyrgysi' (two letters off Kyrgyz, far from any
        // name of Austria) is foreign, so the year is published, not rejected: internal 7, international withheld.
        Assert.AreEqual(("7", "_ c"), (Show("AUT", "2021", LinkageCategory.Internal), Show("AUT", "2021", LinkageCategory.International)));

        // ALB 2017: row 388 total 95; the only citizenship row (389) has a blank category: all unknown.
        Assert.AreEqual("95", Show("ALB", "2017", LinkageCategory.Unknown));
        Assert.IsFalse(run.Observations.Any(o => o.State == "ALB" && o.Period.Year == 2017 && o.Measure == Measure.Victims && o.Linkage != LinkageCategory.Unknown));

    }

    [TestMethod]
    public void Glotip_sets_aside_every_row_outside_the_publication_and_rejects_only_contradictions()
    {
        var run = Glotip.Value;

        Assert.AreEqual(58769, run.Report.RowsRead);
        Assert.AreEqual(run.Report.RowsRead, run.Report.RowsAccepted + run.Report.RowsSetAside + run.Report.RowsRejected);
        var byReason = run.Report.SetAside.GroupBy(e => e.Reason).ToDictionary(g => g.Key, g => g.Sum(e => e.Rows));

        // Counted with Python over the sheet: rows whose Indicator is persons prosecuted/convicted/brought into
        // formal contact or offences, for OSCE States (the others are outside the OSCE first).
        Assert.AreEqual(8530, byReason[SetAsideReason.OtherIndicator]);
        Assert.IsGreaterThan(29000L, byReason[SetAsideReason.OutsideOsce]);
        Assert.IsTrue(byReason.ContainsKey(SetAsideReason.Adults) && byReason.ContainsKey(SetAsideReason.BreakdownPart));
        Assert.IsTrue(run.Observations.All(o => o.Measure is Measure.Children or Measure.Victims), "no prosecution or adult figure anywhere");
        var used = run.Observations.SelectMany(o => o.Source.Lines.Lines()).ToHashSet();
        Assert.IsFalse(used.Overlaps(run.Report.SetAsideLines), "a set-aside row fed a figure");

        // Sark (row with a blank Iso3_code and Country 'Sark') is outside the OSCE, not an unreadable State.
        Assert.IsTrue(run.Report.SetAside.Any(e => e.Reason == SetAsideReason.OutsideOsce && e.Value == "Sark"));

        // AUT 2007: row 2358 gives a total of 12, its citizenship rows 2359–2370 at least 112: a contradiction, rejected.
        AssertRejected(run, 2358, "total-below-parts");
        Assert.IsFalse(run.Observations.Any(o => o.State == "AUT" && o.Period.Year == 2007 && o.Measure == Measure.Victims));
        Assert.IsTrue(run.Report.Rejects.All(p => p.Code is "total-below-parts" or "rejected-with-group" or "unrecognised-citizenship"), string.Join("; ", run.Report.Rejects.Select(p => p.Code).Distinct()));
    }

    [TestMethod]
    public void Un_sdg_areas_are_read_by_m49_number_as_victims_of_all_ages()
    {
        var run = RunPath(Real("un-sdg-vc-htf-detv.ddf.csv"), "sdg.csv");

        // 474 of the 998 rows have an M49 geo_area of an OSCE State (8 Albania … 860 Uzbekistan); the rest are set aside.
        AssertAccounting(run, read: 998, rejected: 0, setAside: 524);
        Assert.HasCount(474, run.Observations);
        Assert.IsTrue(run.Observations.All(o => o.Measure == Measure.Victims && o.Linkage == LinkageCategory.Unknown && o.Flag.Length == 0));

        // Albania (geo_area 8), rows 8–10: 2008 108, 2009 94, 2010 97.
        Assert.AreEqual(108L, run.Get("ALB", "2008", LinkageCategory.Unknown, Measure.Victims).Count);
        Assert.AreEqual(94L, run.Get("ALB", "2009", LinkageCategory.Unknown, Measure.Victims).Count);
        Assert.AreEqual(97L, run.Get("ALB", "2010", LinkageCategory.Unknown, Measure.Victims).Count);

        // Yearly sums over the OSCE States (Python over the file).
        var expected = new Dictionary<int, long>
        {
            [2003] = 350,
            [2004] = 400,
            [2005] = 821,
            [2006] = 1450,
            [2007] = 7477,
            [2008] = 6689,
            [2009] = 7844,
            [2010] = 6603,
            [2011] = 6916,
            [2012] = 9720,
            [2013] = 10682,
            [2014] = 11514,
            [2015] = 13183,
            [2016] = 14792,
            [2017] = 3687,
        };
        CollectionAssert.AreEquivalent(expected.ToList(), run.Observations.GroupBy(o => o.Period.Year).ToDictionary(g => g.Key, g => g.Sum(o => o.Count!.Value)).ToList());
    }

    [TestMethod]
    public void Owid_girls_under_18_series_is_never_read_as_all_children_its_code_column_is_the_state_and_nothing_is_published()
    {
        var run = RunPath(Real("owid-sdg1622-female-under18.csv"), "owid.csv");

        // Counted with Python against a hand-written list of the 57 participating States: 222 of the 464 rows are
        // OSCE States' (38 of them; row 19 'Armenia,ARM,2009,5' the first), 242 other countries'. The only count
        // column says "under 18 years old - Female": girls only, a part of the sex breakdown, so no row is children.
        var code = run.Report.Plan!.Columns.Single(c => c.Header == "Code");
        Assert.AreEqual(ColumnRole.State, code.Role);
        Assert.AreEqual(ColumnRole.StateName, run.Report.Plan.Columns.Single(c => c.Header == "Entity").Role);
        AssertAccounting(run, read: 464, rejected: 0, setAside: 464);
        Assert.IsEmpty(run.Observations);
        Assert.AreEqual(222L, run.Report.SetAside.Where(e => e.Reason == SetAsideReason.BreakdownPart).Sum(e => e.Rows));
        Assert.AreEqual(242L, run.Report.SetAside.Where(e => e.Reason == SetAsideReason.OutsideOsce).Sum(e => e.Rows));
        Assert.AreEqual("sex: female only", AssertSetAside(run, 19, SetAsideReason.BreakdownPart).Value);
    }
}
