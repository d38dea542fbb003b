namespace Linkage.Localisation;

/// <summary>
/// The marks charts and the report put in place of a value. They are symbols, not words, and the same in every
/// language, as the status letter <c>c</c> is in the publish CSVs; the legends and notes that explain them are
/// translated.
/// </summary>
public static class Marks
{
    /// <summary>A value withheld by disclosure control.</summary>
    public const string Withheld = "c";

    /// <summary>A trend with fewer than five years.</summary>
    public const string FewYears = "n<5";

    /// <summary>A value that cannot be computed (no previous year, denominator 0).</summary>
    public const string None = "–";
}
