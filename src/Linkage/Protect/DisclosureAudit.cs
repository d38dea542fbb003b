using System.Numerics;

namespace Linkage.Protect;

/// <summary>
/// Decides, by exact linear algebra, whether a reader who knows every published cell and every relation of a table
/// can compute a suppressed cell's value. Bounds (counts are non-negative) are not used: the question is exact
/// recovery, design.md guarantee 2.
/// </summary>
public static class DisclosureAudit
{
    /// <summary>
    /// The suppressed cells whose value is uniquely determined. With the published cells moved to the right-hand
    /// side, the relations are A·x = b over the suppressed cells x; x_j is determined exactly when the unit vector e_j
    /// lies in the row space of A, which holds exactly when a row of A's reduced row echelon form is e_j.
    /// </summary>
    public static IReadOnlyList<int> DeterminedCells(IReadOnlyList<Relation> relations, IReadOnlyList<bool> suppressed)
    {
        ArgumentNullException.ThrowIfNull(relations);
        ArgumentNullException.ThrowIfNull(suppressed);
        var columns = Enumerable.Range(0, suppressed.Count).Where(i => suppressed[i]).ToArray();
        if (columns.Length == 0)
        {
            return [];
        }

        var columnOf = new Dictionary<int, int>();
        for (var j = 0; j < columns.Length; j++)
        {
            columnOf[columns[j]] = j;
        }

        var rows = new List<BigInteger[]>();
        foreach (var relation in relations)
        {
            var row = new BigInteger[columns.Length];
            var any = false;
            foreach (var term in relation.Terms)
            {
                if (columnOf.TryGetValue(term.Cell, out var j))
                {
                    row[j] += term.Coefficient;
                    any = true;
                }
            }

            if (any)
            {
                rows.Add(row);
            }
        }

        ReduceInPlace(rows, columns.Length);
        var determined = new List<int>();
        foreach (var row in rows)
        {
            var nonZero = -1;
            var count = 0;
            for (var j = 0; j < row.Length && count < 2; j++)
            {
                if (!row[j].IsZero)
                {
                    nonZero = j;
                    count++;
                }
            }

            if (count == 1)
            {
                determined.Add(columns[nonZero]);
            }
        }

        determined.Sort();
        return determined;
    }

    /// <summary>Brings the rows to reduced row echelon form with exact integer (fraction-free) arithmetic.</summary>
    private static void ReduceInPlace(List<BigInteger[]> rows, int width)
    {
        var pivotRow = 0;
        for (var col = 0; col < width && pivotRow < rows.Count; col++)
        {
            var p = rows.FindIndex(pivotRow, r => !r[col].IsZero);
            if (p < 0)
            {
                continue;
            }

            (rows[pivotRow], rows[p]) = (rows[p], rows[pivotRow]);
            var pivot = rows[pivotRow];
            for (var r = 0; r < rows.Count; r++)
            {
                if (r == pivotRow || rows[r][col].IsZero)
                {
                    continue;
                }

                var factor = rows[r][col];
                var row = rows[r];
                for (var j = 0; j < width; j++)
                {
                    row[j] = (row[j] * pivot[col]) - (pivot[j] * factor);
                }

                Normalise(row);
            }

            pivotRow++;
        }
    }

    /// <summary>Divides a row by the greatest common divisor of its entries, keeping the numbers small.</summary>
    private static void Normalise(BigInteger[] row)
    {
        var g = BigInteger.Zero;
        foreach (var v in row)
        {
            g = BigInteger.GreatestCommonDivisor(g, v);
        }

        if (g > BigInteger.One)
        {
            for (var j = 0; j < row.Length; j++)
            {
                row[j] /= g;
            }
        }
    }
}
