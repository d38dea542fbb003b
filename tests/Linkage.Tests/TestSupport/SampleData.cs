using Linkage.Read;

namespace Linkage.Tests.TestSupport;

/// <summary>The committed <c>sample-data/</c> files as in-memory inputs: tests of the chain read them without opening or writing files.</summary>
public static class SampleData
{
    /// <summary>The named sample files, or all of them (every data file, in name order) when none is named.</summary>
    public static IReadOnlyList<InputFile> Inputs(params string[] names)
    {
        var folder = Path.Combine(Repository.Root, "sample-data");
        var chosen = names.Length > 0
            ? names
            : [.. Directory.EnumerateFiles(folder).Select(Path.GetFileName).OfType<string>().Where(n => !n.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
        return [.. chosen.Select(n => InputFile.FromBytes(n, File.ReadAllBytes(Path.Combine(folder, n))))];
    }
}
