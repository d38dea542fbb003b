using System.Globalization;

using Linkage.Read;

namespace Linkage.Recognise;

/// <summary>
/// Reads a region map file (<c>--regions FILE</c>): CSV (or XLSX) with a header naming the columns <c>state</c>,
/// optionally <c>area</c>, and <c>region</c>; one row per State, or per State and area for subnational work.
/// </summary>
public static class RegionMapFile
{
    /// <summary>Reads the entries; on a problem returns null and one sentence naming the file, row and column.</summary>
    public static IReadOnlyList<RegionEntry>? Load(string path, out string? error)
    {
        ArgumentNullException.ThrowIfNull(path);
        error = null;
        var name = Path.GetFileName(path);
        var outcome = SourceReader.Open(path, name, new ReadOptions());
        if (!outcome.IsOpen)
        {
            error = $"--regions: {outcome.Problem.Message}";
            return null;
        }

        using var table = outcome.Table;
        var header = table.Header.Select(h => TextFold.Fold(h)).ToList();
        var (state, area, region) = (header.IndexOf("state"), header.IndexOf("area"), header.IndexOf("region"));
        if (state < 0 || region < 0)
        {
            error = $"--regions file '{name}' has the header '{string.Join(",", table.Header)}'; expected the columns state,region or state,area,region.";
            return null;
        }

        var entries = new List<RegionEntry>();
        foreach (var row in table.ReadRows())
        {
            string Cell(int i) => i >= 0 && i < row.Fields.Length ? row.Fields[i].Trim() : string.Empty;
            var where = string.Create(CultureInfo.InvariantCulture, $"--regions file '{name}', row {row.Line}");
            if (Cell(state).Length == 0)
            {
                error = $"{where}, column '{table.Header[state]}' is empty; expected a participating State.";
                return null;
            }

            var key = area >= 0 && Cell(area).Length > 0 ? Cell(state) + "/" + Cell(area) : Cell(state);
            entries.Add(new RegionEntry(key, Cell(region), where));
        }

        if (table.RowProblems.Count > 0)
        {
            error = $"--regions: {table.RowProblems[0].Message}";
            return null;
        }

        if (entries.Count == 0)
        {
            error = $"--regions file '{name}' has no rows; expected one row per State (state,region).";
            return null;
        }

        return entries;
    }
}
