using ScottPlot;

namespace Linkage.Render;

/// <summary>
/// Finds and registers the one font all chart text uses. The bundled Skia build draws no text at all, and raises no
/// error, when it finds no font; so the font is registered from a file, under a name no system font has, and its
/// absence is an error the user can act on.
/// </summary>
internal static class ChartFonts
{
    /// <summary>The name the font is registered under with ScottPlot.</summary>
    public const string Name = "Linkage Chart Sans";

    /// <summary>Regular and bold file names, in order of preference (DejaVu Sans first: it covers Cyrillic).</summary>
    private static readonly (string Regular, string Bold)[] Candidates =
    [
        ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
        ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"),
        ("arial.ttf", "arialbd.ttf"),
        ("segoeui.ttf", "segoeuib.ttf"),
    ];

    private static readonly Lock Gate = new();
    private static string? _registered;

    /// <summary>The folders searched when none are given.</summary>
    public static IReadOnlyList<string> DefaultFolders() => OperatingSystem.IsWindows()
        ? [Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.Windows), "Fonts")]
        : ["/usr/share/fonts"];

    /// <summary>Registers the font (once per process for the default folders); throws <see cref="ChartFontException"/> when none is found.</summary>
    public static void Ensure(IReadOnlyList<string>? folders)
    {
        lock (Gate)
        {
            if (folders is null && _registered is not null)
            {
                return;
            }

            var searched = folders ?? DefaultFolders();
            var (regular, bold) = Find(searched) ?? throw new ChartFontException(
                $"No font for chart text (DejaVu Sans, Liberation Sans, Arial or Segoe UI) was found under {string.Join(", ", searched)}; install fonts-dejavu-core (apt-get install -y fonts-dejavu-core) and run again.");
            if (_registered != regular)
            {
                Fonts.AddFontFile(Name, regular);
                Fonts.AddFontFile(Name, bold ?? regular, bold: true);
                _registered = regular;
            }

            Fonts.Default = Name;
        }
    }

    private static (string Regular, string? Bold)? Find(IReadOnlyList<string> folders)
    {
        var files = Read.InputFiles.Find(folders, "*.ttf");
        foreach (var (regular, bold) in Candidates)
        {
            var found = files.FirstOrDefault(f => string.Equals(Path.GetFileName(f), regular, StringComparison.OrdinalIgnoreCase));
            if (found is not null)
            {
                var boldFile = Path.Combine(Path.GetDirectoryName(found)!, bold);
                return (found, Read.InputFiles.Exists(boldFile) ? boldFile : files.FirstOrDefault(f => string.Equals(Path.GetFileName(f), bold, StringComparison.OrdinalIgnoreCase)));
            }
        }

        return null;
    }
}
