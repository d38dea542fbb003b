using Linkage.Aggregate;
using Linkage.Model;

namespace Linkage.Protect;

/// <summary>
/// Decides whether a consistent-panel trend may be published. Its APC and interval nearly pin down the panel's
/// yearly sums, which no table publishes, so the audit treats them as published: a reader then knows, per year and
/// measure, every published regional cell and the panel sums of every panel trend already let through, each a sum of
/// State-level values. A trend is let through only when no withheld cell's sum becomes a linear combination of
/// those — the same exact test as <see cref="DisclosureAudit"/>, one level finer, because a panel cuts across
/// regions where the regional relations cannot see it. Small groups are ruled out by a partition: in each region and
/// year, the States are grouped by which published panels (and the candidate) they belong to; everything a reader
/// learns beyond the regional table is a sum of these groups, so when a panel splits a region, every quantity a
/// reader could learn of each group (the published series and their differences) must be 0 or at least k, and then
/// so is every sum of them.
/// </summary>
public sealed class PanelAudit
{
    private readonly Dictionary<(Measure Measure, int Year), YearSystem> _systems = [];
    private readonly int _minCell;

    /// <summary>Sets up one system per year and measure from the protected regional tables and the States' figures.</summary>
    public PanelAudit(RegionalProtectionResult protection, IReadOnlyList<StateYear> states)
    {
        ArgumentNullException.ThrowIfNull(protection);
        ArgumentNullException.ThrowIfNull(states);
        _minCell = protection.MinCell;
        foreach (var group in states.GroupBy(s => (s.Measure, s.Year)))
        {
            _systems[group.Key] = new YearSystem([.. group]);
        }

        foreach (var group in protection.Rows.GroupBy(r => (r.Row.Measure, r.Row.Year)))
        {
            if (_systems.TryGetValue(group.Key, out var system))
            {
                system.Build([.. group]);
            }
        }
    }

    /// <summary>
    /// Lets a panel trend through when, with its yearly sums known, no withheld cell becomes computable and no group
    /// of the finer partition it makes holds a count of 1 … k−1 in any category; then its sums count as known for the
    /// trends after it. <paramref name="region"/> is the trend's region (or OSCE), <paramref name="members"/> its
    /// panel and <paramref name="panelParts"/> the State figures it sums, per year.
    /// </summary>
    public bool TryPublish(Measure measure, Series series, string region, IReadOnlySet<string> members, IEnumerable<IGrouping<int, StateYear>> panelParts)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(panelParts);
        var column = series switch { Series.Internal => TableColumn.Internal, Series.International => TableColumn.International, _ => TableColumn.Total };
        var candidate = new Panel(region, members, series);
        var pending = new List<(YearSystem System, SparseVector? Residual)>();
        foreach (var year in panelParts)
        {
            if (!_systems.TryGetValue((measure, year.Key), out var system))
            {
                continue;
            }

            var residual = system.Published.Residual(system.Vector(year, column));
            if (residual is not { } panel || system.Exposes(panel) || system.SmallGroup(candidate, _minCell))
            {
                return false;
            }

            pending.Add((system, residual));
        }

        foreach (var (system, residual) in pending)
        {
            system.Learn(residual, candidate);
        }

        return true;
    }

    /// <summary>A published panel trend: the region it belongs to (or OSCE), its States and its series.</summary>
    private sealed record Panel(string Region, IReadOnlySet<string> Members, Series Series)
    {
        public bool Covers(StateYear unit) => Region == Aggregator.Osce || Region == unit.Region;
    }

    /// <summary>One year and measure: its State-level unknowns (four categories per State contribution) and what is known.</summary>
    private sealed class YearSystem
    {
        private readonly Dictionary<StateYear, int> _index = new(ReferenceEqualityComparer.Instance);
        private readonly List<SparseVector?> _withheld = [];
        private readonly List<Panel> _panels = [];

        public YearSystem(List<StateYear> units)
        {
            Units = units;
            for (var i = 0; i < units.Count; i++)
            {
                _index[units[i]] = i;
            }

            Published = new RowSpace();
        }

        public List<StateYear> Units { get; }

        public RowSpace Published { get; }

        /// <summary>Learns the published cells, then keeps the residuals of the withheld cells.</summary>
        public void Build(List<ProtectedRegionYear> rows)
        {
            var withheld = new List<SparseVector>();
            foreach (var row in rows)
            {
                for (var c = 0; c < 5; c++)
                {
                    var column = (TableColumn)c;
                    if (row.Figure(column).Value is null)
                    {
                        continue;
                    }

                    var vector = Vector(Units.Where(u => row.Row.IsOsce || u.Region == row.Row.Region), column);
                    if (row.IsPublished(column))
                    {
                        Published.Add(vector);
                    }
                    else
                    {
                        withheld.Add(vector);
                    }
                }
            }

            _withheld.AddRange(withheld.Select(Published.Residual));
        }

        /// <summary>True when knowing the panel sum (its residual given) would make a withheld cell computable (its residual a multiple of the panel's).</summary>
        public bool Exposes(SparseVector panel) => _withheld.Any(r => r is not { } w || RowSpace.Proportional(w, panel));

        /// <summary>
        /// True when, in some region that the panels split, a group of States with the same panel memberships has a
        /// count of 1 … k−1 in a quantity a reader could learn of it: each series that some panel covering the region
        /// publishes (total, internal, international), and their differences (total − internal, total −
        /// international, total − internal − international).
        /// </summary>
        public bool SmallGroup(Panel candidate, int minCell)
        {
            IReadOnlyList<Panel> panels = [.. _panels, candidate];
            foreach (var region in Units.GroupBy(u => u.Region))
            {
                var covering = panels.Where(p => p.Covers(region.First())).ToList();
                var groups = region.GroupBy(u => string.Concat(covering.Select(p => p.Members.Contains(u.State) ? '1' : '0'))).ToList();

                // A region not split by any panel is its own regional cell, which the regional suppression and the
                // exact audit already protect.
                if (groups.Count < 2)
                {
                    continue;
                }

                var learnt = covering.Select(p => p.Series).ToHashSet();
                if (groups.Any(g => Learnable(g, learnt).Any(v => v >= 1 && v < minCell)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The quantities of a group that the published series let a reader compute.</summary>
        private static IEnumerable<long> Learnable(IEnumerable<StateYear> group, HashSet<Series> learnt)
        {
            long Sum(int c) => group.Sum(u => u.Figures.Categories[c].Value ?? 0);
            var (i, x) = (Sum(0), Sum(1));
            var t = i + x + Sum(2) + Sum(3);
            var (hasT, hasI, hasX) = (learnt.Contains(Series.Total), learnt.Contains(Series.Internal), learnt.Contains(Series.International));
            if (hasT)
            {
                yield return t;
            }

            if (hasI)
            {
                yield return i;
            }

            if (hasX)
            {
                yield return x;
            }

            if (hasT && hasI)
            {
                yield return t - i;
            }

            if (hasT && hasX)
            {
                yield return t - x;
            }

            if (hasT && hasI && hasX)
            {
                yield return t - i - x;
            }
        }

        /// <summary>Adds a panel sum to what is known and brings the kept residuals up to date.</summary>
        public void Learn(SparseVector? residual, Panel panel)
        {
            _panels.Add(panel);
            if (!Published.AddResidual(residual))
            {
                return;
            }

            for (var i = 0; i < _withheld.Count; i++)
            {
                _withheld[i] = Published.Update(_withheld[i]);
            }
        }

        /// <summary>The sum of a column (or of all four categories, for the total) over some State figures; values withheld at source add nothing and are left out.</summary>
        public SparseVector Vector(IEnumerable<StateYear> units, TableColumn column)
        {
            var positions = new List<int>();
            foreach (var u in units)
            {
                var i = _index[u];
                for (var c = 0; c < 4; c++)
                {
                    if ((column == TableColumn.Total || (int)column == c) && u.Figures.Categories[c].Value is not null)
                    {
                        positions.Add((i * 4) + c);
                    }
                }
            }

            return SparseVector.Ones(positions);
        }
    }
}
