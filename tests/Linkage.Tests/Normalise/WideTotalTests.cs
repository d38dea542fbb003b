using Linkage.Model;

using static Linkage.Tests.Pipeline.PipelineTestKit;

namespace Linkage.Tests.Normalise;

[TestClass]
public sealed class WideTotalTests
{
    [TestMethod]
    public void Wide_total_makes_unknown_the_total_minus_the_categories_given()
    {
        var run = RunText("t.csv", "country,year,internal,international,total\nFRA,2019,3,4,10\n");

        AssertAccounting(run, read: 1, rejected: 0);
        AssertObservations(run, "FRA 2019 children internal 3", "FRA 2019 children international 4", "FRA 2019 children unknown 3");
        var unknown = run.Get("FRA", "2019", LinkageCategory.Unknown);
        Assert.AreEqual("total", unknown.Source.Column);
        Assert.AreEqual(2, unknown.Source.Row);
    }

    [TestMethod]
    public void Wide_total_alone_is_all_unknown()
    {
        var run = RunText("t.csv", "country,year,total\nFRA,2019,7\nDEU,2019,0\n");

        AssertAccounting(run, read: 2, rejected: 0);
        AssertObservations(run, "DEU 2019 children unknown 0", "FRA 2019 children unknown 7");
    }

    [TestMethod]
    public void Wide_total_counts_the_children_of_empty_and_missing_categories_in_unknown()
    {
        var run = RunText("t.csv", "country,year,internal,international,not trafficked,unknown,total\nFRA,2019,3,,..,,10\nDEU,2019,,NA,-,,6\n");

        AssertAccounting(run, read: 2, rejected: 0);
        AssertObservations(run, "DEU 2019 children unknown 6", "FRA 2019 children internal 3", "FRA 2019 children unknown 7");
    }

    [TestMethod]
    public void Wide_total_keeps_a_confidential_category_and_flags_the_unknown_that_hides_it()
    {
        var run = RunText("t.csv", "country,year,internal,international,not trafficked,total\nFRA,2019,3,c,2,10\n");

        AssertAccounting(run, read: 1, rejected: 0);
        AssertObservations(
            run,
            "FRA 2019 children internal 3",
            "FRA 2019 children international _ c",
            "FRA 2019 children not_trafficked 2",
            "FRA 2019 children unknown 5 c");
    }

    [TestMethod]
    public void Wide_total_carries_its_own_flag_and_its_categories_flags_to_the_derived_unknown()
    {
        var run = RunText("t.csv", "country,year,internal,international,total\nFRA,2019,3,4 e,10 p\n");

        AssertAccounting(run, read: 1, rejected: 0);
        AssertObservations(run, "FRA 2019 children internal 3", "FRA 2019 children international 4 e", "FRA 2019 children unknown 3 ep");
    }

    [TestMethod]
    public void Wide_total_below_its_parts_is_rejected()
    {
        var run = RunText("t.csv", "country,year,internal,international,total\nFRA,2019,5,6,10\nDEU,2019,1,1,2\n");

        AssertAccounting(run, read: 2, rejected: 1);
        AssertObservations(run, "DEU 2019 children internal 1", "DEU 2019 children international 1", "DEU 2019 children unknown 0");
        var reject = AssertRejected(run, 2, "total-below-parts");
        Assert.AreEqual("total", reject.Column);
        Assert.AreEqual("10", reject.Value);
        Assert.AreEqual("File 't.csv', row 2, column 'total' has '10': a total smaller than the sum of its linkage categories (11); expected total ≥ the categories given.", reject.Message);
    }

    [TestMethod]
    public void Wide_total_that_differs_from_all_four_categories_is_rejected()
    {
        var run = RunText("t.csv", "country,year,internal,international,not trafficked,unknown,total\nFRA,2019,1,2,3,4,11\nDEU,2019,1,2,3,4,10\n");

        AssertAccounting(run, read: 2, rejected: 1);
        var reject = AssertRejected(run, 2, "total-mismatch");
        Assert.AreEqual("File 't.csv', row 2, column 'total' has '11': a total that differs from the sum of its linkage categories, unknown included (10); expected them to agree.", reject.Message);
        AssertObservations(
            run,
            "DEU 2019 children internal 1",
            "DEU 2019 children international 2",
            "DEU 2019 children not_trafficked 3",
            "DEU 2019 children unknown 4");
        Assert.AreEqual("unknown", run.Get("DEU", "2019", LinkageCategory.Unknown).Source.Column);
    }

    [TestMethod]
    public void Wide_total_with_a_given_unknown_keeps_the_unknown_as_given_when_they_agree()
    {
        var run = RunText("t.csv", "country,year,internal,unknown,total\nFRA,2019,1,4,5\n");

        AssertAccounting(run, read: 1, rejected: 0);
        AssertObservations(run, "FRA 2019 children internal 1", "FRA 2019 children unknown 4");
    }

    [TestMethod]
    public void Wide_total_above_its_categories_and_a_given_unknown_is_rejected_rather_than_losing_children()
    {
        // Internal is not recorded, so its children could only be among the unknown, which is given as 4: 11 children have nowhere to go.
        var run = RunText("t.csv", "country,year,internal,international,not trafficked,unknown,total\nFRA,2019,,2,3,4,20\n");

        AssertAccounting(run, read: 1, rejected: 1);
        AssertRejected(run, 2, "total-mismatch");
    }

    [TestMethod]
    public void Wide_total_beside_a_confidential_category_and_a_given_unknown_is_kept()
    {
        // The withheld international count can account for the difference, so nothing is inconsistent.
        var run = RunText("t.csv", "country,year,internal,international,unknown,total\nFRA,2019,1,c,4,9\n");

        AssertAccounting(run, read: 1, rejected: 0);
        AssertObservations(run, "FRA 2019 children internal 1", "FRA 2019 children international _ c", "FRA 2019 children unknown 4");
    }

    [TestMethod]
    public void Wide_withheld_total_alone_is_a_withheld_unknown()
    {
        var run = RunText("t.csv", "country,year,total\nFRA,2019,c\nDEU,2019,..\n");

        AssertAccounting(run, read: 2, rejected: 0);
        AssertObservations(run, "DEU 2019 children unknown _ m", "FRA 2019 children unknown _ c");
    }

    [TestMethod]
    public void Long_total_row_gives_the_same_unknown_as_a_total_column()
    {
        var run = RunText("l.csv", "state,year,trafficking,children\nFRA,2019,total,10\nFRA,2019,internal,3\nFRA,2019,international,4\nDEU,2019,all,7\n");

        AssertAccounting(run, read: 4, rejected: 0);
        AssertObservations(
            run,
            "DEU 2019 children unknown 7",
            "FRA 2019 children internal 3",
            "FRA 2019 children international 4",
            "FRA 2019 children unknown 3");
        var unknown = run.Get("FRA", "2019", LinkageCategory.Unknown);
        Assert.AreEqual(2, unknown.Source.Row);
        CollectionAssert.AreEqual(new[] { 2, 3, 4 }, unknown.Source.Lines.Lines().ToList());
        AssertEveryLinePlaced(run, 2, 3, 4, 5);
    }

    [TestMethod]
    public void Long_total_below_its_parts_rejects_every_row_of_its_group()
    {
        var run = RunText("l.csv", "state,year,trafficking,children\nFRA,2019,total,5\nFRA,2019,internal,3\nFRA,2019,international,4\nDEU,2019,total,10\nDEU,2019,internal,3\n");

        AssertAccounting(run, read: 5, rejected: 3);
        Assert.Contains("(7)", AssertRejected(run, 2, "total-below-parts").Message);
        Assert.Contains("was rejected together with row 2", AssertRejected(run, 3, "rejected-with-group").Message);
        AssertRejected(run, 4, "rejected-with-group");
        AssertObservations(run, "DEU 2019 children internal 3", "DEU 2019 children unknown 7");
        AssertEveryLinePlaced(run, 2, 3, 4, 5, 6);
    }

    [TestMethod]
    public void Long_total_falls_with_a_rejected_category_row_of_its_group()
    {
        var run = RunText(
            "l.csv",
            "state,year,trafficking,children\nFRA,2019,total,10\nFRA,2019,internal,abc\nFRA,2019,international,4\nDEU,2019,total,9\nDEU,2019,sideways,4\nDEU,2019,internal,1\nITA,2019,internal,x1\nITA,2019,international,2\n");

        AssertAccounting(run, read: 8, rejected: 7);
        AssertObservations(run, "ITA 2019 children international 2");
        AssertRejected(run, 3, "bad-count");
        Assert.AreEqual(
            "File 'l.csv', row 2 was rejected together with row 3, which gives figures for the same FRA 2019 children and was rejected; fix that row and this one is kept.",
            AssertRejected(run, 2, "rejected-with-group").Message);
        AssertRejected(run, 4, "rejected-with-group");
        AssertRejected(run, 6, "unrecognised-label");
        Assert.Contains("together with row 6", AssertRejected(run, 5, "rejected-with-group").Message);
        AssertRejected(run, 7, "rejected-with-group");
        AssertRejected(run, 8, "bad-count");
        AssertEveryLinePlaced(run, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    [TestMethod]
    public void Long_count_without_a_linkage_column_is_a_total_with_linkage_unknown()
    {
        var run = RunText("l.csv", "state,year,children\nFRA,2019,9\nDEU,2019,c\n");

        AssertAccounting(run, read: 2, rejected: 0);
        AssertObservations(run, "DEU 2019 children unknown _ c", "FRA 2019 children unknown 9");
    }
}
