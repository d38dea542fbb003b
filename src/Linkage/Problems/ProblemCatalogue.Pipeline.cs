namespace Linkage.Problems;

/// <summary>Problems the pipeline adds when a whole file could not be used.</summary>
public static partial class ProblemCatalogue
{
    /// <summary>A row of a file whose header could not be used; each such row is listed so none is lost silently.</summary>
    public static Problem RowOfUnusableFile(string file, int row, string cause) => new(
        "file-unusable", Severity.Error, file, row, null, null,
        $"File {Where(file, row)} was not used because the file's header could not be used ({cause}); fix the header and run again.");
}
