namespace Linkage.Problems;

/// <summary>Problems of the aggregate stage: figures that were kept but not added to the yearly statistics.</summary>
public static partial class ProblemCatalogue
{
    /// <summary>A State gave national figures and figures for areas for the same year and measure.</summary>
    public static Problem NationalAndAreas(string file, int row, string what, bool areasUsed, int droppedCount) => new(
        "national-and-areas", Severity.Warning, file, row, null, null,
        areasUsed
            ? string.Create(Inv, $"File {Where(file, row)}: {what} is given both nationally and for areas; the region map places the areas in regions of their own, so the area figures were used and {droppedCount} national figure(s) were not added, so that no child is counted twice.")
            : string.Create(Inv, $"File {Where(file, row)}: {what} is given both nationally and for areas; the national figures were used and {droppedCount} area figure(s) were not added, so that no child is counted twice (map the areas to regions in the config to use them instead)."));

    /// <summary>A year given only in quarters or months that do not cover it.</summary>
    public static Problem IncompleteYear(string file, int row, string what, string periods) => new(
        "incomplete-year", Severity.Warning, file, row, null, periods,
        $"File {Where(file, row)}: {what} is given only for {periods}, which do not cover the year, so the State's figures for that year were not added to the yearly statistics; send the missing quarters or months, or a figure for the whole year.");
}
