using System.Text;

namespace Linkage.Tests.TestSupport;

/// <summary>A fresh temporary folder for one test, deleted on dispose; helpers write input files into it.</summary>
public sealed class TempFolder : IDisposable
{
    /// <summary>Creates a new, empty folder under the system temporary folder.</summary>
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "linkage-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    /// <summary>Full path of the folder.</summary>
    public string Path { get; }

    /// <summary>Writes <paramref name="bytes"/> to a file named <paramref name="name"/> and returns its full path.</summary>
    public string WriteBytes(string name, byte[] bytes)
    {
        var path = System.IO.Path.Combine(Path, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Writes <paramref name="text"/> in <paramref name="encoding"/> (UTF-8 without BOM by default), with the encoding's BOM only when <paramref name="bom"/> is true.</summary>
    public string WriteText(string name, string text, Encoding? encoding = null, bool bom = false)
    {
        encoding ??= new UTF8Encoding(false);
        var body = encoding.GetBytes(text);
        return WriteBytes(name, bom ? [.. Encoding.GetEncoding(encoding.CodePage).GetPreamble(), .. body] : body);
    }

    /// <summary>Returns the full path of <paramref name="name"/> inside the folder, without creating it.</summary>
    public string PathOf(string name) => System.IO.Path.Combine(Path, name);

    /// <inheritdoc/>
    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on some platform: the OS cleans temporary folders.
        }
    }
}
