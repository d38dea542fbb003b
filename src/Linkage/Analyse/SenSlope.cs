namespace Linkage.Analyse;

/// <summary>The Theil–Sen slope estimator (Theil 1950; Sen 1968): the median of all pairwise slopes.</summary>
public static class SenSlope
{
    /// <summary>The median of (y_j − y_i)/(t_j − t_i) over all pairs i &lt; j with t_i ≠ t_j; t need not be equally spaced or ordered.</summary>
    /// <exception cref="ArgumentException">The lists differ in length, a value is not finite, or no two points have distinct t.</exception>
    public static double Estimate(IReadOnlyList<double> t, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(y);
        if (t.Count != y.Count)
        {
            throw new ArgumentException("t and y must have the same number of points.", nameof(y));
        }

        if (t.Any(v => !double.IsFinite(v)) || y.Any(v => !double.IsFinite(v)))
        {
            throw new ArgumentException("Every t and y must be a finite number.", nameof(y));
        }

        var slopes = new List<double>(t.Count * Math.Max(t.Count - 1, 0) / 2);
        for (var i = 0; i < t.Count - 1; i++)
        {
            for (var j = i + 1; j < t.Count; j++)
            {
                if (t[j] != t[i])
                {
                    slopes.Add((y[j] - y[i]) / (t[j] - t[i]));
                }
            }
        }

        if (slopes.Count == 0)
        {
            throw new ArgumentException("Sen's slope needs at least two points with distinct t.", nameof(t));
        }

        slopes.Sort();
        var middle = slopes.Count / 2;
        return slopes.Count % 2 == 1 ? slopes[middle] : (slopes[middle - 1] + slopes[middle]) / 2;
    }
}
