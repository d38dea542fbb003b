namespace Linkage.Model;

/// <summary>
/// One canonical observation (design.md "Canonical observation"): a count of children or investigations
/// for one State (and area), period, measure and linkage category, with the cell it came from.
/// </summary>
/// <param name="State">ISO 3166-1 alpha-3 code of the reporting participating State.</param>
/// <param name="Area">Subnational area as given; empty for national figures.</param>
/// <param name="Region">Region from the region map.</param>
/// <param name="Period">Period as reported.</param>
/// <param name="Measure">Children or investigations.</param>
/// <param name="Linkage">Linkage category.</param>
/// <param name="Count">Non-negative count, or null when the source withheld it (flag <c>m</c> or <c>c</c>).</param>
/// <param name="Flag">Observation status letters: empty, or any of <c>e p b c m</c>.</param>
/// <param name="Source">Where the value came from.</param>
public sealed record Observation(
    string State,
    string Area,
    string Region,
    Period Period,
    Measure Measure,
    LinkageCategory Linkage,
    long? Count,
    string Flag,
    SourceRef Source)
{
    /// <summary>
    /// For a count the source withheld below a bound (UNODC's <c>&lt;5</c>), the bound: the count is at most one less.
    /// Kept in <c>internal/observations.csv</c> (<c>withheld_below</c>) and never published. Null otherwise.
    /// </summary>
    public long? WithheldBelow { get; init; }
}

/// <summary>Provenance of a canonical value: the input file, the 1-based line of its row, and its column.</summary>
/// <param name="File">Input file name as given.</param>
/// <param name="Row">1-based line number (header = line 1); for aggregated case records, the first record's line.</param>
/// <param name="Column">Header of the column the value came from (for a derived <c>unknown</c>, the total column).</param>
/// <param name="Records">Number of case-level records aggregated into the value; 0 for aggregate inputs.</param>
/// <param name="FileIndex">Position of the file in argument/name order (later wins under <c>--on-conflict latest</c>).</param>
/// <param name="Lines">Every input line that contributed (one for aggregate rows; all records for case-level data).</param>
public sealed record SourceRef(string File, int Row, string Column, long Records, int FileIndex, LineSet Lines);
