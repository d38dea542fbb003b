using System.Text.RegularExpressions;

using Linkage.Tests.TestSupport;

namespace Linkage.Tests.Architecture;

/// <summary>
/// Only Read opens inputs and only Output writes outputs (the CLI is another project): elsewhere in the library the
/// file system and the console are not touched, in the manner of ScottPlot's <c>ForbiddenCodeTests</c>. The files that
/// still do are listed with why, until their I/O moves behind Read or Output; the list may shrink, never grow.
/// </summary>
[TestClass]
public sealed partial class ForbiddenCodeTests
{
    /// <summary>Library files outside Read/ and Output/ that touch the file system today, and why.</summary>
    private static readonly Dictionary<string, string> StillAllowed = new(StringComparer.Ordinal)
    {
        ["Model/TempSpool.cs"] = "the scratch file of the line and reject spools (Model, Problems), which every stage below Read uses; where scratch space lives is #19 item 1",
    };

    private static string LibraryRoot() => Path.Combine(Repository.Root, "src", "Linkage");

    /// <summary>The library files (relative, '/' separated) outside Read/ and Output/ whose code uses the file system or the console.</summary>
    internal static List<string> Offenders(IEnumerable<(string Relative, string Text)> sources) =>
        [.. sources
            .Where(s => !s.Relative.StartsWith("Read/", StringComparison.Ordinal) && !s.Relative.StartsWith("Output/", StringComparison.Ordinal))
            .Where(s => FileSystem().IsMatch(Comments().Replace(s.Text, string.Empty)))
            .Select(s => s.Relative)
            .Order(StringComparer.Ordinal)];

    [TestMethod]
    public void Only_read_and_output_touch_the_file_system_or_the_console_besides_the_listed_files()
    {
        var root = LibraryRoot();
        var sources = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(r => !r.StartsWith("bin/", StringComparison.Ordinal) && !r.StartsWith("obj/", StringComparison.Ordinal))
            .Select(r => (r, File.ReadAllText(Path.Combine(root, r))))
            .ToList();

        var offenders = Offenders(sources);

        CollectionAssert.AreEqual(StillAllowed.Keys.Order(StringComparer.Ordinal).ToList(), offenders, "files touching the file system outside Read/ and Output/: " + string.Join(", ", offenders));
    }

    [TestMethod]
    public void A_planted_file_write_in_a_stage_is_found_and_a_comment_is_not()
    {
        (string, string)[] clean = [("Analyse/Trend.cs", "// File.WriteAllText is not called here\nstatic class T { }"), ("Read/CsvSourceTable.cs", "var s = new FileStream(p, FileMode.Open);")];
        (string, string)[] planted = [.. clean, ("Protect/Suppression.cs", "static class S { static void Dump() => File.WriteAllText(\"x\", \"y\"); }")];

        Assert.IsEmpty(Offenders(clean));
        CollectionAssert.AreEqual(new[] { "Protect/Suppression.cs" }, Offenders(planted));
    }

    [GeneratedRegex(@"(?<![\w.])(?:System\.IO\.)?(?:File|Directory|Console)\.[A-Z]\w*\s*\(|new\s+FileStream\s*\(", RegexOptions.CultureInvariant)]
    private static partial Regex FileSystem();

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Comments();
}
