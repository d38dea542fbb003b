namespace Linkage.Suggest;

/// <summary>Which dictionary of the vocabulary a label is suggested from.</summary>
public enum SuggestionTarget
{
    /// <summary>Linkage labels: <c>internal</c>, <c>international</c>, <c>not_trafficked</c>, <c>unknown</c>, <c>total</c>.</summary>
    Linkage,

    /// <summary>Measure labels: <c>children</c>, <c>investigations</c>.</summary>
    Measure,

    /// <summary>Column headers: the role keys of <c>vocabulary.json</c>'s <c>columns</c> section (<c>state</c>, <c>period</c>, …).</summary>
    Column,
}
