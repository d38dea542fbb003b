using System.Globalization;

namespace Linkage.Analyse;

/// <summary>The outcome of a Mann–Kendall trend test on one series.</summary>
/// <param name="S">The Mann–Kendall statistic: the sum of the signs of all later-minus-earlier differences.</param>
/// <param name="VarianceS">The variance of S under no trend, corrected for ties.</param>
/// <param name="Z">The continuity-corrected standard normal score of S.</param>
/// <param name="P">The two-sided p-value, 2(1 − Φ(|Z|)).</param>
/// <param name="Tau">Kendall's τ, S / (n(n − 1)/2).</param>
/// <param name="N">The number of values tested.</param>
public sealed record MannKendallResult(long S, double VarianceS, double Z, double P, double Tau, int N)
{
    /// <summary>Formats the result with the invariant culture, whatever the current culture is.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"MannKendallResult {{ S = {S}, VarianceS = {VarianceS:R}, Z = {Z:R}, P = {P:R}, Tau = {Tau:R}, N = {N} }}");
}
