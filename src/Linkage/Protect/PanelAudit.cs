using Linkage.Aggregate;
using Linkage.Model;

namespace Linkage.Protect;

/// <summary>
/// Decides whether a consistent-panel trend may be published. Its APC and interval nearly pin down the panel's
/// yearly sums, which no table publishes, so the audit treats them as published: a reader then knows, per year and
/// measure, every published regional cell and the panel sums of every panel trend already let through, each a sum of
/// State-level values. A trend is let through only when no withheld cell's sum becomes a linear combination of
/// those — the same exact test as <see cref="DisclosureAudit"/>, one level finer, because a panel cuts across
/// regions where the regional relations cannot see it — and no small group (a State's count, or a region's panel
/// part or rest, of 1 … k−1) becomes computable.
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
                system.Build([.. group], _minCell);
            }
        }
    }

    /// <summary>
    /// Lets a panel trend through when, with its yearly sums known, no withheld cell and no small group becomes
    /// computable; then its sums count as known for the trends after it. <paramref name="panelParts"/> are the State
    /// figures it sums, per year.
    /// </summary>
    public bool TryPublish(Measure measure, Series series, IEnumerable<IGrouping<int, StateYear>> panelParts)
    {
        ArgumentNullException.ThrowIfNull(panelParts);
        var column = series switch { Series.Internal => TableColumn.Internal, Series.International => TableColumn.International, _ => TableColumn.Total };
        var pending = new List<(YearSystem System, SparseVector? Residual)>();
        foreach (var year in panelParts)
        {
            if (!_systems.TryGetValue((measure, year.Key), out var system))
            {
                continue;
            }

            var residual = system.Published.Residual(system.Vector(year, column));
            if (residual is not { } panel || system.Exposes(panel, [.. year], series, column, _minCell))
            {
                return false;
            }

            pending.Add((system, residual));
        }

        foreach (var (system, residual) in pending)
        {
            system.Learn(residual);
        }

        return true;
    }

    /// <summary>One year and measure: its State-level unknowns (four categories per State contribution) and what is known.</summary>
    private sealed class YearSystem
    {
        private readonly Dictionary<StateYear, int> _index = new(ReferenceEqualityComparer.Instance);
        private readonly List<SparseVector?> _withheld = [];
        private readonly List<(StateYear Unit, TableColumn Column, SparseVector? Residual)> _smallUnits = [];
        private readonly List<string> _regions = [];

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

        /// <summary>Learns the published cells, then keeps the residuals of the withheld cells and of each small State count.</summary>
        public void Build(List<ProtectedRegionYear> rows, int minCell)
        {
            var withheld = new List<SparseVector>();
            foreach (var row in rows)
            {
                _regions.Add(row.Row.Region);
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
            foreach (var unit in Units)
            {
                foreach (var column in new[] { TableColumn.Internal, TableColumn.International, TableColumn.Total })
                {
                    var value = column == TableColumn.Total ? unit.Figures.Total.Value : unit.Figures.Categories[(int)column].Value;
                    if (value is { } v && v >= 1 && v < minCell)
                    {
                        _smallUnits.Add((unit, column, Published.Residual(Vector([unit], column))));
                    }
                }
            }
        }

        /// <summary>
        /// True when knowing the panel sum (its residual given) would make a withheld cell, a small State count, or a
        /// small panel part or rest of a region computable.
        /// </summary>
        public bool Exposes(SparseVector panel, IReadOnlyList<StateYear> members, Series series, TableColumn column, int minCell)
        {
            // A vector becomes computable when its residual is a multiple of the panel's (zero: it already was).
            bool Computable(SparseVector? residual) => residual is not { } r || RowSpace.Proportional(r, panel);
            if (_withheld.Any(Computable) || _smallUnits.Where(s => s.Column == column).Any(s => Computable(s.Residual)))
            {
                return true;
            }

            var inPanel = members.ToHashSet(ReferenceEqualityComparer.Instance);
            foreach (var region in _regions)
            {
                var units = Units.Where(u => region == Aggregator.Osce || u.Region == region).ToList();
                foreach (var part in new[] { units.Where(inPanel.Contains).ToList(), units.Where(u => !inPanel.Contains(u)).ToList() })
                {
                    var sum = part.Aggregate(Figure.None, (acc, u) => acc.Plus(u.Figures.Series(series))).Value;
                    if (sum is { } v && v >= 1 && v < minCell && Computable(Published.Residual(Vector(part, column))))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>Adds a panel sum to what is known and brings the kept residuals up to date.</summary>
        public void Learn(SparseVector? residual)
        {
            if (!Published.AddResidual(residual))
            {
                return;
            }

            for (var i = 0; i < _withheld.Count; i++)
            {
                _withheld[i] = Published.Update(_withheld[i]);
            }

            for (var i = 0; i < _smallUnits.Count; i++)
            {
                _smallUnits[i] = _smallUnits[i] with { Residual = Published.Update(_smallUnits[i].Residual) };
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
