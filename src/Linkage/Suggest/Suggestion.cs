namespace Linkage.Suggest;

/// <summary>
/// A suggested mapping for a label the vocabulary does not know.
/// Canonical: for Linkage "internal"|"international"|"not_trafficked"|"unknown"|"total";
/// for Measure "children"|"investigations"; for Column the role key of vocabulary.json's "columns" (e.g. "state", "period", "total", ...).
/// </summary>
/// <param name="Label">The label as given.</param>
/// <param name="Canonical">The most probable class.</param>
/// <param name="Confidence">The model's probability of <paramref name="Canonical"/> (0 … 1).</param>
/// <param name="RunnerUp">The second most probable class; null when the model has a single class.</param>
/// <param name="RunnerUpConfidence">The model's probability of <paramref name="RunnerUp"/> (0 when there is none).</param>
public sealed record Suggestion(string Label, string Canonical, double Confidence, string? RunnerUp, double RunnerUpConfidence)
{
    /// <summary>When the label's own words overrule the model (its answer is then <see cref="LabelSuggester.None"/>), why.</summary>
    public string? Why { get; init; }
}
