using MathNet.Numerics.Distributions;

namespace Linkage.Analyse;

/// <summary>The quasi-Poisson log-linear trend of a yearly count, as design.md defines it.</summary>
public static class TrendModel
{
    /// <summary>Fits log E[y] = a + b·(year − first year) and returns the annual percent change with its 95 % interval.</summary>
    /// <remarks>
    /// φ = max(1, Pearson χ² / (n − 2)); the interval for b is b ± t(n − 2, 0.975)·SE·√φ, mapped to 100·(e^b − 1).
    /// Years without data are simply absent (no zero-filling). Returns null when <see cref="PoissonGlm.Fit"/> does.
    /// </remarks>
    /// <exception cref="ArgumentException">The lists differ in length, there are fewer than 3 years, or the years are not strictly increasing.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    public static AnnualPercentChange? Apc(IReadOnlyList<int> years, IReadOnlyList<double> counts)
    {
        ArgumentNullException.ThrowIfNull(years);
        ArgumentNullException.ThrowIfNull(counts);
        var n = years.Count;
        if (n != counts.Count)
        {
            throw new ArgumentException("There must be one count per year.", nameof(counts));
        }

        if (n < 3)
        {
            throw new ArgumentException("The trend model needs at least 3 years (n − 2 degrees of freedom).", nameof(years));
        }

        var design = new double[n, 2];
        for (var i = 0; i < n; i++)
        {
            if (i > 0 && years[i] <= years[i - 1])
            {
                throw new ArgumentException("The years must be strictly increasing.", nameof(years));
            }

            design[i, 0] = 1;
            design[i, 1] = years[i] - years[0];
        }

        var fit = PoissonGlm.Fit(design, counts);
        if (fit is null)
        {
            return null;
        }

        var b = fit.Coefficients[1];
        var se = fit.StandardErrors[1];
        var dispersion = Math.Max(1.0, fit.PearsonChi2 / (n - 2));
        var half = StudentT.InvCDF(0, 1, n - 2, 0.975) * se * Math.Sqrt(dispersion);
        return new AnnualPercentChange(
            b, se, fit.PearsonChi2, dispersion, Percent(b), Percent(b - half), Percent(b + half), n);
    }

    /// <summary>Maps a log-scale slope to a percent change per year, 100·(e^b − 1).</summary>
    private static double Percent(double slope) => 100 * (Math.Exp(slope) - 1);
}
