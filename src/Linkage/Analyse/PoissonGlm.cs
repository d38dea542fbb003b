namespace Linkage.Analyse;

/// <summary>A Poisson generalised linear model with log link, fitted by iteratively reweighted least squares (McCullagh and Nelder 1989).</summary>
public static class PoissonGlm
{
    /// <summary>The most IRLS iterations tried before the fit is given up.</summary>
    private const int MaxIterations = 100;

    /// <summary>The fit has converged when |D − D_previous| / (|D| + 0.1) falls below this (the relative deviance change, as R's glm measures it).</summary>
    private const double Tolerance = 1e-10;

    /// <summary>
    /// A log fitted mean still falling by more than this in the last iteration, once the deviance has settled, is collapsing to 0:
    /// under separation a coefficient runs off to infinity and such a mean keeps shrinking by a factor of about e or more per step,
    /// whereas a true maximum is approached quadratically and its last steps are tiny.
    /// </summary>
    private const double CollapsingFall = 0.01;

    /// <summary>Fits log E[y] = Xβ, X being <paramref name="design"/> (rows = observations, columns = covariates, intercept included by the caller).</summary>
    /// <remarks>
    /// Returns null when the fit cannot be made: every count is 0, a value is not finite, XᵀWX is singular, the fit does not
    /// converge within 100 iterations, or fitted means collapse to 0 (separation, as for y = 0, 0, 0, 0, 5 on a time trend:
    /// a coefficient runs off to infinity and the deviance settles only because those means vanish).
    /// </remarks>
    /// <exception cref="ArgumentException">The design has no columns or its row count differs from the number of counts.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    public static PoissonGlmFit? Fit(double[,] design, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(y);
        var n = design.GetLength(0);
        var p = design.GetLength(1);
        if (p == 0 || n != y.Count)
        {
            throw new ArgumentException("The design needs at least one column and one row per count.", nameof(design));
        }

        if (y.Any(v => v < 0))
        {
            throw new ArgumentOutOfRangeException(nameof(y), "Counts must not be negative.");
        }

        if (y.Any(v => !double.IsFinite(v)) || design.Cast<double>().Any(v => !double.IsFinite(v)) || y.All(v => v == 0))
        {
            return null;
        }

        var mu = y.Select(v => v + 0.1).ToArray();
        var eta = mu.Select(m => Math.Log(m)).ToArray();
        var deviance = PoissonFamily.Deviance(y, mu);
        var iterations = 0;
        var converged = false;
        var fall = 0.0;
        double[] beta = [];
        while (!converged && iterations < MaxIterations)
        {
            iterations++;
            var working = new double[n];
            for (var i = 0; i < n; i++)
            {
                working[i] = eta[i] + ((y[i] - mu[i]) / mu[i]);
            }

            var (xtwx, xtwz) = NormalEquations.Build(design, mu, working);
            var factor = Cholesky.Factor(xtwx);
            if (factor is null)
            {
                return null;
            }

            beta = Cholesky.Solve(factor, xtwz);
            fall = Update(design, beta, eta, mu);

            var previous = deviance;
            deviance = PoissonFamily.Deviance(y, mu);
            if (!double.IsFinite(deviance) || mu.Any(m => !double.IsFinite(m) || m <= 0))
            {
                return null;
            }

            converged = Math.Abs(deviance - previous) / (Math.Abs(deviance) + 0.1) < Tolerance;
        }

        if (!converged || fall > CollapsingFall)
        {
            return null;
        }

        var final = Cholesky.Factor(NormalEquations.Build(design, mu, eta).XtWX);
        if (final is null)
        {
            return null;
        }

        var errors = Cholesky.InverseDiagonal(final).Select(v => Math.Sqrt(v)).ToArray();
        return new PoissonGlmFit(beta, errors, deviance, PoissonFamily.PearsonChi2(y, mu), iterations, converged);
    }

    /// <summary>Sets η = Xβ and μ = e^η in place and returns the largest fall of any η (0 when none fell).</summary>
    private static double Update(double[,] x, double[] beta, double[] eta, double[] mu)
    {
        var fall = 0.0;
        for (var i = 0; i < eta.Length; i++)
        {
            var before = eta[i];
            eta[i] = 0;
            for (var j = 0; j < beta.Length; j++)
            {
                eta[i] += x[i, j] * beta[j];
            }

            mu[i] = Math.Exp(eta[i]);
            fall = Math.Max(fall, before - eta[i]);
        }

        return fall;
    }
}
