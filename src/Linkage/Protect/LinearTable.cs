namespace Linkage.Protect;

/// <summary>One term of an additive relation: a cell and its coefficient.</summary>
/// <param name="Cell">Index of the cell in its table.</param>
/// <param name="Coefficient">Coefficient (+1 for a part, −1 for the total it adds up to).</param>
public readonly record struct Term(int Cell, int Coefficient);

/// <summary>An additive relation that published cells obey: Σ coefficient·value = 0 (e.g. the categories add up to the total).</summary>
/// <param name="Terms">The cells and coefficients.</param>
public sealed record Relation(IReadOnlyList<Term> Terms)
{
    /// <summary>A relation saying that the parts add up to the total.</summary>
    public static Relation Sum(IEnumerable<int> parts, int total) =>
        new([.. parts.Select(p => new Term(p, 1)), new Term(total, -1)]);
}

/// <summary>
/// A table as disclosure control sees it: cell values (null for a cell with no number, which is published empty and
/// adds nothing) and every additive relation between them that a reader of the published table knows.
/// </summary>
/// <param name="Values">The cell values.</param>
/// <param name="Relations">The additive relations.</param>
public sealed record LinearTable(IReadOnlyList<long?> Values, IReadOnlyList<Relation> Relations);

/// <summary>Why a cell is or is not published.</summary>
public enum CellStatus
{
    /// <summary>Published.</summary>
    Published,

    /// <summary>Suppressed because its value lies in 1 … k−1 (design.md guarantee 1).</summary>
    Primary,

    /// <summary>Suppressed so that no primary cell can be recovered from the relations (guarantee 2).</summary>
    Secondary,
}
