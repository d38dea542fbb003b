using System.Text;

namespace Linkage.Read;

/// <summary>User overrides for the read stage; null means "detect".</summary>
public readonly record struct ReadOptions
{
    /// <summary>Forces the text encoding (<c>--encoding</c>).</summary>
    public Encoding? Encoding { get; init; }

    /// <summary>Forces the field delimiter (<c>--delimiter</c>).</summary>
    public char? Delimiter { get; init; }

    /// <summary>Worksheet to read from an XLSX workbook (<c>--sheet</c>); the first sheet when null.</summary>
    public string? Sheet { get; init; }

    /// <summary>The 1-based line (worksheet row) of the header (<c>--header-row</c>); detected from the table's shape when null.</summary>
    public int? HeaderRow { get; init; }

    /// <summary>Largest line (worksheet row) <see cref="HeaderRow"/> may name.</summary>
    public const int MaxHeaderRow = 1000;
}
