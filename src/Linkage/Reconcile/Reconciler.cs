
using Linkage.Model;
using Linkage.Normalise;
using Linkage.Problems;

namespace Linkage.Reconcile;

/// <summary>The outcome of reconciling all files: the observations kept and each file's updated accounting.</summary>
/// <param name="Observations">Canonical observations, one per State, area, period, measure and linkage, in a stable order.</param>
/// <param name="Files">The files' results with conflict rejects added (rows read = accepted + rejected still holds).</param>
/// <param name="Conflicts">The conflict and superseded problems.</param>
/// <param name="DuplicatesCollapsed">Observations given identically by more than one submission and kept once.</param>
public sealed record ReconcileResult(IReadOnlyList<Observation> Observations, IReadOnlyList<FileResult> Files, IReadOnlyList<Problem> Conflicts, int DuplicatesCollapsed);

/// <summary>
/// Reconciles submissions (design.md "Nothing lost"): identical figures collapse; different figures for the same
/// cell, or a year given both whole and in parts, follow <see cref="OnConflict"/>. A rejected figure takes every row
/// it came from with it, and those rows take their other figures with them, so each row stays in exactly one place.
/// </summary>
public static class Reconciler
{
    /// <summary>Reconciles the files' results, which must be in argument/name order.</summary>
    public static ReconcileResult Run(IReadOnlyList<FileResult> files, OnConflict policy)
    {
        ArgumentNullException.ThrowIfNull(files);
        var all = files.SelectMany(f => f.Observations).ToList();
        var losers = new Dictionary<Observation, Problem>(ReferenceEqualityComparer.Instance);

        // Same cell in several submissions.
        foreach (var group in all.GroupBy(o => (o.State, o.Area, o.Period, o.Measure, o.Linkage)).Where(g => g.Skip(1).Any()))
        {
            var list = group.OrderBy(o => o.Source.FileIndex).ThenBy(o => o.Source.Row).ToList();
            if (list.All(o => Same(o, list[0])))
            {
                // Identical figures collapse after all rejections are known (see Apply).
                continue;
            }

            Decide(list, policy, losers, (loser, other) => policy == OnConflict.Error
                ? ProblemCatalogue.Conflict(loser.Source.File, loser.Source.Row, loser.Source.Column, RowAccounting.Show(loser), other.Source.File, other.Source.Row, RowAccounting.Show(other), RowAccounting.Describe(loser))
                : ProblemCatalogue.Superseded(loser.Source.File, loser.Source.Row, loser.Source.Column, RowAccounting.Show(loser), other.Source.File, other.Source.Row, RowAccounting.Show(other), RowAccounting.Describe(loser)));
        }

        // A year given whole and in parts (or in both quarters and months).
        foreach (var group in all.Where(o => !losers.ContainsKey(o)).GroupBy(o => (o.State, o.Area, o.Period.Year, o.Measure, o.Linkage)))
        {
            var kinds = group.Select(o => o.Period.Kind).Distinct().ToList();
            if (kinds.Count < 2)
            {
                continue;
            }

            // Each kind is one side; the side holding the latest figure wins under "latest".
            var sides = group.GroupBy(o => o.Period.Kind).Select(s => s.OrderBy(o => o.Source.FileIndex).ThenBy(o => o.Source.Row).ToList()).ToList();
            var winner = policy == OnConflict.Latest ? sides.OrderBy(s => s[^1].Source.FileIndex).ThenBy(s => s[^1].Source.Row).Last() : null;
            foreach (var side in sides.Where(s => s != winner))
            {
                var other = (winner ?? sides.First(s => s != side))[0];
                foreach (var o in side)
                {
                    losers[o] = policy == OnConflict.Error
                        ? ProblemCatalogue.PartsConflict(o.Source.File, o.Source.Row, o.Source.Column, o.Period.ToString(), other.Source.File, other.Source.Row, other.Period.ToString(), RowAccounting.Describe(o, yearOnly: true))
                        : ProblemCatalogue.Superseded(o.Source.File, o.Source.Row, o.Source.Column, o.Period.ToString(), other.Source.File, other.Source.Row, other.Period.ToString(), RowAccounting.Describe(o, yearOnly: true));
                }
            }
        }

        return Apply(files, losers, policy);
    }

    private static void Decide(List<Observation> list, OnConflict policy, Dictionary<Observation, Problem> losers, Func<Observation, Observation, Problem> problem)
    {
        if (policy == OnConflict.Latest)
        {
            var winner = list[^1];
            foreach (var o in list.Take(list.Count - 1))
            {
                losers[o] = problem(o, winner);
            }

            return;
        }

        foreach (var o in list)
        {
            var other = list.First(x => !Same(x, o));
            losers[o] = problem(o, other);
        }
    }

    /// <summary>
    /// Removes the losers. Under <c>error</c> their rows are rejected, and with them every figure sharing those rows.
    /// Under <c>latest</c> a superseded figure is replaced, not wrong: its row is rejected only when it gives no other
    /// figure that still stands (otherwise the replacement is recorded as a warning), so no cascade can take away a
    /// figure that won its own comparison.
    /// </summary>
    private static ReconcileResult Apply(IReadOnlyList<FileResult> files, Dictionary<Observation, Problem> losers, OnConflict policy)
    {
        var conflicts = losers.Values.ToList();
        var updated = new List<FileResult>(files.Count);
        var kept = new List<Observation>();
        foreach (var f in files)
        {
            var rejected = new HashSet<int>(f.RejectedLines);
            var rowsRejected = f.RowsRejected;

            // The file's store: reconciling adds to it rather than copying what may be millions of rejects.
            var rejects = f.Rejects;
            var warnings = new List<Problem>(f.Warnings);
            var remaining = f.Observations.Where(o => !losers.ContainsKey(o)).ToList();
            var fileLosers = f.Observations.Where(losers.ContainsKey).ToList();
            // Case-record lines are in one cell only, so they never stand under another figure (nor were rejected).
            var standing = policy == OnConflict.Latest ? remaining.Where(o => !o.Source.Lines.IsExclusive).SelectMany(o => o.Source.Lines.Lines()).ToHashSet() : [];
            foreach (var o in fileLosers)
            {
                var p = losers[o];
                var warned = false;
                foreach (var line in o.Source.Lines.Lines())
                {
                    if (standing.Contains(line))
                    {
                        if (!warned)
                        {
                            warnings.Add(p with { Severity = Severity.Warning });
                            warned = true;
                        }
                    }
                    else if (o.Source.Lines.IsExclusive || rejected.Add(line))
                    {
                        // A case record is in this figure alone: it needs no set to be rejected once.
                        rejects.Add(line == o.Source.Row ? p : p with { Row = line });
                        rowsRejected++;
                    }
                }
            }

            if (policy == OnConflict.Error)
            {
                // Rows rejected above may carry other figures (a wide row has four): they go too.
                var before = rejected.Count;
                remaining = RowAccounting.DropObservationsOfRejectedRows(remaining, rejected, rejects, f.File);
                rowsRejected += rejected.Count - before;
            }

            kept.AddRange(remaining);
            updated.Add(f with { Observations = remaining, Rejects = rejects, Warnings = warnings, RejectedLines = rejected, RowsRejected = rowsRejected });
        }

        // Identical figures from several submissions are kept once: the earliest stands for all (files are in
        // order), or under "latest" the latest, so that a resubmission is what the provenance points to.
        var unique = kept
            .GroupBy(o => (o.State, o.Area, o.Period, o.Measure, o.Linkage))
            .Select(g => policy == OnConflict.Latest ? g.Last() : g.First())
            .ToList();
        unique.Sort(CompareForOutput);
        return new ReconcileResult(unique, updated, conflicts, kept.Count - unique.Count);
    }

    /// <summary>The stable output order: State, area, period, measure, linkage.</summary>
    public static int CompareForOutput(Observation a, Observation b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var c = string.CompareOrdinal(a.State, b.State);
        if (c == 0)
        {
            c = string.CompareOrdinal(a.Area, b.Area);
        }

        if (c == 0)
        {
            c = a.Period.CompareTo(b.Period);
        }

        if (c == 0)
        {
            c = a.Measure.CompareTo(b.Measure);
        }

        return c != 0 ? c : a.Linkage.CompareTo(b.Linkage);
    }

    private static bool Same(Observation a, Observation b) => a.Count == b.Count && a.Flag == b.Flag;
}
