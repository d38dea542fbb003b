using Linkage.Analyse;

namespace Linkage.Tests.Analyse;

[TestClass]
public sealed class TrendModelTests
{
    // statsmodels 0.13.5 GLM(y, [1, year − first], family=Poisson()), then φ, CI and APC as design.md defines them.
    [TestMethod]
    [DataRow(2015, new[] { 12.0, 15, 14, 21, 25, 24, 31, 37 }, 0.157871, 0.033938, 1.0, 1.074453, 17.101529, 7.769746, 27.241351)]
    [DataRow(2012, new[] { 40.0, 38, 45, 41, 39, 44 }, 0.013188, 0.037263, 1.0, 0.817854, 1.327558, -8.631598, 12.372261)]
    [DataRow(2010, new[] { 5.0, 9, 4, 12, 7, 15, 11, 18, 9, 22 }, 0.126672, 0.034227, 1.389417, 11.115334, 13.504515, 3.421122, 24.571024)]
    public void TrendModel_matches_statsmodels_quasi_Poisson_APC(
        int first, double[] counts, double b, double se, double phi, double chi2, double apc, double low, double high)
    {
        var years = Enumerable.Range(first, counts.Length).ToArray();

        var result = TrendModel.Apc(years, counts);

        Assert.IsNotNull(result);
        Assert.AreEqual(counts.Length, result.N);
        Assert.AreEqual(b, result.Slope, 1e-5);
        Assert.AreEqual(se, result.StandardError, 1e-5);
        Assert.AreEqual(phi, result.Dispersion, 1e-5);
        Assert.AreEqual(chi2, result.PearsonChi2, 1e-5);
        Assert.AreEqual(apc, result.Apc, 0.01);
        Assert.AreEqual(low, result.ApcLow, 0.01);
        Assert.AreEqual(high, result.ApcHigh, 0.01);
    }

    // Independent check: a direct Newton solve of the two Poisson score equations Σ(y − μ) = 0 and Σx(y − μ) = 0 on the actual years.
    [TestMethod]
    public void TrendModel_with_a_gap_year_fits_the_actual_years()
    {
        int[] years = [2010, 2011, 2013, 2014, 2015];
        double[] counts = [10, 14, 19, 25, 27];
        double[] x = [0, 1, 3, 4, 5];
        var (_, b, se, chi2) = NewtonPoisson(x, counts);

        var result = TrendModel.Apc(years, counts);

        Assert.IsNotNull(result);
        Assert.AreEqual(b, result.Slope, 1e-9);
        Assert.AreEqual(se, result.StandardError, 1e-9);
        Assert.AreEqual(chi2, result.PearsonChi2, 1e-9);
        Assert.AreEqual(100 * (Math.Exp(b) - 1), result.Apc, 1e-7);
        var positions = NewtonPoisson([0, 1, 2, 3, 4], counts);
        Assert.IsGreaterThan(1e-3, Math.Abs(positions.B - result.Slope), "the gap must not be closed up");
    }

    [TestMethod]
    public void TrendModel_returns_null_when_the_Poisson_fit_cannot_be_made()
    {
        Assert.IsNull(TrendModel.Apc([2018, 2019, 2020, 2021], [0, 0, 0, 0]));
        Assert.IsNull(TrendModel.Apc([2016, 2017, 2018, 2019, 2020], [0, 0, 0, 0, 5]));
    }

    [TestMethod]
    public void TrendModel_rejects_fewer_than_3_years_unordered_years_and_negative_counts()
    {
        Assert.ThrowsExactly<ArgumentException>(() => TrendModel.Apc([2019, 2020], [3, 4]));
        Assert.ThrowsExactly<ArgumentException>(() => TrendModel.Apc([2019, 2019, 2020], [3, 4, 5]));
        Assert.ThrowsExactly<ArgumentException>(() => TrendModel.Apc([2021, 2019, 2020], [3, 4, 5]));
        Assert.ThrowsExactly<ArgumentException>(() => TrendModel.Apc([2019, 2020, 2021], [3, 4]));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => TrendModel.Apc([2019, 2020, 2021], [3, -4, 5]));
    }

    /// <summary>Newton–Raphson on the Poisson log-likelihood of log μ = a + b·x, written out for two parameters.</summary>
    private static (double A, double B, double SeB, double Chi2) NewtonPoisson(double[] x, double[] y)
    {
        double a = Math.Log(y.Average()), b = 0;
        double h00 = 0, h01 = 0, h11 = 0;
        for (var iteration = 0; iteration < 200; iteration++)
        {
            double g0 = 0, g1 = 0;
            h00 = h01 = h11 = 0;
            for (var i = 0; i < x.Length; i++)
            {
                var mu = Math.Exp(a + (b * x[i]));
                g0 += y[i] - mu;
                g1 += x[i] * (y[i] - mu);
                h00 += mu;
                h01 += x[i] * mu;
                h11 += x[i] * x[i] * mu;
            }

            var det = (h00 * h11) - (h01 * h01);
            a += ((h11 * g0) - (h01 * g1)) / det;
            b += ((h00 * g1) - (h01 * g0)) / det;
        }

        var chi2 = x.Select((xi, i) => Math.Pow(y[i] - Math.Exp(a + (b * xi)), 2) / Math.Exp(a + (b * xi))).Sum();
        return (a, b, Math.Sqrt(h00 / ((h00 * h11) - (h01 * h01))), chi2);
    }
}
