namespace Linkage.Normalise;

/// <summary>A parsed count cell: the count (null when withheld) and its status flag letters.</summary>
/// <param name="Count">Non-negative count, or null for a missing or confidential value.</param>
/// <param name="Flag">Flag letters from the set <c>e p b c m</c>, in that order; empty for an ordinary value.</param>
public readonly record struct CellValue(long? Count, string Flag)
{
    /// <summary>For a value withheld at source below a bound (<c>&lt;5</c>), the bound: the count is at most one less. Null otherwise.</summary>
    public long? Below { get; init; }

    /// <summary>The value as shown in messages: the count and its flags (<c>12 p</c>, <c>c</c>).</summary>
    public string Display => (Count?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty) + (Flag.Length > 0 ? (Count is null ? Flag : " " + Flag) : string.Empty);

    /// <summary>Canonical order of flag letters in outputs.</summary>
    public const string FlagOrder = "epbcm";

    /// <summary>Merges two flag strings into canonical order without repeats.</summary>
    public static string MergeFlags(string a, string b)
    {
        if (b.Length == 0)
        {
            return a;
        }

        if (a.Length == 0)
        {
            return b;
        }

        return new string([.. FlagOrder.Where(ch => a.Contains(ch, StringComparison.Ordinal) || b.Contains(ch, StringComparison.Ordinal))]);
    }
}
