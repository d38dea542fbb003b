using Linkage.Aggregate;
using Linkage.Protect;

namespace Linkage.Analyse;

/// <summary>The user's choices for the aggregate, protect and analyse stages.</summary>
/// <param name="MinCell">Threshold k of disclosure control (<c>--min-cell</c>).</param>
/// <param name="Window">Years to use (<c>--from</c>, <c>--to</c>).</param>
public sealed record StatisticsOptions(int MinCell, YearWindow Window)
{
    /// <summary>
    /// Protection level p (<c>--protection-level</c>): no primary cell may be narrowed by the published tables to
    /// less than its value ± p. Null takes k.
    /// </summary>
    public int? ProtectionLevel { get; init; }

    /// <summary>The protection level in force: <see cref="ProtectionLevel"/>, or k.</summary>
    public int Level => ProtectionLevel ?? MinCell;

    /// <summary>The default threshold of design.md.</summary>
    public const int DefaultMinCell = 5;

    /// <summary>k = 5, all years.</summary>
    public static StatisticsOptions Default { get; } = new(DefaultMinCell, default);
}

/// <summary>The outcome of the aggregate, protect and analyse stages.</summary>
/// <param name="Aggregate">State, region and OSCE figures, and warnings.</param>
/// <param name="Protection">The suppression of every regional table.</param>
/// <param name="Regional">Rows of <c>publish/regional-trends.csv</c>.</param>
/// <param name="Trends">Rows of <c>publish/trend-summary.csv</c>.</param>
/// <param name="Breaches">What the publish guard found wrong; empty when the tables may be published.</param>
/// <param name="Timings">Milliseconds per stage.</param>
/// <param name="Notes">Run-level warnings that belong to no input file (e.g. a year window with no data).</param>
public sealed record StatisticsResult(
    AggregateResult Aggregate,
    RegionalProtectionResult Protection,
    IReadOnlyList<RegionalTrendRow> Regional,
    IReadOnlyList<TrendRow> Trends,
    IReadOnlyList<DisclosureBreach> Breaches,
    IReadOnlyDictionary<string, long> Timings,
    IReadOnlyList<string> Notes)
{
    /// <summary>True when every table passed the audit and the guard: only then is anything written under <c>publish/</c>.</summary>
    public bool MayPublish => Protection.AuditPassed && Breaches.Count == 0;

    /// <summary>
    /// Each State-year's completeness in 20 % classes, binned by the protect stage (small totals not shown): the only
    /// State-level figures the charts and the report see (<see cref="StateCompleteness"/>).
    /// </summary>
    public IReadOnlyList<StateCompletenessCell> States { get; init; } = [];
}
