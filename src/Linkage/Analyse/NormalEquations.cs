namespace Linkage.Analyse;

/// <summary>The weighted least-squares normal equations of one IRLS step.</summary>
internal static class NormalEquations
{
    /// <summary>XᵀWX and XᵀWz for the weights <paramref name="w"/> (the Poisson IRLS weights are the fitted means) and working response <paramref name="z"/>.</summary>
    public static (double[,] XtWX, double[] XtWz) Build(double[,] x, double[] w, double[] z)
    {
        var p = x.GetLength(1);
        var xtwx = new double[p, p];
        var xtwz = new double[p];
        for (var i = 0; i < w.Length; i++)
        {
            for (var j = 0; j < p; j++)
            {
                var wx = w[i] * x[i, j];
                xtwz[j] += wx * z[i];
                for (var k = 0; k <= j; k++)
                {
                    xtwx[j, k] += wx * x[i, k];
                }
            }
        }

        for (var j = 0; j < p; j++)
        {
            for (var k = j + 1; k < p; k++)
            {
                xtwx[j, k] = xtwx[k, j];
            }
        }

        return (xtwx, xtwz);
    }
}
