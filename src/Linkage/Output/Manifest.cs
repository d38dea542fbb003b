using System.Reflection;
using System.Text.Json;

using Linkage.Analyse;
using Linkage.Read;
using Linkage.Reconcile;

namespace Linkage.Output;

/// <summary>One written output: its path relative to the output folder, size and SHA-256.</summary>
/// <param name="Path">Path relative to the output folder, with forward slashes.</param>
/// <param name="Bytes">Size in bytes.</param>
/// <param name="Sha256">Lowercase hex SHA-256 of the file.</param>
public sealed record OutputEntry(string Path, long Bytes, string Sha256);

/// <summary>What the manifest says of label suggestions.</summary>
/// <param name="Reviewed">Unrecognised labels and headers listed in <c>internal/mapping-review.csv</c>.</param>
/// <param name="Threshold">The <c>--accept-suggestions</c> confidence; null when suggestions were not to be applied.</param>
/// <param name="Applied">The suggestions that were applied.</param>
public sealed record ManifestSuggestions(int Reviewed, double? Threshold, IReadOnlyList<Suggest.MappingReviewRow> Applied);

/// <summary>What <c>manifest.json</c> records about a run.</summary>
public sealed record ManifestData
{
    /// <summary>The command line arguments as given.</summary>
    public required IReadOnlyList<string> Arguments { get; init; }

    /// <summary>Config file path and SHA-256, if a config was used.</summary>
    public (string Path, string Sha256)? Config { get; init; }

    /// <summary>Region map file path and SHA-256, if <c>--regions</c> was used.</summary>
    public (string Path, string Sha256)? RegionsFile { get; init; }

    /// <summary>Pipeline result.</summary>
    public required PipelineResult Result { get; init; }

    /// <summary>What input folders held that was not read, and why.</summary>
    public IReadOnlyList<SkippedInput> Skipped { get; init; } = [];

    /// <summary>Outputs written before the manifest.</summary>
    public required IReadOnlyList<OutputEntry> Outputs { get; init; }

    /// <summary>Run start (UTC); the manifest is outside publish/, so wall-clock times belong here.</summary>
    public required DateTimeOffset StartedUtc { get; init; }

    /// <summary>Milliseconds per stage.</summary>
    public required IReadOnlyDictionary<string, long> Timings { get; init; }

    /// <summary>The exit code of the run.</summary>
    public required int ExitCode { get; init; }

    /// <summary>The statistics stages' outcome, when they ran.</summary>
    public StatisticsResult? Statistics { get; init; }

    /// <summary>Config entries without effect (e.g. an alias for a personal-data name), listed among the warnings.</summary>
    public IReadOnlyList<string> ConfigWarnings { get; init; } = [];

    /// <summary>Label suggestions: how many were reviewed, the threshold, and every one applied.</summary>
    public ManifestSuggestions? Suggestions { get; init; }

    /// <summary>The run's <see cref="RunFingerprint"/>, which <c>--if-changed</c> compares.</summary>
    public string? Fingerprint { get; init; }
}

/// <summary>Writes <c>manifest.json</c>: version, arguments, config hash, inputs with SHA-256 and row accounting, outputs, warnings, timings.</summary>
public static class Manifest
{
    /// <summary>The tool's version (informational version of the library).</summary>
    public static string ToolVersion { get; } =
        typeof(Manifest).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>Writes the manifest as indented UTF-8 JSON.</summary>
    public static void Write(Stream destination, ManifestData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var w = new Utf8JsonWriter(destination, ReportJson.WriterOptions);
        w.WriteStartObject();
        w.WriteString("tool", "linkage");
        w.WriteString("version", ToolVersion);
        w.WriteString("started_utc", data.StartedUtc.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
        w.WriteNumber("exit_code", data.ExitCode);
        w.WriteString("fingerprint", data.Fingerprint);
        w.WriteStartArray("arguments");
        foreach (var a in data.Arguments)
        {
            w.WriteStringValue(a);
        }

        w.WriteEndArray();
        WriteFileRef(w, "config", data.Config);
        WriteFileRef(w, "regions_file", data.RegionsFile);
        w.WriteStartArray("inputs");
        foreach (var f in data.Result.Files)
        {
            w.WriteStartObject();
            ReportJson.WriteFileAccounting(w, f);
            w.WriteStartArray("file_problems");
            foreach (var p in f.FileProblems)
            {
                ReportJson.WriteProblem(w, p);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        ReportJson.WriteSkipped(w, data.Skipped);
        w.WriteNumber("observations", data.Result.Observations.Count);
        w.WriteNumber("duplicates_collapsed", data.Result.DuplicatesCollapsed);
        w.WriteNumber("conflicts", data.Result.Conflicts.Count);
        if (data.Statistics is { } stats)
        {
            w.WriteStartObject("disclosure");
            w.WriteNumber("min_cell", stats.Protection.MinCell);
            w.WriteNumber("protection_level", stats.Protection.ProtectionLevel);
            w.WriteNumber("tables", stats.Protection.Tables.Count);
            w.WriteNumber("count_cells", stats.Protection.Tables.Sum(t => t.Table.Values.Count));
            w.WriteNumber("primary_suppressed", stats.Protection.PrimaryCount);
            w.WriteNumber("secondary_suppressed", stats.Protection.SecondaryCount);
            w.WriteString("audit", stats.MayPublish ? "passed" : "failed");
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("disclosure");
        }

        if (data.Suggestions is { } suggestions)
        {
            w.WriteStartObject("suggestions");
            w.WriteNumber("reviewed", suggestions.Reviewed);
            if (suggestions.Threshold is { } threshold)
            {
                w.WriteNumber("accept_threshold", threshold);
            }
            else
            {
                w.WriteNull("accept_threshold");
            }

            w.WriteStartArray("applied");
            foreach (var a in suggestions.Applied)
            {
                w.WriteStartObject();
                w.WriteString("label", a.Label);
                w.WriteString("column", a.Column);
                w.WriteString("section", a.Section);
                w.WriteString("mapped_to", a.Suggestion.Canonical);
                w.WriteNumber("confidence", Math.Round(a.Suggestion.Confidence, 4));
                w.WriteNumber("rows_affected", a.RowsAffected);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteStartArray("outputs");
        foreach (var o in data.Outputs)
        {
            w.WriteStartObject();
            w.WriteString("path", o.Path);
            w.WriteNumber("bytes", o.Bytes);
            w.WriteString("sha256", o.Sha256);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("warnings");
        foreach (var p in data.Result.Warnings)
        {
            w.WriteStringValue(p.Message);
        }

        foreach (var note in (data.Statistics?.Notes ?? []).Concat(data.ConfigWarnings))
        {
            w.WriteStringValue(note);
        }

        w.WriteEndArray();
        w.WriteStartObject("timings_ms");
        foreach (var (stage, ms) in data.Timings)
        {
            w.WriteNumber(stage, ms);
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>Writes a file given on the command line as <c>{path, sha256}</c>, or null when none was.</summary>
    private static void WriteFileRef(Utf8JsonWriter w, string name, (string Path, string Sha256)? file)
    {
        if (file is not { } f)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartObject(name);
        w.WriteString("path", f.Path);
        w.WriteString("sha256", f.Sha256);
        w.WriteEndObject();
    }
}
