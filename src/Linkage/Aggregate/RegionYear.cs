using Linkage.Model;

namespace Linkage.Aggregate;

/// <summary>One State's contribution to one region in one year and measure (its national figures, or its areas in that region).</summary>
/// <param name="State">ISO alpha-3 code.</param>
/// <param name="Region">Region the figures are counted in.</param>
/// <param name="Year">Calendar year.</param>
/// <param name="Measure">Children or investigations.</param>
/// <param name="Figures">The State's yearly figures (quarters and months summed).</param>
public sealed record StateYear(string State, string Region, int Year, Measure Measure, LinkageFigures Figures);

/// <summary>The figures of one region (or <c>OSCE</c>) in one year and measure, and the States that reported.</summary>
/// <param name="Region">Region name, or <see cref="Aggregator.Osce"/>.</param>
/// <param name="Year">Calendar year.</param>
/// <param name="Measure">Children or investigations.</param>
/// <param name="Figures">Sums over the reporting States.</param>
/// <param name="States">The reporting States, sorted (a State whose values were all missing still reported).</param>
public sealed record RegionYear(string Region, int Year, Measure Measure, LinkageFigures Figures, IReadOnlyList<string> States)
{
    /// <summary>The number of States that reported (design.md: <c>states_reporting</c>).</summary>
    public int StatesReporting => States.Count;

    /// <summary>True for the all-States total.</summary>
    public bool IsOsce => Region == Aggregator.Osce;
}

/// <summary>The outcome of the aggregate stage.</summary>
/// <param name="States">Every State's yearly contribution to each region, sorted by region, State, measure, year.</param>
/// <param name="Regions">Region and OSCE figures, sorted by region (OSCE last), measure, year.</param>
/// <param name="Warnings">Figures not added, and why (overlapping national and area figures, incomplete years).</param>
public sealed record AggregateResult(IReadOnlyList<StateYear> States, IReadOnlyList<RegionYear> Regions, IReadOnlyList<Problems.Problem> Warnings);

/// <summary>The years to aggregate (<c>--from</c>, <c>--to</c>); null ends are open.</summary>
/// <param name="From">First year, inclusive.</param>
/// <param name="To">Last year, inclusive.</param>
public readonly record struct YearWindow(int? From, int? To)
{
    /// <summary>True when the year lies in the window.</summary>
    public bool Contains(int year) => (From is null || year >= From) && (To is null || year <= To);
}
