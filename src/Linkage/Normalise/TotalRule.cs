using Linkage.Model;
using Linkage.Problems;

namespace Linkage.Normalise;

/// <summary>A value and the column (and line) it came from, inside one State-area-period-measure group.</summary>
/// <param name="Value">Parsed value.</param>
/// <param name="Column">Header of its column.</param>
/// <param name="Line">Line of its row.</param>
internal readonly record struct GroupCell(CellValue Value, string Column, int Line);

/// <summary>
/// The rule for a total given beside its categories (design.md "Input layouts", wide): <c>unknown</c> = total −
/// the categories given; a total smaller than its parts is a reject; a total that disagrees with all four given
/// categories is a reject. A category marked missing (m) is not given: its children are among the unknown. A
/// confidential (c) category is kept as withheld and its flag travels to the derived unknown, which contains it.
/// </summary>
internal static class TotalRule
{
    /// <summary>Applies the rule; returns the categories to emit, or a problem on the total's cell.</summary>
    public static Dictionary<LinkageCategory, GroupCell>? Apply(string file, Dictionary<LinkageCategory, GroupCell> categories, GroupCell? total, out Problem? problem)
    {
        problem = null;
        var result = new Dictionary<LinkageCategory, GroupCell>(categories);
        if (total is not { } t)
        {
            return result;
        }

        if (t.Value.Count is not { } totalCount)
        {
            // A withheld total says the State reported; with no categories, linkage is simply not recorded.
            // Beside categories, a confidential total still means the unknown share is withheld: say so.
            if (result.Count == 0 || (t.Value.Flag.Contains('c', StringComparison.Ordinal) && !result.ContainsKey(LinkageCategory.Unknown)))
            {
                result[LinkageCategory.Unknown] = t;
            }

            return result;
        }

        foreach (var cat in result.Where(kv => IsNotGiven(kv.Value.Value)).Select(kv => kv.Key).ToList())
        {
            result.Remove(cat);
        }

        var known = result.Values.Sum(c => c.Value.Count ?? 0);
        if (known > totalCount)
        {
            problem = ProblemCatalogue.TotalBelowParts(file, t.Line, t.Column, totalCount, known);
            return null;
        }

        // With unknown given, nothing is left to absorb a difference: the total must agree, unless a
        // confidential category (whose count is withheld) can account for it.
        var unknownGiven = result.TryGetValue(LinkageCategory.Unknown, out var u) && u.Value.Count is not null;
        var withheld = result.Values.Any(c => c.Value.Count is null);
        if (unknownGiven)
        {
            if (!withheld && known != totalCount)
            {
                problem = ProblemCatalogue.TotalMismatch(file, t.Line, t.Column, totalCount, known);
                return null;
            }

            return result;
        }

        // The derived unknown is as provisional or estimated as the figures it comes from, and it contains
        // the confidential categories: their flags travel with it ('m' does not: those children are simply unknown).
        var flag = t.Value.Flag;
        foreach (var c in result.Values)
        {
            // The unknown cell's own flag counts too: a confidential unknown stays confidential when derived.
            flag = CellValue.MergeFlags(flag, c.Value.Flag.Replace("m", string.Empty, StringComparison.Ordinal));
        }

        result[LinkageCategory.Unknown] = new GroupCell(new CellValue(totalCount - known, flag), t.Column, t.Line);
        return result;
    }

    /// <summary>A category cell marked missing (and not confidential) beside a total: its children are among the unknown.</summary>
    private static bool IsNotGiven(CellValue v) =>
        v.Count is null && v.Flag.Contains('m', StringComparison.Ordinal) && !v.Flag.Contains('c', StringComparison.Ordinal);
}
