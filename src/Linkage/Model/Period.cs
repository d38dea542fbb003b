using System.Globalization;

namespace Linkage.Model;

/// <summary>The granularity of a reported period.</summary>
public enum PeriodKind
{
    /// <summary>A whole calendar year, <c>YYYY</c>.</summary>
    Year,

    /// <summary>A quarter, <c>YYYY-Qn</c>.</summary>
    Quarter,

    /// <summary>A month, <c>YYYY-MM</c>.</summary>
    Month,
}

/// <summary>A reporting period as reported: a year, a quarter or a month. Invariant: 1 ≤ Part ≤ 4 for quarters, ≤ 12 for months, 0 for years.</summary>
public readonly record struct Period : IComparable<Period>
{
    /// <summary>Creates a period, checking the part against the kind.</summary>
    public Period(int year, PeriodKind kind, int part)
    {
        var max = kind switch { PeriodKind.Year => 0, PeriodKind.Quarter => 4, _ => 12 };
        if ((kind == PeriodKind.Year && part != 0) || (kind != PeriodKind.Year && (part < 1 || part > max)))
        {
            throw new ArgumentOutOfRangeException(nameof(part), part, $"Part must fit the period kind {kind}.");
        }

        Year = year;
        Kind = kind;
        Part = part;
    }

    /// <summary>Calendar year the period lies in.</summary>
    public int Year { get; }

    /// <summary>Year, quarter or month.</summary>
    public PeriodKind Kind { get; }

    /// <summary>Quarter (1–4) or month (1–12); 0 for a whole year.</summary>
    public int Part { get; }

    /// <summary>A whole year.</summary>
    public static Period OfYear(int year) => new(year, PeriodKind.Year, 0);

    /// <summary>Compares by year, then kind, then part (a stable order for outputs).</summary>
    public int CompareTo(Period other)
    {
        var c = Year.CompareTo(other.Year);
        if (c != 0)
        {
            return c;
        }

        c = Kind.CompareTo(other.Kind);
        return c != 0 ? c : Part.CompareTo(other.Part);
    }

    /// <summary>The canonical text: <c>2019</c>, <c>2019-Q3</c> or <c>2019-07</c>.</summary>
    public override string ToString() => Kind switch
    {
        PeriodKind.Year => Year.ToString("D4", CultureInfo.InvariantCulture),
        PeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-Q{Part}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Part:D2}"),
    };

    /// <summary>Orders periods.</summary>
    public static bool operator <(Period left, Period right) => left.CompareTo(right) < 0;

    /// <summary>Orders periods.</summary>
    public static bool operator >(Period left, Period right) => left.CompareTo(right) > 0;

    /// <summary>Orders periods.</summary>
    public static bool operator <=(Period left, Period right) => left.CompareTo(right) <= 0;

    /// <summary>Orders periods.</summary>
    public static bool operator >=(Period left, Period right) => left.CompareTo(right) >= 0;
}
