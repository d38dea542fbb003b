using System.Diagnostics.CodeAnalysis;
using System.Globalization;

/// <summary>
/// A .NET startup hook (<c>DOTNET_STARTUP_HOOKS</c>) the determinism tests load into the real <c>linkage</c> process:
/// when <c>LINKAGE_TEST_PROBE</c> names a file, it writes there the culture, UI culture, number format and time zone
/// the process actually runs with, so a test can prove that its environment variables took effect.
/// The runtime requires this exact name, outside any namespace.
/// </summary>
[SuppressMessage("Design", "CA1050:Declare types in namespaces", Justification = "The runtime looks for a type named StartupHook outside any namespace.")]
internal static class StartupHook
{
    /// <summary>The name of the variable that names the probe file.</summary>
    public const string ProbeVariable = "LINKAGE_TEST_PROBE";

    /// <summary>Called by the runtime before <c>Main</c>.</summary>
    public static void Initialize()
    {
        if (Environment.GetEnvironmentVariable(ProbeVariable) is { Length: > 0 } path)
        {
            File.WriteAllText(path, string.Join('\n', CultureInfo.CurrentCulture.Name, CultureInfo.CurrentUICulture.Name, 1234.5.ToString("N1", CultureInfo.CurrentCulture), TimeZoneInfo.Local.Id, Environment.CurrentDirectory));
        }
    }
}
