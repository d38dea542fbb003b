using System.Globalization;

namespace Linkage.Analyse;

/// <summary>A 95 % two-sided interval from <see cref="Low"/> to <see cref="High"/>.</summary>
/// <param name="Low">The lower bound.</param>
/// <param name="High">The upper bound.</param>
public readonly record struct Interval(double Low, double High)
{
    /// <summary>Formats the interval with the invariant culture, whatever the current culture is.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"Interval {{ Low = {Low:R}, High = {High:R} }}");
}
