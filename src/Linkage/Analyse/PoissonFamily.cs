namespace Linkage.Analyse;

/// <summary>The Poisson deviance and Pearson chi-square of counts against fitted means.</summary>
internal static class PoissonFamily
{
    /// <summary>The deviance 2 Σ [y ln(y/μ) − (y − μ)], the y ln(y/μ) term being 0 when y = 0.</summary>
    public static double Deviance(IReadOnlyList<double> y, double[] mu)
    {
        var sum = 0.0;
        for (var i = 0; i < mu.Length; i++)
        {
            var term = y[i] > 0 ? y[i] * Math.Log(y[i] / mu[i]) : 0.0;
            sum += term - (y[i] - mu[i]);
        }

        return 2 * sum;
    }

    /// <summary>The Pearson chi-square Σ (y − μ)²/μ.</summary>
    public static double PearsonChi2(IReadOnlyList<double> y, double[] mu)
    {
        var sum = 0.0;
        for (var i = 0; i < mu.Length; i++)
        {
            var residual = y[i] - mu[i];
            sum += residual * residual / mu[i];
        }

        return sum;
    }
}
