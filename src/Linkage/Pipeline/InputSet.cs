namespace Linkage.Pipeline;

/// <summary>One input file: the path to open and the name shown in messages and provenance.</summary>
/// <param name="Path">Path to open.</param>
/// <param name="Name">Name as the user gave it (relative to the folder they named), used in outputs.</param>
public sealed record InputFile(string Path, string Name);

/// <summary>Expands the command line's INPUT arguments: files as given, folders to their supported files in name order.</summary>
public static class InputSet
{
    /// <summary>File extensions the reader supports.</summary>
    public static readonly IReadOnlyList<string> SupportedExtensions = [".csv", ".tsv", ".txt", ".xlsx"];

    /// <summary>
    /// Expands the inputs. A folder contributes its supported files (not its subfolders) in ordinal name order;
    /// other files in it are listed in <paramref name="skipped"/>. A path that does not exist is an error.
    /// </summary>
    public static IReadOnlyList<InputFile> Expand(IEnumerable<string> inputs, out IReadOnlyList<string> skipped, out IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var files = new List<InputFile>();
        var skip = new List<string>();
        var errs = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(string path, string shown)
        {
            // The same file named twice (directly and through its folder) is read once.
            if (seen.Add(System.IO.Path.GetFullPath(path)))
            {
                files.Add(new InputFile(path, shown));
            }
        }

        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
            {
                var found = Directory.EnumerateFiles(input)
                    .Select(p => (Path: p, Name: System.IO.Path.GetFileName(p)))
                    .Where(f => !f.Name.StartsWith('.'))
                    .OrderBy(f => f.Name, StringComparer.Ordinal)
                    .ToList();
                foreach (var (path, name) in found)
                {
                    var shown = System.IO.Path.Combine(input, name).Replace('\\', '/');
                    if (IsSupported(name) && !IsSpreadsheetLockFile(name))
                    {
                        Add(path, shown);
                    }
                    else
                    {
                        skip.Add(shown);
                    }
                }
            }
            else if (File.Exists(input))
            {
                Add(input, input.Replace('\\', '/'));
            }
            else
            {
                errs.Add($"Input '{input}' does not exist; expected a file or a folder of submissions.");
            }
        }

        skipped = skip;
        errors = errs;
        return files;
    }

    private static bool IsSupported(string name) =>
        SupportedExtensions.Contains(System.IO.Path.GetExtension(name).ToLowerInvariant());

    // Excel leaves "~$book.xlsx" beside an open workbook; it is not a submission.
    private static bool IsSpreadsheetLockFile(string name) => name.StartsWith("~$", StringComparison.Ordinal);
}
