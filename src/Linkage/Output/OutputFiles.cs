namespace Linkage.Output;

/// <summary>
/// Plain file writes for what is not a run's output folder (the files <c>linkage sample</c> makes): a run's outputs
/// go through <see cref="OutputFolder"/>, which stages and commits them whole.
/// </summary>
public static class OutputFiles
{
    /// <summary>Creates the folder and its parents if they are missing.</summary>
    public static void CreateFolder(string folder) => Directory.CreateDirectory(folder);

    /// <summary>Writes <paramref name="text"/> in <paramref name="encoding"/> (with its byte-order mark if it has one), replacing the file.</summary>
    public static void WriteText(string path, string text, System.Text.Encoding encoding) => File.WriteAllText(path, text, encoding);

    /// <summary>Creates (or replaces) a file for writing, with a 64 KiB buffer.</summary>
    public static Stream Create(string path) => new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
}
