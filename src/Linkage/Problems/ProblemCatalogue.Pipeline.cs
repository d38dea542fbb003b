namespace Linkage.Problems;

/// <summary>Problems the pipeline adds when a whole file could not be used.</summary>
public static partial class ProblemCatalogue
{
    /// <summary>A row of a file whose header could not be used; each such row is listed so none is lost silently.</summary>
    public static Problem RowOfUnusableFile(string file, int row, string cause) => new(
        "file-unusable", Severity.Error, file, row, null, null,
        $"File {Where(file, row)} was not used because the file's header could not be used ({cause}); fix the header and run again.");

    /// <summary>A bug stopped the processing of one file; the other files were still processed.</summary>
    public static Problem InternalError(string file, Exception error) => new(
        "internal-error", Severity.Fatal, file, null, null, null,
        $"File {Where(file)} could not be processed because of an internal error ({error.GetType().Name}: {error.Message}); the other inputs were processed but nothing is published — please report it with this file's layout (not its data).");
}
