namespace Linkage.Read;

/// <summary>
/// The file system as the other stages may see it: opening an input for a sequential read, reading a small text
/// file the user named (the config), and finding a file among folders (the chart font). Only Read and Output touch
/// the file system (the architecture tests hold the library to it).
/// </summary>
public static class InputFiles
{
    /// <summary>Opens a file for one pass from start to end, shared for reading, with no buffer of its own.</summary>
    public static Stream OpenSequential(string path) =>
        new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);

    /// <summary>The whole text of a small file, its encoding taken from its byte-order mark (UTF-8 without one).</summary>
    public static string ReadAllText(string path) => File.ReadAllText(path);

    /// <summary>True when the file exists.</summary>
    public static bool Exists(string path) => File.Exists(path);

    /// <summary>
    /// Every file under <paramref name="folders"/> (recursively, names matched case-insensitively, folders that do
    /// not exist or cannot be read skipped) whose name matches <paramref name="pattern"/>, in ordinal order.
    /// </summary>
    public static IReadOnlyList<string> Find(IEnumerable<string> folders, string pattern)
    {
        ArgumentNullException.ThrowIfNull(folders);
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, MatchCasing = MatchCasing.CaseInsensitive };
        return [.. folders.Where(Directory.Exists).SelectMany(f => Directory.EnumerateFiles(f, pattern, options)).Order(StringComparer.Ordinal)];
    }
}
