using Linkage.Protect;

using MathNet.Numerics.LinearAlgebra;

namespace Linkage.Tests.Protect;

[TestClass]
public sealed class RowSpaceTests
{
    private static SparseVector Sparse(int[] dense) =>
        new([.. Enumerable.Range(0, dense.Length).Where(i => dense[i] != 0)], [.. dense.Where(x => x != 0).Select(x => (long)x)]);

    [TestMethod]
    public void RowSpace_membership_agrees_with_MathNet_rank_on_random_0_1_vectors()
    {
        var random = new Random(1968);
        for (var n = 0; n < 300; n++)
        {
            var width = random.Next(2, 14);
            var space = new RowSpace();
            var rows = new List<double[]>();
            for (var r = random.Next(0, 10); r > 0; r--)
            {
                var v = Enumerable.Range(0, width).Select(_ => random.NextDouble() < 0.35 ? 1 : 0).ToArray();
                space.Add(Sparse(v));
                rows.Add([.. v.Select(x => (double)x)]);
            }

            var rank = rows.Count == 0 ? 0 : Matrix<double>.Build.DenseOfRowArrays(rows).Rank();
            Assert.AreEqual(rank, space.Rank, $"case {n}");
            for (var t = 0; t < 5; t++)
            {
                var target = Enumerable.Range(0, width).Select(_ => random.NextDouble() < 0.35 ? 1 : 0).ToArray();
                var withTarget = Matrix<double>.Build.DenseOfRowArrays([.. rows, [.. target.Select(x => (double)x)]]).Rank();
                Assert.AreEqual(withTarget == rank, space.Contains(Sparse(target)), $"case {n}, target {t}");
            }
        }
    }

    [TestMethod]
    public void RowSpace_residuals_tell_what_one_more_known_sum_would_reveal()
    {
        // Known: a + b. Would knowing a + c reveal b − c? Yes: (a + b) − (a + c). Would it reveal b alone? No.
        var space = new RowSpace();
        space.Add(Sparse([1, 1, 0]));
        var next = space.Residual(Sparse([1, 0, 1]))!.Value;

        Assert.IsTrue(RowSpace.Proportional(space.Residual(Sparse([0, 1, -1]))!.Value, next));
        Assert.IsFalse(RowSpace.Proportional(space.Residual(Sparse([0, 1, 0]))!.Value, next));
        space.AddResidual(next);
        Assert.IsTrue(space.Contains(Sparse([0, 1, -1])));
        Assert.IsFalse(space.Contains(Sparse([0, 1, 0])));
    }
}
