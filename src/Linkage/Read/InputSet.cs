namespace Linkage.Read;

/// <summary>One input file: the path to open and the name shown in messages and provenance.</summary>
/// <param name="Path">Path to open.</param>
/// <param name="Name">Name as the user gave it (relative to the folder they named), used in outputs.</param>
public sealed record InputFile(string Path, string Name)
{
    /// <summary>The file's bytes when it is read from memory (<see cref="FromBytes"/>): then nothing is opened.</summary>
    public byte[]? Content { get; init; }

    /// <summary>An input read from memory, named <paramref name="name"/> (its extension says its type).</summary>
    public static InputFile FromBytes(string name, byte[] content) => new(name, name) { Content = content };

    /// <summary>An input read from text, as UTF-8 without a byte order mark.</summary>
    public static InputFile FromText(string name, string text) => FromBytes(name, new System.Text.UTF8Encoding(false).GetBytes(text));
}

/// <summary>Something in an input folder that was not read, and why.</summary>
/// <param name="Name">Its name as shown in outputs.</param>
/// <param name="Reason">Why it was not read.</param>
/// <param name="IsWarning">True when it may be a submission the user expected to be read (it raises exit code 1).</param>
public sealed record SkippedInput(string Name, string Reason, bool IsWarning);

/// <summary>Expands the command line's INPUT arguments: files as given, folders to their supported files in name order.</summary>
public static class InputSet
{
    /// <summary>
    /// Expands the inputs. A folder contributes its supported files (not its subfolders) in ordinal name order;
    /// everything else in it is listed in <paramref name="skipped"/>: documentation (<c>.md</c>) and the config file
    /// quietly, subfolders and other files as warnings, since a drop folder may hold a submission in a format the
    /// pipeline does not read. A path that does not exist is an error.
    /// </summary>
    public static IReadOnlyList<InputFile> Expand(IEnumerable<string> inputs, string? configPath, out IReadOnlyList<SkippedInput> skipped, out IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var files = new List<InputFile>();
        var skip = new List<SkippedInput>();
        var errs = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var config = configPath is null ? null : System.IO.Path.GetFullPath(configPath);
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
                foreach (var sub in Directory.EnumerateDirectories(input).Order(StringComparer.Ordinal))
                {
                    var name = System.IO.Path.GetFileName(sub);
                    if (!name.StartsWith('.'))
                    {
                        skip.Add(new SkippedInput(Shown(input, name) + "/", "a folder: folders are not searched; name it as an input to read it", IsWarning: false));
                    }
                }

                foreach (var path in Directory.EnumerateFiles(input).OrderBy(p => System.IO.Path.GetFileName(p), StringComparer.Ordinal))
                {
                    var name = System.IO.Path.GetFileName(path);
                    var shown = Shown(input, name);
                    if (name.StartsWith('.') || string.Equals(System.IO.Path.GetFullPath(path), config, StringComparison.Ordinal))
                    {
                        continue;
                    }

                    if (IsSpreadsheetLockFile(name))
                    {
                        skip.Add(new SkippedInput(shown, "a lock file Excel leaves beside an open workbook", IsWarning: false));
                    }
                    else if (IsSupported(name))
                    {
                        Add(path, shown);
                    }
                    else if (string.Equals(System.IO.Path.GetExtension(name), ".md", StringComparison.OrdinalIgnoreCase))
                    {
                        skip.Add(new SkippedInput(shown, "documentation", IsWarning: false));
                    }
                    else
                    {
                        skip.Add(new SkippedInput(shown, "not a .csv, .tsv, .txt or .xlsx file; convert it if it is a submission", IsWarning: true));
                    }
                }
            }
            else if (File.Exists(input))
            {
                Add(input, input.Replace('\\', '/'));
            }
            else if (input.StartsWith('-'))
            {
                errs.Add($"'{input}' is not an option of this command (and no file has that name); see --help for the options.");
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

    private static string Shown(string folder, string name) => System.IO.Path.Combine(folder, name).Replace('\\', '/');

    private static bool IsSupported(string name) =>
        SourceReader.SupportedExtensions.Contains(System.IO.Path.GetExtension(name).ToLowerInvariant());

    // Excel leaves "~$book.xlsx" beside an open workbook; it is not a submission.
    private static bool IsSpreadsheetLockFile(string name) => name.StartsWith("~$", StringComparison.Ordinal);
}
