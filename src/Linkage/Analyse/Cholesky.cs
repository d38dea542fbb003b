using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace Linkage.Analyse;

/// <summary>The weighted least-squares solve of one IRLS step, by MathNet.Numerics' Cholesky factorisation of XᵀWX.</summary>
internal static class Cholesky
{
    /// <summary>
    /// The factorisation of <paramref name="a"/> (XᵀWX, symmetric positive semi-definite by construction), or null when
    /// it is numerically singular — a design whose columns are linearly dependent, or weights that have collapsed.
    /// </summary>
    public static Cholesky<double>? Factor(double[,] a)
    {
        var matrix = Matrix<double>.Build.DenseOfArray(a);
        if (matrix.Enumerate().Any(v => !double.IsFinite(v)) || matrix.Rank() < matrix.RowCount)
        {
            return null;
        }

        try
        {
            return matrix.Cholesky();
        }
        catch (ArgumentException)
        {
            // MathNet's way of saying "not positive definite": rounding has made a borderline matrix indefinite.
            return null;
        }
    }

    /// <summary>Solves XᵀWX·β = <paramref name="b"/>.</summary>
    public static double[] Solve(Cholesky<double> factor, double[] b) =>
        factor.Solve(Vector<double>.Build.DenseOfArray(b)).ToArray();

    /// <summary>The diagonal of (XᵀWX)⁻¹: the model-based variances of the coefficients.</summary>
    public static double[] InverseDiagonal(Cholesky<double> factor)
    {
        var p = factor.Factor.RowCount;
        return factor.Solve(Matrix<double>.Build.DenseIdentity(p)).Diagonal().ToArray();
    }
}
