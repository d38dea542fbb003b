using System.Text;

using Linkage.Normalise;
using Linkage.Output;
using Linkage.Recognise;

using static Linkage.Tests.Pipeline.PipelineTestKit;

namespace Linkage.Tests.Normalise;

/// <summary>
/// A value withheld at source below a bound (UNODC's <c>&lt;5</c>) is published as withheld (flag <c>c</c>), and its bound
/// is kept in <c>internal/observations.csv</c> (<c>withheld_below</c>), for the statistician and never for publication.
/// </summary>
[TestClass]
public sealed class WithheldBoundTests
{
    [TestMethod]
    [DataRow("<5", 5L)]
    [DataRow("< 3", 3L)]
    [DataRow(" <10 ", 10L)]
    public void A_value_withheld_below_a_bound_keeps_its_bound(string raw, long bound)
    {
        Assert.IsTrue(CountParser.TryParse(raw, Vocabulary.BuiltIn, out var value, out _));
        Assert.IsNull(value.Count);
        Assert.AreEqual("c", value.Flag);
        Assert.AreEqual(bound, value.Below);
    }

    [TestMethod]
    public void A_confidential_marker_has_no_bound()
    {
        Assert.IsTrue(CountParser.TryParse("c", Vocabulary.BuiltIn, out var value, out _));
        Assert.AreEqual("c", value.Flag);
        Assert.IsNull(value.Below);
    }

    [TestMethod]
    public void The_bound_reaches_the_observation_and_its_internal_csv_column()
    {
        var run = RunText("bound.csv", "country,year,linkage,count\nAUT,2020,internal,<5\nAUT,2020,international,7\nBEL,2020,internal,c\n");

        var withheld = run.Observations.Single(o => o.State == "AUT" && o.Count is null);
        Assert.AreEqual(5L, withheld.WithheldBelow);
        Assert.IsNull(run.Observations.Single(o => o.State == "BEL").WithheldBelow);
        Assert.IsNull(run.Observations.Single(o => o.Count == 7).WithheldBelow);

        using var stream = new MemoryStream();
        CsvTables.WriteObservations(stream, run.Observations.OrderBy(o => o.Source.Row));
        var lines = Encoding.UTF8.GetString(stream.ToArray()).Split('\n');
        Assert.EndsWith(",withheld_below", lines[0]);
        Assert.EndsWith(",5", lines[1]);
        Assert.EndsWith(",0,", lines[2]);
    }

    [TestMethod]
    public void A_sum_of_citizenships_withheld_below_bounds_is_bounded_by_the_exact_parts_plus_each_bound_less_one()
    {
        // As GLOTIP's CYP 2017 rows 10,557-10,566 (two foreign rows of 6, seven <5: international below 12 + 7 × 4 + 1 = 41):
        // here Romania 6 and two foreign <5 give at most 6 + 2 × 4 = 14, so below 15.
        var run = RunText(
            "cit-bound.csv",
            "Iso3_code,Year,Dimension,Category,txtVALUE\nAUT,2020,Total,Total,50\nAUT,2020,by citizenship,Austria,<5\nAUT,2020,by citizenship,Romania,6\nAUT,2020,by citizenship,Hungary,<5\nAUT,2020,by citizenship,Bulgaria,<5\n");

        var international = run.Observations.Single(o => o.Linkage == global::Linkage.Model.LinkageCategory.International);
        Assert.IsNull(international.Count);
        Assert.AreEqual(6L + (2 * 4) + 1, international.WithheldBelow);
        Assert.AreEqual(5L, run.Observations.Single(o => o.Linkage == global::Linkage.Model.LinkageCategory.Internal).WithheldBelow);
        Assert.IsNull(run.Observations.Single(o => o.Linkage == global::Linkage.Model.LinkageCategory.Unknown).WithheldBelow);
    }
}
