using Linkage.Analyse;

namespace Linkage.Tests.Analyse;

[TestClass]
public sealed class PoissonGlmTests
{
    // R `?glm` example (Dobson 1990): counts ~ outcome + treatment, treatment contrasts, reference values from R's summary.
    [TestMethod]
    public void PoissonGlm_matches_the_R_glm_Dobson_1990_example()
    {
        double[] counts = [18, 17, 15, 20, 10, 20, 25, 13, 12];
        var design = new double[9, 5];
        for (var i = 0; i < 9; i++)
        {
            var outcome = (i % 3) + 1;
            var treatment = (i / 3) + 1;
            design[i, 0] = 1;
            design[i, 1] = outcome == 2 ? 1 : 0;
            design[i, 2] = outcome == 3 ? 1 : 0;
            design[i, 3] = treatment == 2 ? 1 : 0;
            design[i, 4] = treatment == 3 ? 1 : 0;
        }

        var fit = PoissonGlm.Fit(design, counts);

        Assert.IsNotNull(fit);
        Assert.IsTrue(fit.Converged);
        double[] coefficients = [3.044522, -0.454255, -0.292987, 0, 0];
        double[] errors = [0.170899, 0.202171, 0.192742, 0.2, 0.2];
        for (var j = 0; j < 5; j++)
        {
            Assert.AreEqual(coefficients[j], fit.Coefficients[j], 1e-5, $"coefficient {j}");
            Assert.AreEqual(errors[j], fit.StandardErrors[j], 1e-5, $"standard error {j}");
        }

        Assert.AreEqual(5.1291, fit.Deviance, 1e-4);
    }

    // Closed form: with an intercept only, the maximum likelihood estimate is log(ȳ), its SE 1/√Σy, and the deviance 2Σ y·log(y/ȳ).
    [TestMethod]
    public void PoissonGlm_with_an_intercept_only_gives_the_closed_form_log_mean()
    {
        double[] counts = [3, 0, 7, 4, 11];
        var design = new double[5, 1];
        for (var i = 0; i < 5; i++)
        {
            design[i, 0] = 1;
        }

        var fit = PoissonGlm.Fit(design, counts);

        Assert.IsNotNull(fit);
        var mean = counts.Average();
        Assert.AreEqual(Math.Log(mean), fit.Coefficients[0], 1e-10);
        Assert.AreEqual(1 / Math.Sqrt(counts.Sum()), fit.StandardErrors[0], 1e-10);
        Assert.AreEqual(2 * counts.Where(y => y > 0).Sum(y => y * Math.Log(y / mean)), fit.Deviance, 1e-9);
        Assert.AreEqual(counts.Sum(y => (y - mean) * (y - mean) / mean), fit.PearsonChi2, 1e-9);
        Assert.IsLessThan(100, fit.Iterations);
    }

    [TestMethod]
    public void PoissonGlm_returns_null_when_every_count_is_0()
    {
        Assert.IsNull(PoissonGlm.Fit(Trend(4), [0, 0, 0, 0]));
    }

    // Separation (no finite maximum likelihood estimate): only one end year, or only one group, has cases, so a coefficient runs off to infinity.
    [TestMethod]
    public void PoissonGlm_returns_null_when_fitted_means_collapse_to_0()
    {
        Assert.IsNull(PoissonGlm.Fit(Trend(5), [0, 0, 0, 0, 5]));
        Assert.IsNull(PoissonGlm.Fit(Trend(5), [5, 0, 0, 0, 0]));
        Assert.IsNull(PoissonGlm.Fit(Trend(3), [7, 0, 0]));
        var groups = new double[6, 2];
        for (var i = 0; i < 6; i++)
        {
            groups[i, 0] = 1;
            groups[i, 1] = i < 3 ? 0 : 1;
        }

        Assert.IsNull(PoissonGlm.Fit(groups, [300, 100, 500, 0, 0, 0]));
    }

    // The maximum likelihood estimate exists whenever cases fall in two different years; it solves the score equations Xᵀ(y − μ) = 0.
    [TestMethod]
    [DataRow(new[] { 0.0, 0, 3, 0, 5 })]
    [DataRow(new[] { 0.0, 0, 0, 1, 50 })]
    [DataRow(new[] { 0.0, 0, 0, 1, 500 })]
    [DataRow(new[] { 1000.0, 3000, 200, 5000, 10 })]
    public void PoissonGlm_still_fits_zeros_and_steep_trends_that_do_not_separate(double[] counts)
    {
        var fit = PoissonGlm.Fit(Trend(5), counts);

        Assert.IsNotNull(fit);
        Assert.IsTrue(fit.Converged);
        double level = 0, slope = 0;
        for (var i = 0; i < 5; i++)
        {
            var residual = counts[i] - Math.Exp(fit.Coefficients[0] + (fit.Coefficients[1] * i));
            level += residual;
            slope += i * residual;
        }

        Assert.AreEqual(0.0, level, 1e-6 * counts.Sum());
        Assert.AreEqual(0.0, slope, 1e-6 * counts.Sum());
    }

    [TestMethod]
    public void PoissonGlm_returns_null_for_a_singular_design_and_for_non_finite_values()
    {
        var duplicated = new double[4, 3];
        for (var i = 0; i < 4; i++)
        {
            duplicated[i, 0] = 1;
            duplicated[i, 1] = i;
            duplicated[i, 2] = 2 * i;
        }

        Assert.IsNull(PoissonGlm.Fit(duplicated, [1, 2, 4, 8]));
        Assert.IsNull(PoissonGlm.Fit(Trend(3), [1, double.NaN, 4]));
        var infinite = Trend(3);
        infinite[1, 1] = double.PositiveInfinity;
        Assert.IsNull(PoissonGlm.Fit(infinite, [1, 2, 4]));
    }

    [TestMethod]
    public void PoissonGlm_rejects_negative_counts_and_a_count_per_row_mismatch()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => PoissonGlm.Fit(Trend(3), [1, -2, 4]));
        Assert.ThrowsExactly<ArgumentException>(() => PoissonGlm.Fit(Trend(3), [1, 2]));
    }

    /// <summary>An intercept and a 0, 1, 2, … time column.</summary>
    private static double[,] Trend(int n)
    {
        var design = new double[n, 2];
        for (var i = 0; i < n; i++)
        {
            design[i, 0] = 1;
            design[i, 1] = i;
        }

        return design;
    }
}
