namespace Linkage.Protect;

/// <summary>A cell suppressed to protect another, and why it was chosen.</summary>
/// <param name="Cell">The complementary cell.</param>
/// <param name="Protects">The suppressed cell that would otherwise be recoverable.</param>
/// <param name="Relation">Index of the relation the two cells share.</param>
/// <param name="FoundByAudit">True when the audit, not the one-suppressed-cell rule, showed the need.</param>
public sealed record Complement(int Cell, int Protects, int Relation, bool FoundByAudit);

/// <summary>The outcome of disclosure control on one table.</summary>
/// <param name="Status">Per cell: published, primary or secondary suppression.</param>
/// <param name="Complements">The secondary suppressions in the order they were chosen.</param>
/// <param name="AuditPassed">True when no suppressed cell can be computed from the published cells and the relations.</param>
public sealed record SuppressionResult(IReadOnlyList<CellStatus> Status, IReadOnlyList<Complement> Complements, bool AuditPassed)
{
    /// <summary>True when the cell is not published.</summary>
    public bool IsSuppressed(int cell) => Status[cell] != CellStatus.Published;

    /// <summary>The number of primary suppressions.</summary>
    public int PrimaryCount => Status.Count(s => s == CellStatus.Primary);

    /// <summary>The number of secondary suppressions.</summary>
    public int SecondaryCount => Status.Count(s => s == CellStatus.Secondary);
}

/// <summary>
/// Primary and secondary cell suppression (design.md "Disclosure control"). Every count in 1 … k−1 is suppressed;
/// then, until the audit passes, each relation with exactly one suppressed cell, or whose suppressed parts add up to
/// a count in 1 … k−1, gets a complement, and a cell the audit still finds recoverable gets one in a relation it
/// belongs to. A complement is the unsuppressed non-zero cell
/// of the relation with the smallest count (least information lost), ties broken by cell order, so the result is
/// deterministic. Zeros are used only when nothing else is left: a suppressed zero beside one small cell would let a
/// reader bound that cell by its own value. Last, the linear attack (<see cref="ProtectionIntervals"/>): while a
/// primary cell's feasible interval is narrower than the protection level, the pattern is widened the same way.
/// </summary>
public static class SecondarySuppression
{
    /// <summary>Protects a table with threshold <paramref name="minCell"/> (k) and protection level k.</summary>
    public static SuppressionResult Run(LinearTable table, int minCell) => Run(table, minCell, minCell);

    /// <summary>
    /// Protects a table with threshold <paramref name="minCell"/> (k): no primary cell may be narrowed by the
    /// published table to an interval that excludes <c>x − level</c> (or 0) or <c>x + level</c>. A level of 0 asks
    /// only that no withheld cell be computable exactly (the rule before issue 18, kept to show what the attack finds).
    /// </summary>
    public static SuppressionResult Run(LinearTable table, int minCell, int level)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentOutOfRangeException.ThrowIfLessThan(minCell, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(level);
        var values = table.Values;
        var status = values.Select(v => v is { } x && x >= 1 && x < minCell ? CellStatus.Primary : CellStatus.Published).ToArray();
        var complements = new List<Complement>();
        var relationsOf = Enumerable.Range(0, values.Count).Select(_ => new List<int>()).ToArray();
        for (var r = 0; r < table.Relations.Count; r++)
        {
            foreach (var t in table.Relations[r].Terms)
            {
                relationsOf[t.Cell].Add(r);
            }
        }

        while (true)
        {
            if (ProtectSingles(table, status, complements, minCell))
            {
                continue;
            }

            var determined = DisclosureAudit.DeterminedCells(table.Relations, [.. status.Select(s => s != CellStatus.Published)]);
            var exposedCells = determined.Count > 0 || level == 0 ? determined : ProtectionIntervals.Exposed(table, status, level);
            if (exposedCells.Count == 0)
            {
                return new SuppressionResult(status, complements, AuditPassed: true);
            }

            // The audit found a cell that several suppressions together still give away or pin down too narrowly:
            // widen the pattern through the cheapest cell of a relation the exposed cell belongs to, or, when those
            // are all withheld already, of a relation reached through withheld cells.
            var exposed = exposedCells[0];
            if (Widen(table, status, relationsOf, exposed) is not { } best)
            {
                return new SuppressionResult(status, complements, AuditPassed: false);
            }

            status[best.Cell] = CellStatus.Secondary;
            complements.Add(new Complement(best.Cell, exposed, best.Relation, FoundByAudit: true));
        }
    }

    /// <summary>
    /// The complement that widens the pattern around <paramref name="exposed"/>: the cheapest published cell of the
    /// nearest relations, searching outward from the exposed cell through withheld cells (breadth first, so the
    /// relations the cell itself is in come first). Null when every reachable cell is withheld.
    /// </summary>
    private static (int Cell, int Relation)? Widen(LinearTable table, CellStatus[] status, List<int>[] relationsOf, int exposed)
    {
        var seenCells = new HashSet<int> { exposed };
        var seenRelations = new HashSet<int>();
        var frontier = new List<int> { exposed };
        while (frontier.Count > 0)
        {
            var relations = frontier.SelectMany(c => relationsOf[c]).Where(seenRelations.Add).Order().ToList();
            var best = relations
                .Select(r => (Relation: r, Cell: Cheapest(table, status, table.Relations[r])))
                .Where(x => x.Cell is not null)
                .OrderBy(x => Cost(table.Values[x.Cell!.Value])).ThenBy(x => x.Cell!.Value)
                .FirstOrDefault();
            if (best.Cell is { } cell)
            {
                return (cell, best.Relation);
            }

            frontier = [.. relations.SelectMany(r => table.Relations[r].Terms).Select(t => t.Cell).Where(c => status[c] != CellStatus.Published && seenCells.Add(c))];
        }

        return null;
    }

    /// <summary>
    /// Gives a complement to every relation with exactly one suppressed cell, and to every relation whose suppressed
    /// cells are all parts (or all the total) and add up to a small count — the reader can compute that sum, and two
    /// withheld cells known to hold 2 children together are as good as published. True when any was added.
    /// </summary>
    private static bool ProtectSingles(LinearTable table, CellStatus[] status, List<Complement> complements, int minCell)
    {
        var added = false;
        for (var r = 0; r < table.Relations.Count; r++)
        {
            var relation = table.Relations[r];
            var terms = relation.Terms.Where(t => status[t.Cell] != CellStatus.Published).ToList();
            var suppressed = terms.Select(t => t.Cell).Distinct().ToList();
            var sameSign = terms.Count > 0 && terms.All(t => Math.Sign(t.Coefficient) == Math.Sign(terms[0].Coefficient));
            var sum = terms.Sum(t => table.Values[t.Cell] ?? 0);
            var exposed = suppressed.Count == 1 || (sameSign && sum >= 1 && sum < minCell);
            if (!exposed || Cheapest(table, status, relation) is not { } cell)
            {
                continue;
            }

            status[cell] = CellStatus.Secondary;
            complements.Add(new Complement(cell, suppressed[0], r, FoundByAudit: false));
            added = true;
        }

        return added;
    }

    /// <summary>The published non-empty cell of the relation that costs least to suppress, or null.</summary>
    private static int? Cheapest(LinearTable table, CellStatus[] status, Relation relation)
    {
        int? best = null;
        foreach (var t in relation.Terms)
        {
            if (status[t.Cell] != CellStatus.Published || table.Values[t.Cell] is null)
            {
                continue;
            }

            if (best is null || Cost(table.Values[t.Cell]) < Cost(table.Values[best.Value])
                || (Cost(table.Values[t.Cell]) == Cost(table.Values[best.Value]) && t.Cell < best.Value))
            {
                best = t.Cell;
            }
        }

        return best;
    }

    /// <summary>Orders candidates: non-zero counts by size, zeros after every non-zero count.</summary>
    private static long Cost(long? value) => value is 0 ? long.MaxValue : value ?? long.MaxValue;
}
