using System.Globalization;

namespace Linkage.Analyse;

/// <summary>The annual percent change of a yearly count from the quasi-Poisson log-linear trend model of design.md.</summary>
/// <param name="Slope">The fitted slope b of log E[y] on the year.</param>
/// <param name="StandardError">The ordinary Poisson model standard error of b.</param>
/// <param name="PearsonChi2">The Pearson chi-square of the Poisson fit.</param>
/// <param name="Dispersion">The dispersion φ = max(1, Pearson χ² / (n − 2)).</param>
/// <param name="Apc">The annual percent change, 100·(e^b − 1).</param>
/// <param name="ApcLow">The lower 95 % bound, 100·(e^(b − t·SE·√φ) − 1).</param>
/// <param name="ApcHigh">The upper 95 % bound, 100·(e^(b + t·SE·√φ) − 1).</param>
/// <param name="N">The number of years fitted.</param>
public sealed record AnnualPercentChange(
    double Slope,
    double StandardError,
    double PearsonChi2,
    double Dispersion,
    double Apc,
    double ApcLow,
    double ApcHigh,
    int N)
{
    /// <summary>Formats the result with the invariant culture, whatever the current culture is.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"AnnualPercentChange {{ Slope = {Slope:R}, StandardError = {StandardError:R}, PearsonChi2 = {PearsonChi2:R}, Dispersion = {Dispersion:R}, Apc = {Apc:R}, ApcLow = {ApcLow:R}, ApcHigh = {ApcHigh:R}, N = {N} }}");
}
