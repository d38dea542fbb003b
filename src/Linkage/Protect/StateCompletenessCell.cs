using Linkage.Model;

namespace Linkage.Protect;

/// <summary>One cell of the completeness heat map: a State, year and measure, and what may be shown for it.</summary>
/// <param name="State">ISO alpha-3 code.</param>
/// <param name="Year">Calendar year.</param>
/// <param name="Measure">Children or investigations.</param>
/// <param name="Kind">What the cell shows.</param>
/// <param name="ShareClass">
/// For <see cref="StateCellKind.Share"/>, the lower bound of the 20 % class of (total − unknown) / total: 0.0, 0.2, …, 0.8
/// (the top class includes 100 %); null for the other kinds.
/// </param>
public sealed record StateCompletenessCell(string State, int Year, Measure Measure, StateCellKind Kind, double? ShareClass);
