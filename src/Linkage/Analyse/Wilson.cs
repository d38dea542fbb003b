using MathNet.Numerics.Distributions;

namespace Linkage.Analyse;

/// <summary>The Wilson score interval for a binomial proportion (Wilson 1927; Newcombe 1998, method 3).</summary>
public static class Wilson
{
    /// <summary>The two-sided 95 % standard normal quantile, Φ⁻¹(0.975) ≈ 1.959964.</summary>
    public static double Z95 { get; } = Normal.InvCDF(0, 1, 0.975);

    /// <summary>The 95 % Wilson score interval for <paramref name="x"/> successes in <paramref name="n"/> trials, without continuity correction.</summary>
    /// <remarks>
    /// The bounds are clamped to [0, 1]; <paramref name="x"/> = 0 gives a lower bound of exactly 0 and
    /// <paramref name="x"/> = <paramref name="n"/> an upper bound of exactly 1.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is not positive or <paramref name="x"/> is outside 0…<paramref name="n"/>.</exception>
    public static Interval Interval95(long x, long n)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(n);
        ArgumentOutOfRangeException.ThrowIfNegative(x);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(x, n);

        var z = Z95;
        var trials = (double)n;
        var p = x / trials;
        var z2 = z * z;
        var denominator = 1 + (z2 / trials);
        var centre = (p + (z2 / (2 * trials))) / denominator;
        var half = z * Math.Sqrt((p * (1 - p) / trials) + (z2 / (4 * trials * trials))) / denominator;

        var low = x == 0 ? 0.0 : Math.Clamp(centre - half, 0.0, 1.0);
        var high = x == n ? 1.0 : Math.Clamp(centre + half, 0.0, 1.0);
        return new Interval(low, high);
    }
}
