using System.Globalization;

using Linkage.Analyse;
using Linkage.Normalise;
using Linkage.Pipeline;
using Linkage.Protect;
using Linkage.Tests.TestSupport;

namespace Linkage.Tests.Protect;

/// <summary>
/// The linear attack of issue 18: an intruder who knows every published cell, every relation of the table and that
/// counts are never negative bounds each withheld cell by linear programming. Every primary cell must keep a feasible
/// interval reaching <c>x − p</c> (or 0) and <c>x + p</c>, p = k. The tests do not trust the solver's bounds: they
/// check, in exact integer arithmetic, the completions it returns as witnesses — a completion that agrees with
/// every published cell and relation and puts the cell at the far end is proof that the intruder cannot rule it out.
/// </summary>
[TestClass]
public sealed class LinearAttackTests
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    [TestMethod]
    public void The_interval_of_a_hand_worked_table_is_the_one_computed_by_hand()
    {
        // Cells: R1 (a=2, b=8, 0, 0 | 10), R2 (c=3, d=7, 0, 0 | 10), OSCE (5, 15, 0, 0 | 20); a, b, c, d withheld.
        // a + b = 10, c + d = 10, a + c = 5, b + d = 15 and all ≥ 0 leave a ∈ [0, 5] and b ∈ [5, 10].
        var rows = SecondarySuppressionTests.Table(("R1", [2, 8, 0, 0]), ("R2", [3, 7, 0, 0]));
        var table = RegionalProtection.Build(rows);
        var withheld = new bool[table.Values.Count];
        int[] cells = [RegionalProtection.Cell(0, TableColumn.Internal), RegionalProtection.Cell(0, TableColumn.International), RegionalProtection.Cell(1, TableColumn.Internal), RegionalProtection.Cell(1, TableColumn.International)];
        foreach (var c in cells)
        {
            withheld[c] = true;
        }

        var intervals = ProtectionIntervals.Compute(table, withheld, cells);

        Assert.AreEqual((0L, (long?)5), (intervals[cells[0]].Lower, intervals[cells[0]].Upper));
        Assert.AreEqual((5L, (long?)10), (intervals[cells[1]].Lower, intervals[cells[1]].Upper));
        Assert.IsFalse(intervals[cells[0]].Protects(2, 5), "a = 2 cannot reach 2 + 5 = 7");
        Assert.IsTrue(intervals[cells[0]].Protects(2, 3), "a = 2 can reach 0 and 5 = 2 + 3");
        CheckWitness(table, withheld, cells[0], intervals[cells[0]].LowWitness, 0, "hand table low");
        CheckWitness(table, withheld, cells[0], intervals[cells[0]].HighWitness!, 5, "hand table high");
    }

    [TestMethod]
    public void A_cell_whose_total_is_withheld_too_has_no_upper_bound()
    {
        // One region, no OSCE row: internal 2 and the total withheld, nothing else ties them.
        var table = new LinearTable([2, 10, 0, 0, 12], RegionalProtection.Relations(1, lastIsOsce: false));
        bool[] withheld = [true, false, false, false, true];

        var interval = ProtectionIntervals.Compute(table, withheld, [0])[0];

        Assert.AreEqual(0, interval.Lower);
        Assert.IsNull(interval.Upper);
        Assert.IsTrue(interval.Protects(2, 100));
    }

    [TestMethod]
    public void Before_issue_18_the_linear_attack_narrowed_primary_cells_of_sample_data()
    {
        // The rule that only forbade exact recovery (level 0) left cells the LP pins to less than ± k.
        var stats = SampleStatistics();
        var narrowed = 0;
        foreach (var t in stats.Protection.Tables)
        {
            var old = SecondarySuppression.Run(t.Table, stats.Protection.MinCell, level: 0);
            narrowed += ProtectionIntervals.Exposed(t.Table, old.Status, stats.Protection.MinCell).Count;
        }

        Assert.IsGreaterThanOrEqualTo(1, narrowed, "the attack finds something against the old rule, so the next test can fail");
    }

    [TestMethod]
    public void No_primary_cell_of_sample_data_is_narrowed_below_the_protection_level()
    {
        var stats = SampleStatistics();
        var checkedCells = CheckAll(stats.Protection, "sample-data");

        Assert.IsGreaterThan(50, checkedCells, "sample-data has many small cells: the check is not of an empty set");
    }

    [TestMethod]
    public void No_primary_cell_of_random_submissions_is_narrowed_below_the_protection_level()
    {
        var checkedCells = 0;
        for (var seed = 1; seed <= 150; seed++)
        {
            var (observations, regions, k) = DisclosurePropertyTests.Generate(seed);
            var stats = StatisticsRunner.Run(observations, regions, new StatisticsOptions(k, default));
            if (!stats.Protection.AuditPassed)
            {
                // A table that cannot be protected is not published at all (MayPublish is false): nothing to attack.
                Assert.IsFalse(stats.MayPublish, string.Create(Inv, $"seed {seed}"));
                continue;
            }

            checkedCells += CheckAll(stats.Protection, string.Create(Inv, $"seed {seed} (k = {k})"));
        }

        Assert.IsGreaterThan(200, checkedCells);
    }

    /// <summary>Checks every primary cell of every table; returns how many were checked.</summary>
    private static int CheckAll(RegionalProtectionResult protection, string context)
    {
        var k = protection.MinCell;
        var count = 0;
        foreach (var t in protection.Tables)
        {
            var withheld = t.Result.Status.Select(s => s != CellStatus.Published).ToArray();
            var primaries = Enumerable.Range(0, withheld.Length).Where(i => t.Result.Status[i] == CellStatus.Primary).ToList();
            var intervals = ProtectionIntervals.Compute(t.Table, withheld, primaries);
            foreach (var cell in primaries)
            {
                var x = t.Table.Values[cell]!.Value;
                var where = string.Create(Inv, $"{context}: {t.Measure} {t.Year} {t.Rows[cell / 5].Region} {(TableColumn)(cell % 5)} = {x}");
                var interval = intervals[cell];
                Assert.IsTrue(interval.Protects(x, k), $"{where}: feasible [{interval.Lower}, {interval.Upper?.ToString(Inv) ?? "∞"}] is narrower than ± {k}");
                CheckWitness(t.Table, withheld, cell, interval.LowWitness, Math.Max(0, x - k), where + " (low)", atMost: true);
                if (interval.HighWitness is { } high)
                {
                    CheckWitness(t.Table, withheld, cell, high, x + k, where + " (high)", atMost: false);
                }

                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// The witness is a completion of the table in whole numbers that keeps every published cell, meets every
    /// relation exactly, is never negative, and puts <paramref name="cell"/> at <paramref name="bound"/> or beyond.
    /// </summary>
    private static void CheckWitness(LinearTable table, bool[] withheld, int cell, IReadOnlyList<double> witness, long bound, string where, bool? atMost = null)
    {
        var whole = new long[witness.Count];
        for (var i = 0; i < witness.Count; i++)
        {
            whole[i] = (long)Math.Round(witness[i]);
            Assert.IsLessThan(1e-6, Math.Abs(witness[i] - whole[i]), $"{where}: cell {i} of the witness is not a whole number ({witness[i]})");
            Assert.IsGreaterThanOrEqualTo(0L, whole[i], $"{where}: cell {i} of the witness is negative");
            if (!withheld[i])
            {
                Assert.AreEqual(table.Values[i] ?? 0, whole[i], $"{where}: the witness changes published cell {i}");
            }
        }

        foreach (var relation in table.Relations)
        {
            Assert.AreEqual(0L, relation.Terms.Sum(term => term.Coefficient * whole[term.Cell]), $"{where}: the witness breaks a relation");
        }

        switch (atMost)
        {
            case true:
                Assert.IsLessThanOrEqualTo(bound, whole[cell], where);
                break;
            case false:
                Assert.IsGreaterThanOrEqualTo(bound, whole[cell], where);
                break;
            default:
                Assert.AreEqual(bound, whole[cell], where);
                break;
        }
    }

    private static StatisticsResult SampleStatistics()
    {
        var context = NormaliseContext.Default(2027);
        var pipeline = PipelineRunner.Run(SampleData.Inputs(), context, new PipelineOptions());
        return StatisticsRunner.Run(pipeline.Observations, context.Regions, StatisticsOptions.Default);
    }
}
