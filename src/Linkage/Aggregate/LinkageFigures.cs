using Linkage.Model;

namespace Linkage.Aggregate;

/// <summary>
/// The four linkage categories of one State, region or OSCE total in one year and measure, and their total.
/// Invariant: when any category has a number, a category that was not given at all is zero, while a category
/// whose every component was missing or confidential stays null (it is not known, and a trend must leave it out);
/// <see cref="Total"/> is the sum of the categories that have numbers, with every component's flags.
/// </summary>
public sealed record LinkageFigures
{
    private readonly Figure[] _categories;

    private LinkageFigures(Figure[] categories)
    {
        var anyNumber = categories.Any(c => c.Value is not null);
        _categories = anyNumber ? [.. categories.Select(c => c.OrZero())] : categories;
        var total = Figure.None;
        foreach (var c in _categories)
        {
            total = total.Plus(c);
        }

        Total = total;
    }

    /// <summary>The figures of one category.</summary>
    public Figure this[LinkageCategory category] => _categories[(int)category];

    /// <summary>The sum of the four categories (design.md: <c>total</c>), with every component's flags.</summary>
    public Figure Total { get; }

    /// <summary>True when at least one category has a number.</summary>
    public bool HasNumbers => Total.Value is not null;

    /// <summary>The four categories in the order internal, international, not trafficked, unknown.</summary>
    public IReadOnlyList<Figure> Categories => _categories;

    /// <summary>Builds the figures from per-category sums.</summary>
    public static LinkageFigures Of(IReadOnlyList<Figure> categories)
    {
        ArgumentNullException.ThrowIfNull(categories);
        if (categories.Count != 4)
        {
            throw new ArgumentException("Expected the four linkage categories.", nameof(categories));
        }

        return new LinkageFigures([.. categories]);
    }

    /// <summary>The category-wise sum of several sets of figures.</summary>
    public static LinkageFigures Sum(IEnumerable<LinkageFigures> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var sums = new[] { Figure.None, Figure.None, Figure.None, Figure.None };
        foreach (var p in parts)
        {
            for (var c = 0; c < 4; c++)
            {
                sums[c] = sums[c].Plus(p._categories[c]);
            }
        }

        return new LinkageFigures(sums);
    }

    /// <summary>The value of a series: the total, or one category.</summary>
    public Figure Series(Series series) => series switch
    {
        Aggregate.Series.Total => Total,
        Aggregate.Series.Internal => this[LinkageCategory.Internal],
        Aggregate.Series.International => this[LinkageCategory.International],
        _ => throw new ArgumentOutOfRangeException(nameof(series)),
    };
}

/// <summary>A yearly series that trends are computed for (design.md: total, internal, international).</summary>
public enum Series
{
    /// <summary>The total of the four categories.</summary>
    Total,

    /// <summary>Internal trafficking.</summary>
    Internal,

    /// <summary>International trafficking.</summary>
    International,
}

/// <summary>The codes of the series in the outputs: <c>total</c>, <c>internal</c>, <c>international</c>.</summary>
public static class SeriesCodes
{
    /// <summary>The code of a series.</summary>
    public static string Of(Series series) => series switch
    {
        Series.Total => "total",
        Series.Internal => "internal",
        Series.International => "international",
        _ => throw new ArgumentOutOfRangeException(nameof(series)),
    };
}
