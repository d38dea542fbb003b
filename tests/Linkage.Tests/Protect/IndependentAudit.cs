using Linkage.Protect;

using MathNet.Numerics.LinearAlgebra;

namespace Linkage.Tests.Protect;

/// <summary>
/// A second, independent audit for the tests: a suppressed cell x_j is determined by the relations exactly when
/// adding the unit vector e_j to the relation matrix (restricted to the suppressed cells) does not raise its rank.
/// Uses MathNet.Numerics' floating-point rank, not the library's exact elimination.
/// </summary>
internal static class IndependentAudit
{
    public static List<int> DeterminedCells(IReadOnlyList<Relation> relations, IReadOnlyList<bool> suppressed)
    {
        var columns = Enumerable.Range(0, suppressed.Count).Where(i => suppressed[i]).ToList();
        var determined = new List<int>();
        if (columns.Count == 0)
        {
            return determined;
        }

        var rows = relations
            .Select(r => columns.Select(c => (double)r.Terms.Where(t => t.Cell == c).Sum(t => t.Coefficient)).ToArray())
            .Where(row => row.Any(v => v != 0))
            .ToList();
        var rank = rows.Count == 0 ? 0 : Matrix<double>.Build.DenseOfRowArrays(rows).Rank();
        for (var j = 0; j < columns.Count; j++)
        {
            var unit = new double[columns.Count];
            unit[j] = 1;
            var withUnit = Matrix<double>.Build.DenseOfRowArrays([.. rows, unit]).Rank();
            if (withUnit == rank)
            {
                determined.Add(columns[j]);
            }
        }

        return determined;
    }
}
