using Linkage.Analyse;

namespace Linkage.Tests.Analyse;

[TestClass]
public sealed class SenSlopeTests
{
    // pyMannKendall's test series, missing values dropped, each point keeping its own t (reference value −1/157).
    [TestMethod]
    public void SenSlope_matches_pyMannKendall_over_the_actual_t_of_its_series()
    {
        var (t, values) = MannKendallSeries.Load();

        Assert.AreEqual(-0.006369426751592357, SenSlope.Estimate(t, values), 1e-12);
    }

    // scipy/stats/tests/test_stats.py (from Sen 1968): Theil–Sen slope 4.
    [TestMethod]
    public void SenSlope_matches_the_scipy_Theil_Sen_example_from_Sen_1968()
    {
        double[] x = [1, 2, 3, 4, 10, 12, 18];
        double[] y = [9, 15, 19, 20, 45, 55, 78];

        Assert.AreEqual(4.0, SenSlope.Estimate(x, y), 1e-12);
    }

    // Hand count: the pair at equal t is skipped; the remaining slopes are 1 and −4, whose median is −1.5.
    [TestMethod]
    public void SenSlope_skips_pairs_with_the_same_t()
    {
        Assert.AreEqual(-1.5, SenSlope.Estimate([0.0, 0.0, 1.0], [0.0, 5.0, 1.0]));
    }

    // Hand count: t = 2010, 2011, 2014 gives slopes 3, 2/4 and −1/3; the median is 0.5 per calendar year, not per position.
    [TestMethod]
    public void SenSlope_uses_the_actual_spacing_of_t()
    {
        Assert.AreEqual(0.5, SenSlope.Estimate([2010.0, 2011.0, 2014.0], [10.0, 13.0, 12.0]), 1e-12);
    }

    [TestMethod]
    public void SenSlope_rejects_fewer_than_two_distinct_t_and_unequal_lengths()
    {
        Assert.ThrowsExactly<ArgumentException>(() => SenSlope.Estimate([3.0, 3.0, 3.0], [1.0, 2.0, 3.0]));
        Assert.ThrowsExactly<ArgumentException>(() => SenSlope.Estimate([1.0], [1.0]));
        Assert.ThrowsExactly<ArgumentException>(() => SenSlope.Estimate([1.0, 2.0], [1.0]));
    }
}
