using System.Text.Encodings.Web;
using System.Text.Json;

using Linkage.Problems;
using Linkage.Read;
using Linkage.Reconcile;

namespace Linkage.Output;

/// <summary>The JSON shapes <c>manifest.json</c> and <c>linkage validate --json</c> share, written in one place.</summary>
public static class ReportJson
{
    /// <summary>Indented, with non-ASCII text (Cyrillic file names, accents) written as it is.</summary>
    public static JsonWriterOptions WriterOptions { get; } = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes one problem: code, severity, file, row, column, value, message.</summary>
    public static void WriteProblem(Utf8JsonWriter w, Problem p)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(p);
        w.WriteStartObject();
        w.WriteString("code", p.Code);
        w.WriteString("severity", p.Severity.ToString().ToLowerInvariant());
        w.WriteString("file", p.File);
        if (p.Row is { } row)
        {
            w.WriteNumber("row", row);
        }
        else
        {
            w.WriteNull("row");
        }

        w.WriteString("column", p.Column);
        w.WriteString("value", p.Value);
        w.WriteString("message", p.Message);
        w.WriteEndObject();
    }

    /// <summary>Writes the <c>skipped</c> array: what input folders held that was not read.</summary>
    public static void WriteSkipped(Utf8JsonWriter w, IEnumerable<SkippedInput> skipped)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(skipped);
        w.WriteStartArray("skipped");
        foreach (var s in skipped)
        {
            w.WriteStartObject();
            w.WriteString("name", s.Name);
            w.WriteString("reason", s.Reason);
            w.WriteBoolean("warning", s.IsWarning);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>Writes the file's identity and accounting (inside an object the caller opened).</summary>
    public static void WriteFileAccounting(Utf8JsonWriter w, FileReport f)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(f);
        w.WriteString("file", f.File);
        w.WriteString("sha256", f.Sha256);
        w.WriteString("format", f.Info?.Format);
        w.WriteString("encoding", f.Info?.Encoding);
        w.WriteString("delimiter", f.Info?.Delimiter?.ToString());
        w.WriteString("layout", f.Plan?.Layout is { } l ? Recognise.LayoutPlan.NameOf(l) : null);
        w.WriteNumber("rows_read", f.RowsRead);
        w.WriteNumber("rows_accepted", f.RowsAccepted);
        w.WriteNumber("rows_set_aside", f.RowsSetAside);
        w.WriteNumber("rows_rejected", f.RowsRejected);
    }
}
