namespace Linkage.Tests.TestSupport;

/// <summary>The repository the tests run from: the folder holding <c>pipeline.sln</c> above the test binaries.</summary>
public static class Repository
{
    private static readonly Lazy<string?> Found = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "pipeline.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    });

    /// <summary>The repository's root, or null when the tests run outside one.</summary>
    public static string? TryRoot => Found.Value;

    /// <summary>The repository's root.</summary>
    public static string Root => Found.Value ?? throw new DirectoryNotFoundException("No folder holding pipeline.sln above the test binaries.");
}
