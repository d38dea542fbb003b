using MathNet.Numerics.Distributions;

namespace Linkage.Analyse;

/// <summary>The Mann–Kendall test for a monotonic trend (Mann 1945; Kendall 1975), normal approximation with tie and continuity correction.</summary>
public static class MannKendall
{
    /// <summary>Tests <paramref name="values"/>, given in time order, for a monotonic trend.</summary>
    /// <remarks>Ties are values that are exactly equal as doubles; with no untied pair S = 0, Z = 0 and P = 1.</remarks>
    /// <exception cref="ArgumentException">There are fewer than two values, or a value is not finite.</exception>
    public static MannKendallResult Test(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var n = values.Count;
        if (n < 2)
        {
            throw new ArgumentException("The Mann–Kendall test needs at least two values.", nameof(values));
        }

        if (values.Any(v => !double.IsFinite(v)))
        {
            throw new ArgumentException("Every value must be a finite number.", nameof(values));
        }

        var s = 0L;
        for (var i = 0; i < n - 1; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                s += Math.Sign(values[j] - values[i]);
            }
        }

        var variance = Variance(values);
        var z = s == 0 || variance <= 0 ? 0.0 : (s - Math.Sign(s)) / Math.Sqrt(variance);
        var p = 2 * (1 - Normal.CDF(0, 1, Math.Abs(z)));
        var tau = s / (n * (n - 1) / 2.0);
        return new MannKendallResult(s, variance, z, p, tau, n);
    }

    /// <summary>Var(S) = [n(n − 1)(2n + 5) − Σ t(t − 1)(2t + 5)] / 18 over the groups of t tied values.</summary>
    private static double Variance(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        long n = sorted.Length;
        var sum = n * (n - 1) * ((2 * n) + 5);
        var start = 0;
        for (var i = 1; i <= sorted.Length; i++)
        {
            if (i == sorted.Length || sorted[i] != sorted[start])
            {
                long t = i - start;
                sum -= t * (t - 1) * ((2 * t) + 5);
                start = i;
            }
        }

        return sum / 18.0;
    }
}
