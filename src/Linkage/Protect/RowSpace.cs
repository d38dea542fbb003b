namespace Linkage.Protect;

/// <summary>A sparse integer vector: the positions of its non-zero entries, ascending, and their values.</summary>
/// <param name="Index">Positions of the non-zero entries, strictly ascending.</param>
/// <param name="Value">The non-zero values, one per position.</param>
public readonly record struct SparseVector(int[] Index, long[] Value)
{
    /// <summary>The zero vector.</summary>
    public static SparseVector Zero { get; } = new([], []);

    /// <summary>True when every entry is zero.</summary>
    public bool IsZero => Index.Length == 0;

    /// <summary>A vector with 1 at each of the given positions.</summary>
    public static SparseVector Ones(IEnumerable<int> positions)
    {
        var index = positions.Distinct().Order().ToArray();
        return new SparseVector(index, [.. index.Select(_ => 1L)]);
    }

    /// <summary>The entry at a position (0 when not stored).</summary>
    public long At(int position)
    {
        var i = Array.BinarySearch(Index, position);
        return i >= 0 ? Value[i] : 0;
    }
}

/// <summary>
/// The span of a set of integer vectors, kept as an echelon basis with exact (fraction-free) arithmetic, so that
/// "can a reader compute this sum from what is published?" is answered exactly: a vector is in the span exactly
/// when the basis reduces it to zero. Vectors are sparse (a region's cell touches only its States). Entries are
/// 64-bit integers kept small by dividing out common factors; should one ever overflow, the span stops answering
/// "no": every vector counts as computable, which withholds rather than publishes.
/// </summary>
public sealed class RowSpace
{
    private readonly List<SparseVector> _basis = [];
    private bool _overflowed;

    /// <summary>The dimension of the span.</summary>
    public int Rank => _basis.Count;

    /// <summary>Adds a vector to the span; true when it was not in it already.</summary>
    public bool Add(SparseVector vector) => AddResidual(Residual(vector));

    /// <summary>True when the vector is a linear combination of the vectors added.</summary>
    public bool Contains(SparseVector vector) => _overflowed || Residual(vector) is not { } rest || rest.IsZero;

    /// <summary>
    /// The vector reduced by the basis: zero at every basis row's leading position, and zero everywhere exactly when
    /// the vector lies in the span (each basis row is zero at the leading positions of the rows before it, so
    /// eliminating in insertion order never brings an entry back). Two vectors differ by a member of the span exactly
    /// when their residuals are proportional, so a residual answers "would this be computable once that is known
    /// too?" without growing the span. Null on overflow.
    /// </summary>
    public SparseVector? Residual(SparseVector vector)
    {
        if (_overflowed)
        {
            return null;
        }

        SparseVector? v = vector;
        foreach (var row in _basis)
        {
            v = Eliminate(v.Value, row);
            if (v is null)
            {
                return null;
            }
        }

        return v;
    }

    /// <summary>Adds a residual computed by <see cref="Residual"/> since the last addition; true when it was not zero.</summary>
    public bool AddResidual(SparseVector? residual)
    {
        if (residual is not { } r)
        {
            _overflowed = true;
            return false;
        }

        if (r.IsZero)
        {
            return false;
        }

        _basis.Add(r);
        return true;
    }

    /// <summary>Brings an older residual up to date with the last vector added (which must have been added since).</summary>
    public SparseVector? Update(SparseVector? residual) =>
        residual is not { } r || _overflowed ? null : _basis.Count == 0 ? r : Eliminate(r, _basis[^1]);

    /// <summary>True when <paramref name="a"/> is a multiple of <paramref name="b"/> (zero counts when <paramref name="b"/> is zero only if <paramref name="a"/> is).</summary>
    public static bool Proportional(SparseVector a, SparseVector b)
    {
        if (b.IsZero)
        {
            return a.IsZero;
        }

        if (a.IsZero)
        {
            return true;
        }

        if (!a.Index.AsSpan().SequenceEqual(b.Index))
        {
            return false;
        }

        for (var i = 1; i < a.Value.Length; i++)
        {
            if ((Int128)a.Value[i] * b.Value[0] != (Int128)a.Value[0] * b.Value[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Eliminates <paramref name="v"/>'s entry at the row's leading position; null on overflow.</summary>
    private static SparseVector? Eliminate(SparseVector v, SparseVector row)
    {
        var factor = v.At(row.Index[0]);
        if (factor == 0)
        {
            return v;
        }

        var scale = row.Value[0];
        var index = new List<int>(v.Index.Length + row.Index.Length);
        var value = new List<long>(v.Index.Length + row.Index.Length);
        var g = 0L;
        int i = 0, j = 0;
        try
        {
            while (i < v.Index.Length || j < row.Index.Length)
            {
                int position;
                long x;
                if (j >= row.Index.Length || (i < v.Index.Length && v.Index[i] < row.Index[j]))
                {
                    (position, x) = (v.Index[i], checked(v.Value[i] * scale));
                    i++;
                }
                else if (i >= v.Index.Length || row.Index[j] < v.Index[i])
                {
                    (position, x) = (row.Index[j], checked(-row.Value[j] * factor));
                    j++;
                }
                else
                {
                    (position, x) = (v.Index[i], checked((v.Value[i] * scale) - (row.Value[j] * factor)));
                    i++;
                    j++;
                }

                if (x == 0)
                {
                    continue;
                }

                if (x == long.MinValue)
                {
                    return null;
                }

                index.Add(position);
                value.Add(x);
                g = Gcd(g, x);
            }
        }
        catch (OverflowException)
        {
            return null;
        }

        if (g > 1)
        {
            for (var k = 0; k < value.Count; k++)
            {
                value[k] /= g;
            }
        }

        return new SparseVector([.. index], [.. value]);
    }

    private static long Gcd(long a, long b)
    {
        a = Math.Abs(a);
        b = Math.Abs(b);
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}
