using Linkage.Analyse;

namespace Linkage.Tests.Analyse;

[TestClass]
public sealed class MannKendallTests
{
    // pyMannKendall's test series (cross-checked by its authors against R modifiedmk, fume, rkt and trend), values from /work/shared/reference.
    [TestMethod]
    public void MannKendall_matches_pyMannKendall_on_its_360_point_series_with_missing_values_dropped()
    {
        var (_, values) = MannKendallSeries.Load();

        var result = MannKendall.Test(values);

        Assert.AreEqual(353, result.N);
        Assert.AreEqual(-1959L, result.S);
        Assert.AreEqual(4889800.333333333, result.VarianceS, 1e-6);
        Assert.AreEqual(-0.8854562842589916, result.Z, 1e-9);
        Assert.AreEqual(0.37591058740506833, result.P, 1e-6);
        Assert.AreEqual(-0.03153167653875869, result.Tau, 1e-12);
    }

    // Hand count (Mann 1945; Kendall 1975): 1, 1, 2 has S = 0 + 1 + 1 = 2, Var = [3·2·11 − 2·1·9]/18 = 48/18, z = (2 − 1)/√Var.
    [TestMethod]
    public void MannKendall_corrects_the_variance_for_a_tie_as_counted_by_hand()
    {
        var result = MannKendall.Test([1.0, 1.0, 2.0]);

        Assert.AreEqual(2L, result.S);
        Assert.AreEqual(48.0 / 18.0, result.VarianceS, 1e-12);
        Assert.AreEqual(1 / Math.Sqrt(48.0 / 18.0), result.Z, 1e-12);
        Assert.AreEqual(2.0 / 3.0, result.Tau, 1e-12);
    }

    // Hand count: a strictly decreasing run of 5 has S = −10, Var = 5·4·15/18, z = (−10 + 1)/√Var = −2.2045 (normal table: p ≈ 0.0275).
    [TestMethod]
    public void MannKendall_of_a_decreasing_run_is_significant_with_tau_minus_1()
    {
        var result = MannKendall.Test([9.0, 7.5, 3.0, 2.0, -4.0]);

        Assert.AreEqual(-10L, result.S);
        Assert.AreEqual(300.0 / 18.0, result.VarianceS, 1e-12);
        Assert.AreEqual(-9 / Math.Sqrt(300.0 / 18.0), result.Z, 1e-12);
        Assert.AreEqual(0.0275, result.P, 1e-4);
        Assert.AreEqual(-1.0, result.Tau);
    }

    [TestMethod]
    public void MannKendall_of_all_ties_gives_S_0_and_p_1()
    {
        var result = MannKendall.Test([4.0, 4.0, 4.0, 4.0, 4.0, 4.0]);

        Assert.AreEqual(0L, result.S);
        Assert.AreEqual(0.0, result.VarianceS);
        Assert.AreEqual(0.0, result.Z);
        Assert.AreEqual(1.0, result.P);
        Assert.AreEqual(0.0, result.Tau);
    }

    // n = 2: S = ±1, Var = 2·1·9/18 = 1, the continuity correction makes z = 0 and p = 1.
    [TestMethod]
    [DataRow(1.0, 2.0, 1L)]
    [DataRow(2.0, 1.0, -1L)]
    public void MannKendall_of_two_values_has_S_1_variance_1_and_p_1(double first, double second, long s)
    {
        var result = MannKendall.Test([first, second]);

        Assert.AreEqual(s, result.S);
        Assert.AreEqual(1.0, result.VarianceS);
        Assert.AreEqual(0.0, result.Z);
        Assert.AreEqual(1.0, result.P);
        Assert.AreEqual((double)s, result.Tau);
        Assert.AreEqual(2, result.N);
    }

    [TestMethod]
    public void MannKendall_rejects_fewer_than_two_values_and_non_finite_values()
    {
        Assert.ThrowsExactly<ArgumentException>(() => MannKendall.Test([]));
        Assert.ThrowsExactly<ArgumentException>(() => MannKendall.Test([1.0]));
        Assert.ThrowsExactly<ArgumentException>(() => MannKendall.Test([1.0, double.NaN, 2.0]));
    }
}
