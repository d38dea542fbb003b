using System.Diagnostics.CodeAnalysis;
using System.Globalization;

/// <summary>
/// A .NET startup hook (<c>DOTNET_STARTUP_HOOKS</c>) the tests load into the real <c>linkage</c> process:
/// when <c>LINKAGE_TEST_PROBE</c> names a file, it writes there the culture, UI culture, number format and time zone
/// the process actually runs with, so a test can prove that its environment variables took effect; when
/// <c>LINKAGE_TEST_ASSEMBLIES</c> names a file, it writes there, as the process exits, the names of the assemblies
/// it loaded (the start-up tests check that <c>--help</c> loads nothing heavy).
/// The runtime requires this exact name, outside any namespace.
/// </summary>
[SuppressMessage("Design", "CA1050:Declare types in namespaces", Justification = "The runtime looks for a type named StartupHook outside any namespace.")]
internal static class StartupHook
{
    /// <summary>The name of the variable that names the probe file.</summary>
    public const string ProbeVariable = "LINKAGE_TEST_PROBE";

    /// <summary>The name of the variable that names the file of loaded assemblies.</summary>
    public const string AssembliesVariable = "LINKAGE_TEST_ASSEMBLIES";

    /// <summary>Called by the runtime before <c>Main</c>.</summary>
    public static void Initialize()
    {
        if (Environment.GetEnvironmentVariable(ProbeVariable) is { Length: > 0 } path)
        {
            File.WriteAllText(path, string.Join('\n', CultureInfo.CurrentCulture.Name, CultureInfo.CurrentUICulture.Name, 1234.5.ToString("N1", CultureInfo.CurrentCulture), TimeZoneInfo.Local.Id, Environment.CurrentDirectory));
        }

        if (Environment.GetEnvironmentVariable(AssembliesVariable) is { Length: > 0 } list)
        {
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
                File.WriteAllLines(list, AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetName().Name ?? string.Empty));
        }
    }
}
