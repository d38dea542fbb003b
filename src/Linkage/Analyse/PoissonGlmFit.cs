using System.Globalization;

namespace Linkage.Analyse;

/// <summary>A Poisson log-link GLM fitted by iteratively reweighted least squares.</summary>
/// <param name="Coefficients">The fitted coefficients, one per design column.</param>
/// <param name="StandardErrors">The model-based standard errors, the square roots of the diagonal of (XᵀWX)⁻¹ at convergence.</param>
/// <param name="Deviance">The residual deviance, 2 Σ [y ln(y/μ) − (y − μ)].</param>
/// <param name="PearsonChi2">The Pearson chi-square, Σ (y − μ)²/μ.</param>
/// <param name="Iterations">The number of IRLS iterations performed.</param>
/// <param name="Converged">True when the relative change in deviance fell below the convergence tolerance.</param>
public sealed record PoissonGlmFit(
    IReadOnlyList<double> Coefficients,
    IReadOnlyList<double> StandardErrors,
    double Deviance,
    double PearsonChi2,
    int Iterations,
    bool Converged)
{
    /// <summary>Formats the fit with the invariant culture, whatever the current culture is.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"PoissonGlmFit {{ Coefficients = [{Join(Coefficients)}], StandardErrors = [{Join(StandardErrors)}], Deviance = {Deviance:R}, PearsonChi2 = {PearsonChi2:R}, Iterations = {Iterations}, Converged = {Converged} }}");

    private static string Join(IReadOnlyList<double> values) =>
        string.Join(", ", values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
}
