using Linkage.Protect;

namespace Linkage.Tests.Protect;

[TestClass]
public sealed class DisclosureAuditTests
{
    /// <summary>
    /// A 2 × 2 table with both margins, cells numbered row by row:
    /// <code>
    ///  0  1 |  2
    ///  3  4 |  5
    /// ----------
    ///  6  7 |  8
    /// </code>
    /// </summary>
    private static readonly Relation[] TwoByTwo =
    [
        Relation.Sum([0, 1], 2), Relation.Sum([3, 4], 5), Relation.Sum([6, 7], 8),
        Relation.Sum([0, 3], 6), Relation.Sum([1, 4], 7), Relation.Sum([2, 5], 8),
    ];

    private static bool[] Suppressed(int size, params int[] cells)
    {
        var s = new bool[size];
        foreach (var c in cells)
        {
            s[c] = true;
        }

        return s;
    }

    [TestMethod]
    public void DisclosureAudit_finds_a_cell_that_is_alone_in_a_relation()
    {
        CollectionAssert.AreEqual(new[] { 0 }, DisclosureAudit.DeterminedCells(TwoByTwo, Suppressed(9, 0)).ToArray());
    }

    [TestMethod]
    public void DisclosureAudit_passes_the_four_inner_cells_of_a_rectangle()
    {
        Assert.IsEmpty(DisclosureAudit.DeterminedCells(TwoByTwo, Suppressed(9, 0, 1, 3, 4)));
    }

    [TestMethod]
    public void DisclosureAudit_finds_a_pair_in_one_row_that_the_columns_give_away()
    {
        // Cells 0 and 1 share row 0, but each is also alone in its column.
        CollectionAssert.AreEqual(new[] { 0, 1 }, DisclosureAudit.DeterminedCells(TwoByTwo, Suppressed(9, 0, 1)).ToArray());
    }

    [TestMethod]
    public void DisclosureAudit_finds_a_bridge_between_two_protected_rectangles()
    {
        // Two 2 × 2 rectangles in a 2 × 4 table joined through the totals: every relation has two suppressed cells,
        // yet the two row totals (the bridge) can be computed. Cells: row r, column c at r*5+c; column 4 is the row total; row 2 the column totals.
        var relations = new List<Relation>();
        for (var r = 0; r < 3; r++)
        {
            relations.Add(Relation.Sum(Enumerable.Range(0, 4).Select(c => (r * 5) + c), (r * 5) + 4));
        }

        for (var c = 0; c < 5; c++)
        {
            relations.Add(Relation.Sum([c, 5 + c], 10 + c));
        }

        // Rectangle on columns 0,1 of rows 0,1, and a second one on columns 2 and the total of rows 0,1 with its column total cells.
        var suppressed = Suppressed(15, 0, 1, 5, 6, 2, 7, 12);
        var exact = DisclosureAudit.DeterminedCells(relations, suppressed);
        CollectionAssert.AreEqual(IndependentAudit.DeterminedCells(relations, suppressed).ToArray(), exact.ToArray());
        Assert.IsNotEmpty(exact);
    }

    [TestMethod]
    public void DisclosureAudit_agrees_with_an_independent_rank_test_on_random_patterns()
    {
        // Seeded random suppression patterns in tables of 1–6 regions plus OSCE × 5 columns.
        var random = new Random(2311);
        for (var n = 0; n < 400; n++)
        {
            var regions = random.Next(1, 7);
            var rows = regions + 1;
            var relations = new List<Relation>();
            for (var r = 0; r < rows; r++)
            {
                relations.Add(Relation.Sum(Enumerable.Range(0, 4).Select(c => (r * 5) + c), (r * 5) + 4));
            }

            for (var c = 0; c < 5; c++)
            {
                relations.Add(Relation.Sum(Enumerable.Range(0, regions).Select(r => (r * 5) + c), (regions * 5) + c));
            }

            var suppressed = Enumerable.Range(0, rows * 5).Select(_ => random.NextDouble() < 0.3).ToArray();
            CollectionAssert.AreEqual(
                IndependentAudit.DeterminedCells(relations, suppressed).ToArray(),
                DisclosureAudit.DeterminedCells(relations, suppressed).ToArray(),
                $"case {n}");
        }
    }
}
