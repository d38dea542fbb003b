using System.Globalization;

namespace Linkage.Problems;

/// <summary>
/// The one catalogue of problems: stable codes and message templates of the form
/// found → where → expected → how to fix. Split into partial files by stage.
/// </summary>
public static partial class ProblemCatalogue
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>
    /// Describes a location as "file, row N, column 'C'" for messages. The column name is quoted like a value: a
    /// header cell may hold a line break or be huge, and a message must stay one short line.
    /// </summary>
    internal static string Where(string file, int? row = null, string? column = null)
    {
        var where = $"'{file}'";
        if (row is not null)
        {
            where += string.Create(Inv, $", row {row}");
        }

        if (column is not null)
        {
            where += $", column {Quote(column)}";
        }

        return where;
    }

    /// <summary>Quotes and shortens a value for a message so that a huge field or a control character cannot flood or garble the terminal.</summary>
    public static string Quote(string? value)
    {
        if (value is null)
        {
            return "''";
        }

        const int max = 60;
        var shown = value.Length > max ? string.Concat(value.AsSpan(0, max), "…") : value;
        shown = shown.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\0", "\\0", StringComparison.Ordinal);
        return $"'{shown}'";
    }
}
