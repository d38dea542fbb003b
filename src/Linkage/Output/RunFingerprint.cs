using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Linkage.Output;

/// <summary>
/// What a run's result depends on, as one SHA-256: the tool version and build (module version id), every setting that changes the outputs, the
/// bytes of each input, the config and the region map. <c>--if-changed</c> compares it with the one in the last
/// manifest. The inputs enter with the hash of the bytes actually read, so a file that changed while a run read it
/// never matches afterwards.
/// </summary>
public static class RunFingerprint
{
    /// <summary>The fingerprint of a run.</summary>
    /// <param name="settings">Setting name and value pairs (in a fixed order); logging options are not settings.</param>
    /// <param name="inputs">Each input's name and SHA-256 (null when it could not be read).</param>
    /// <param name="skipped">Names of folder entries that were not read (they change warnings and the exit code).</param>
    public static string Compute(IEnumerable<KeyValuePair<string, string?>> settings, IEnumerable<(string Name, string? Sha256)> inputs, IEnumerable<string> skipped)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(skipped);
        var text = new StringBuilder();
        // The build, not only the version number: a fix to the code under the same version must not be skipped.
        text.Append("tool=linkage ").Append(Manifest.ToolVersion).Append(' ').Append(typeof(RunFingerprint).Assembly.ManifestModule.ModuleVersionId.ToString("N")).Append('\n');
        text.Append("runtime=").Append(System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription).Append('\n');

        // The libraries that shape the outputs: an upgrade of the chart, CSV, statistics or suggestion library reruns too.
        foreach (var library in new[] { typeof(CsvHelper.CsvWriter), typeof(ScottPlot.Plot), typeof(MathNet.Numerics.Distributions.Normal), typeof(Microsoft.ML.MLContext) })
        {
            var name = library.Assembly.GetName();
            text.Append("library=").Append(name.Name).Append(' ').Append(name.Version?.ToString() ?? "?").Append('\n');
        }

        foreach (var (name, value) in settings)
        {
            text.Append(name).Append('=').Append(value ?? "(none)").Append('\n');
        }

        foreach (var (name, sha) in inputs)
        {
            text.Append("input ").Append(name).Append(' ').Append(sha ?? "unreadable").Append('\n');
        }

        foreach (var name in skipped)
        {
            text.Append("skipped ").Append(name).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>SHA-256 of a file as it is now; null when it cannot be read.</summary>
    public static string? HashFile(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return Convert.ToHexStringLower(SHA256.HashData(stream));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Whether the last run in <paramref name="target"/> had this fingerprint, finished with exit code 0 or 1, and
    /// left every output it listed unchanged. A run that stopped with 3 is never skipped: its alarm must sound again.
    /// </summary>
    public static bool MatchesLastRun(string target, string fingerprint, out string? lastStarted, out int lastExit)
    {
        lastStarted = null;
        lastExit = -1;
        var manifestPath = Path.Combine(target, "manifest.json");
        if (!File.Exists(manifestPath))
        {
            return false;
        }

        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(manifestPath));
            var root = doc.RootElement;
            if (!root.TryGetProperty("fingerprint", out var fp) || fp.GetString() != fingerprint
                || !root.TryGetProperty("exit_code", out var exit) || exit.GetInt32() > 1)
            {
                return false;
            }

            foreach (var output in root.GetProperty("outputs").EnumerateArray())
            {
                var relative = output.GetProperty("path").GetString() ?? string.Empty;
                var full = Path.GetFullPath(Path.Combine(target, relative));
                if (!full.StartsWith(Path.GetFullPath(target) + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                    || HashFile(full) != output.GetProperty("sha256").GetString())
                {
                    return false;
                }
            }

            lastStarted = root.TryGetProperty("started_utc", out var s) ? s.GetString() : null;
            lastExit = exit.GetInt32();
            return true;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException or FormatException or IOException or UnauthorizedAccessException)
        {
            // An unreadable or foreign manifest means "run".
            return false;
        }
    }

    /// <summary>Formats a setting value with the invariant culture.</summary>
    public static string? Value(int? value) => value?.ToString(CultureInfo.InvariantCulture);
}
