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
            if (result.Count == 0)
            {
                result[LinkageCategory.Unknown] = t;
            }

            return result;
        }

        foreach (var cat in result.Where(kv => kv.Value.Value.Count is null && kv.Value.Value.Flag == "m").Select(kv => kv.Key).ToList())
        {
            result.Remove(cat);
        }

        var known = result.Values.Sum(c => c.Value.Count ?? 0);
        if (known > totalCount)
        {
            problem = ProblemCatalogue.TotalBelowParts(file, t.Line, t.Column, totalCount, known);
            return null;
        }

        var unknownGiven = result.TryGetValue(LinkageCategory.Unknown, out var u) && u.Value.Count is not null;
        var allCounted = result.Count == 4 && result.Values.All(c => c.Value.Count is not null);
        if (unknownGiven)
        {
            if (allCounted && known != totalCount)
            {
                problem = ProblemCatalogue.TotalMismatch(file, t.Line, t.Column, totalCount, known);
                return null;
            }

            return result;
        }

        // Confidential categories hide inside the derived unknown: their flags say so.
        var flag = t.Value.Flag;
        foreach (var (cat, c) in result)
        {
            if (cat != LinkageCategory.Unknown && c.Value.Count is null)
            {
                flag = CellValue.MergeFlags(flag, c.Value.Flag);
            }
        }

        result[LinkageCategory.Unknown] = new GroupCell(new CellValue(totalCount - known, flag), t.Column, t.Line);
        return result;
    }
}
