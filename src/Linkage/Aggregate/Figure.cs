using Linkage.Normalise;

namespace Linkage.Aggregate;

/// <summary>
/// A summed figure: the sum of the numeric values of its components and the union of their flags. A missing or
/// source-confidential component adds nothing to the sum, but its flag travels (design.md "Statistics").
/// </summary>
/// <param name="Value">The sum, or null when no component had a number.</param>
/// <param name="Flags">Flag letters of the components, in the order <c>epbcm</c>, each at most once.</param>
public readonly record struct Figure(long? Value, string Flags)
{
    /// <summary>No component yet.</summary>
    public static Figure None => new(null, string.Empty);

    /// <summary>
    /// True when the figure is a zero that no component gave: the category was absent wherever others were given
    /// (<see cref="OrZero"/>). It counts as 0 in sums; a published figure that is only this is "not recorded" (m).
    /// </summary>
    public bool NotGiven { get; init; }

    private bool IsEmpty => Value is null && Flags.Length == 0 && !NotGiven;

    /// <summary>This figure with one more component added.</summary>
    public Figure Add(long? value, string flags) => Add(value, flags, notGiven: false);

    /// <summary>The sum of two figures.</summary>
    public Figure Plus(Figure other) => Add(other.Value, other.Flags, other.NotGiven);

    /// <summary>
    /// The figure with "not given at all" read as zero (a category absent where others were given); a figure whose
    /// components were all missing or confidential keeps its null value and its flags.
    /// </summary>
    public Figure OrZero() => Value is null && Flags.Length == 0 ? this with { Value = 0, NotGiven = true } : this;

    private Figure Add(long? value, string flags, bool notGiven) =>
        value is null && flags.Length == 0 && !notGiven
            ? this // Nothing added (a State that gave no number at all, e.g. only a withheld total): not a component.
            : new(Value is null && value is null ? null : (Value ?? 0) + (value ?? 0), UnionFlags(Flags, flags))
            {
                // Not given stays so only while every component is a zero nobody gave.
                NotGiven = IsEmpty ? notGiven : NotGiven && notGiven,
            };

    /// <summary>The union of two sets of flag letters, in the canonical order <c>epbcm</c>.</summary>
    public static string UnionFlags(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (b.Length == 0 || a == b)
        {
            return a;
        }

        if (a.Length == 0)
        {
            return b;
        }

        return new string([.. CellValue.FlagOrder.Where(ch => a.Contains(ch, StringComparison.Ordinal) || b.Contains(ch, StringComparison.Ordinal))]);
    }
}
