using Google.OrTools.LinearSolver;

namespace Linkage.Protect;

/// <summary>
/// How far a withheld cell can move for a reader who knows every published cell, every relation of the table and
/// that counts are never negative: the smallest and largest value the cell takes over all completions of the table.
/// </summary>
/// <param name="Lower">The smallest feasible value.</param>
/// <param name="Upper">The largest feasible value; null when nothing bounds the cell from above.</param>
/// <param name="LowWitness">A completion of every cell of the table (published ones at their values) in which the cell is <see cref="Lower"/>.</param>
/// <param name="HighWitness">A completion in which the cell is <see cref="Upper"/>; null when <see cref="Upper"/> is null.</param>
public sealed record FeasibleInterval(long Lower, long? Upper, IReadOnlyList<double> LowWitness, IReadOnlyList<double>? HighWitness)
{
    /// <summary>
    /// True when the interval meets protection level <paramref name="level"/> around the true value
    /// <paramref name="value"/> (upper and lower protection levels as in tau-ARGUS): the reader cannot rule out
    /// <c>value − level</c> (or 0, when that is below 0) nor <c>value + level</c>.
    /// </summary>
    public bool Protects(long value, int level) =>
        Lower <= Math.Max(0, value - level) && (Upper is null || Upper >= value + level);
}

/// <summary>
/// The linear attack on a published table (issue 18): for each withheld cell, minimise and maximise it with a linear
/// programme over the table's relations, the published values and non-negativity. The tables' relations (categories
/// add up to a total, regions to OSCE) form a network matrix, so the programme's vertices are whole numbers and its
/// bounds are those of the integer completions too. Solved by GLOP (Google OR-Tools).
/// </summary>
public static class ProtectionIntervals
{
    private const double Tolerance = 1e-6;

    /// <summary>
    /// The feasible interval of each cell in <paramref name="cells"/> (all withheld), given which cells of
    /// <paramref name="table"/> are withheld. A cell with no number (<c>null</c>) that is published adds nothing.
    /// </summary>
    public static IReadOnlyDictionary<int, FeasibleInterval> Compute(LinearTable table, IReadOnlyList<bool> withheld, IEnumerable<int> cells)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(withheld);
        ArgumentNullException.ThrowIfNull(cells);
        var result = new Dictionary<int, FeasibleInterval>();
        var wanted = cells.ToList();
        if (wanted.Count == 0)
        {
            return result;
        }

        using var solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("The GLOP linear solver of OR-Tools is not available.");

        // GLOP's presolve cannot always tell an unbounded programme from an infeasible one, so no programme is left
        // unbounded: every withheld cell is capped at 3S + 1000 (S the sum of the table's cells). With a network
        // matrix every vertex of the uncapped programme has coordinates of at most 2S (each cell is in at most two
        // relations), so a bounded maximum is found unchanged, and a maximum above 2S can only come from a ray
        // along which nothing published bounds the cell.
        var sum = table.Values.Sum(v => Math.Abs(v ?? 0));
        var cap = (3.0 * sum) + 1_000;
        var vertexBound = 2.0 * sum;
        var variables = new Variable[table.Values.Count];
        for (var i = 0; i < variables.Length; i++)
        {
            if (withheld[i])
            {
                variables[i] = solver.MakeNumVar(0, cap, "x" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                var fixedValue = table.Values[i] ?? 0;
                variables[i] = solver.MakeNumVar(fixedValue, fixedValue, "p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        foreach (var relation in table.Relations)
        {
            var constraint = solver.MakeConstraint(0, 0);
            foreach (var term in relation.Terms)
            {
                constraint.SetCoefficient(variables[term.Cell], constraint.GetCoefficient(variables[term.Cell]) + term.Coefficient);
            }
        }

        var objective = solver.Objective();
        foreach (var cell in wanted)
        {
            if (!withheld[cell])
            {
                throw new ArgumentException($"Cell {cell} is published; only withheld cells have an interval.", nameof(cells));
            }

            objective.Clear();
            objective.SetCoefficient(variables[cell], 1);
            objective.SetMinimization();
            var low = Solve(solver, variables);
            objective.SetMaximization();
            double[]? high = Solve(solver, variables);
            if (high[cell] > vertexBound + Tolerance)
            {
                high = null;
            }

            var lower = (long)Math.Ceiling(low[cell] - Tolerance);
            long? upper = high is null ? null : (long)Math.Floor(high[cell] + Tolerance);
            result[cell] = new FeasibleInterval(lower, upper, low, high);
        }

        return result;
    }

    /// <summary>The withheld primary cells whose interval is narrower than <paramref name="level"/> requires, in cell order.</summary>
    public static IReadOnlyList<int> Exposed(LinearTable table, IReadOnlyList<CellStatus> status, int level)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(status);
        var primaries = Enumerable.Range(0, status.Count).Where(i => status[i] == CellStatus.Primary).ToList();
        var intervals = Compute(table, [.. status.Select(s => s != CellStatus.Published)], primaries);
        return [.. primaries.Where(i => !intervals[i].Protects(table.Values[i] ?? 0, level))];
    }

    /// <summary>Solves the current objective and returns the values of every cell.</summary>
    private static double[] Solve(Solver solver, Variable[] variables)
    {
        var status = solver.Solve();
        return status == Solver.ResultStatus.OPTIMAL
            ? [.. variables.Select(v => v.SolutionValue())]
            : throw new InvalidOperationException($"The linear programme of a protection interval ended {status}; the table's own values are a bounded solution, so this is a fault.");
    }
}
