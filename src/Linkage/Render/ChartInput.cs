using Linkage.Analyse;
using Linkage.Localisation;
using Linkage.Model;
using Linkage.Protect;

namespace Linkage.Render;

/// <summary>Everything the charts of one measure are drawn from: only disclosure-controlled values.</summary>
/// <param name="Regional">Rows of <c>regional-trends.csv</c> (withheld ones have no value).</param>
/// <param name="Trends">Rows of <c>trend-summary.csv</c>.</param>
/// <param name="States">The binned State-level completeness (<see cref="StateCompleteness.Build"/>).</param>
/// <param name="Measure">The measure the charts show.</param>
/// <param name="MinCell">Threshold k of disclosure control, named in the source note.</param>
/// <param name="AsOf">The date put in the source note (<c>--as-of</c>); none when null (never the wall clock).</param>
public sealed record ChartInput(
    IReadOnlyList<RegionalTrendRow> Regional,
    IReadOnlyList<TrendRow> Trends,
    IReadOnlyList<StateCompletenessCell> States,
    Measure Measure,
    int MinCell,
    DateOnly? AsOf)
{
    /// <summary>The language of every text the charts draw (<c>--lang</c>); English by default.</summary>
    public Language Language { get; init; } = Language.En;

    /// <summary>
    /// True (the default) when the regions come from the built-in UN M49 map: its sub-regions are shown in
    /// <see cref="Language"/>. False for a user's region map, whose names are proper names and shown as given (also when
    /// one is spelled like an M49 sub-region). <c>OSCE</c> is shown in the language either way.
    /// </summary>
    public bool DefaultRegionMap { get; init; } = true;

    /// <summary>
    /// The publications the figures come from (a profile's or config's <c>source</c>, e.g. "UNODC, Global Report on
    /// Trafficking in Persons (GLOTIP database)"), named in the source note; empty for national submissions.
    /// </summary>
    public IReadOnlyList<string> Sources { get; init; } = [];
}
