using System.Globalization;

using Linkage.Model;
using Linkage.Problems;

namespace Linkage.Normalise;

/// <summary>
/// Keeps "every row in exactly one place" (design.md "Nothing lost") wherever rows are rejected after their figures
/// were made: an observation that draws on a rejected row is dropped, and the other rows it draws on are rejected
/// with it, until nothing changes. Used by the normaliser (within a file) and the reconciler (across files).
/// </summary>
internal static class RowAccounting
{
    /// <summary>Returns the observations that draw on no rejected row; adds the rows rejected along the way.</summary>
    public static List<Observation> DropObservationsOfRejectedRows(IEnumerable<Observation> observations, HashSet<int> rejectedLines, RejectCollection rejects, string file)
    {
        var remaining = observations.ToList();
        if (rejectedLines.Count == 0)
        {
            return remaining;
        }

        bool changed;
        do
        {
            changed = false;
            var kept = new List<Observation>(remaining.Count);
            foreach (var o in remaining)
            {
                if (o.Source.Lines.IsExclusive)
                {
                    // Case records: their lines are theirs alone and were never rejected.
                    kept.Add(o);
                    continue;
                }

                var cause = o.Source.Lines.Lines().FirstOrDefault(rejectedLines.Contains);
                if (cause == 0)
                {
                    kept.Add(o);
                    continue;
                }

                changed = true;
                foreach (var line in o.Source.Lines.Lines())
                {
                    if (rejectedLines.Add(line))
                    {
                        rejects.Add(ProblemCatalogue.RejectedWithGroup(file, line, cause, Describe(o)));
                    }
                }
            }

            remaining = kept;
        }
        while (changed);
        return remaining;
    }

    /// <summary>Names the cell of an observation in messages: <c>AUT 2020 children internal</c>.</summary>
    public static string Describe(Observation o, bool yearOnly = false) => string.Create(
        CultureInfo.InvariantCulture,
        $"{o.State}{(o.Area.Length > 0 ? " " + o.Area : string.Empty)} {(yearOnly ? o.Period.Year.ToString(CultureInfo.InvariantCulture) : o.Period.ToString())} {Codes.Of(o.Measure)} {Codes.Of(o.Linkage)}");

    /// <summary>Shows an observation's value in messages: the count and its flags.</summary>
    public static string Show(Observation o) => new CellValue(o.Count, o.Flag).Display;
}
