using Linkage.Analyse;

namespace Linkage.Tests.Analyse;

[TestClass]
public sealed class WilsonTests
{
    // Newcombe R.G. (1998), Statistics in Medicine 17:857–872, Table I, method 3 (score interval without continuity correction).
    [TestMethod]
    [DataRow(81L, 263L, 0.2553, 0.3662)]
    [DataRow(15L, 148L, 0.0624, 0.1605)]
    [DataRow(0L, 20L, 0.0000, 0.1611)]
    [DataRow(1L, 29L, 0.0061, 0.1718)]
    [DataRow(29L, 29L, 0.8830, 1.0000)]
    public void Wilson_matches_Newcombe_1998_table_I(long x, long n, double low, double high)
    {
        var interval = Wilson.Interval95(x, n);

        Assert.AreEqual(low, interval.Low, 1e-4, $"{x}/{n} lower");
        Assert.AreEqual(high, interval.High, 1e-4, $"{x}/{n} upper");
    }

    // design.md and any standard normal table: z = 1.959964 for a two-sided 95 % interval.
    [TestMethod]
    public void Wilson_Z95_is_the_standard_normal_quantile_given_in_design_md()
    {
        Assert.AreEqual(1.959964, Wilson.Z95, 1e-6);
    }

    // Wilson (1927): each bound p solves (x/n − p)² = z²·p(1 − p)/n, the defining equation, checked here without the closed form.
    [TestMethod]
    [DataRow(3L, 10L)]
    [DataRow(500L, 1000L)]
    [DataRow(7L, 1_000_000L)]
    public void Wilson_bounds_solve_the_score_equation_of_Wilson_1927(long x, long n)
    {
        var interval = Wilson.Interval95(x, n);
        var z2 = Wilson.Z95 * Wilson.Z95;
        var observed = x / (double)n;

        foreach (var p in new[] { interval.Low, interval.High })
        {
            var gap = ((observed - p) * (observed - p)) - (z2 * p * (1 - p) / n);
            Assert.AreEqual(0.0, gap, 1e-12, $"{x}/{n} bound {p}");
        }

        Assert.IsLessThan(observed, interval.Low);
        Assert.IsGreaterThan(observed, interval.High);
    }

    [TestMethod]
    [DataRow(1L)]
    [DataRow(20L)]
    [DataRow(1_000_000_007L)]
    public void Wilson_gives_exact_0_and_1_at_the_ends(long n)
    {
        var none = Wilson.Interval95(0, n);
        var all = Wilson.Interval95(n, n);

        Assert.AreEqual(0.0, none.Low);
        Assert.IsGreaterThan(0.0, none.High);
        Assert.AreEqual(1.0, all.High);
        Assert.IsLessThan(1.0, all.Low);
    }

    [TestMethod]
    [DataRow(0L, 0L)]
    [DataRow(0L, -5L)]
    [DataRow(-1L, 10L)]
    [DataRow(11L, 10L)]
    public void Wilson_rejects_n_not_positive_and_x_outside_0_to_n(long x, long n)
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Wilson.Interval95(x, n));
    }
}
