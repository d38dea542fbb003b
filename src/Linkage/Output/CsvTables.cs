using System.Globalization;

using CsvHelper;

using Linkage.Model;
using Linkage.Problems;
using Linkage.Reconcile;

namespace Linkage.Output;

/// <summary>
/// Writes the CSV outputs: UTF-8, comma-separated, invariant culture, one header row, and text cells that a
/// spreadsheet could run as a formula (<c>= + - @</c>, tab, CR) prefixed with <c>'</c> (OWASP CSV injection).
/// </summary>
public static class CsvTables
{
    /// <summary>Columns of <c>internal/observations.csv</c>.</summary>
    public static readonly string[] ObservationColumns =
        ["state", "area", "region", "period", "year", "measure", "linkage", "count", "flag", "source_file", "source_row", "source_column", "source_records", "withheld_below"];

    /// <summary>Columns of <c>internal/set-aside.csv</c>.</summary>
    public static readonly string[] SetAsideColumns = ["source_file", "reason", "column", "value", "rows", "first_row", "last_row"];

    /// <summary>Columns of <c>internal/rejects.csv</c>.</summary>
    public static readonly string[] RejectColumns = ["source_file", "source_row", "column", "value", "reason", "code"];

    /// <summary>Columns of <c>internal/mapping-review.csv</c>.</summary>
    public static readonly string[] MappingReviewColumns =
        ["label", "column", "target", "rows_affected", "files", "suggested", "confidence", "runner_up", "runner_up_confidence", "applied"];

    /// <summary>The writer options every CSV output shares: formula-safe text, LF line ends, invariant culture.</summary>
    internal static readonly CsvWriterOptions Options = CsvWriterOptions.Default with
    {
        Injection = CsvInjection.Escape,
        NewLine = "\n",
        FormatProvider = CultureInfo.InvariantCulture,
    };

    /// <summary>Writes canonical observations with their provenance.</summary>
    public static void WriteObservations(Stream destination, IEnumerable<Observation> observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        using var csv = CsvWriter.Create(destination, Options, leaveOpen: true);
        csv.WriteHeader(ObservationColumns);
        foreach (var o in observations)
        {
            csv.WriteField(o.State);
            csv.WriteField(o.Area);
            csv.WriteField(o.Region);
            csv.WriteField(o.Period.ToString());
            csv.WriteField(o.Period.Year);
            csv.WriteField(Codes.Of(o.Measure));
            csv.WriteField(Codes.Of(o.Linkage));
            csv.WriteField(o.Count);
            csv.WriteField(o.Flag);
            csv.WriteField(o.Source.File);
            csv.WriteField(o.Source.Row);
            csv.WriteField(o.Source.Column);
            csv.WriteField(o.Source.Records);
            csv.WriteField(o.WithheldBelow);
            csv.EndRecord();
        }
    }

    /// <summary>Writes every rejected row's problems, file by file in input order, then by row.</summary>
    public static void WriteRejects(Stream destination, IEnumerable<FileReport> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        using var csv = CsvWriter.Create(destination, Options, leaveOpen: true);
        csv.WriteHeader(RejectColumns);
        foreach (var f in files)
        {
            foreach (var p in RejectCollection.InRowOrder(f.Rejects))
            {
                csv.WriteField(p.File);
                csv.WriteField(p.Row);
                csv.WriteField(p.Column ?? string.Empty);
                csv.WriteField(p.Value ?? string.Empty);
                csv.WriteField(p.Message);
                csv.WriteField(p.Code);
                csv.EndRecord();
            }
        }
    }

    /// <summary>
    /// Writes the rows set aside as outside the publication: one line per file, reason, column and value, with the
    /// number of rows and the first and last of them.
    /// </summary>
    public static void WriteSetAside(Stream destination, IEnumerable<FileReport> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        using var csv = CsvWriter.Create(destination, Options, leaveOpen: true);
        csv.WriteHeader(SetAsideColumns);
        foreach (var e in files.SelectMany(f => f.SetAside))
        {
            csv.WriteField(e.File);
            csv.WriteField(e.Reason);
            csv.WriteField(e.Column);
            csv.WriteField(e.Value);
            csv.WriteField(e.Rows);
            csv.WriteField(e.FirstRow);
            csv.WriteField(e.LastRow);
            csv.EndRecord();
        }
    }

    /// <summary>
    /// Writes the labels and headers a run did not recognise with the model's suggestion, most rows affected first;
    /// <c>applied</c> is <c>yes</c> for those <c>--accept-suggestions</c> applied. Files are joined with <c>; </c>.
    /// </summary>
    public static void WriteMappingReview(Stream destination, IEnumerable<Suggest.MappingReviewRow> rows, IReadOnlyCollection<Suggest.MappingReviewRow> applied)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(applied);
        using var csv = CsvWriter.Create(destination, Options, leaveOpen: true);
        csv.WriteHeader(MappingReviewColumns);
        foreach (var r in rows)
        {
            csv.WriteField(r.Label);
            csv.WriteField(r.Column);
            csv.WriteField(r.Section);
            csv.WriteField(r.RowsAffected);
            csv.WriteField(string.Join("; ", r.Files));
            csv.WriteField(r.Suggestion.Canonical);
            csv.WriteField(r.Suggestion.Confidence.ToString("0.0000", CultureInfo.InvariantCulture));
            csv.WriteField(r.Suggestion.RunnerUp ?? string.Empty);
            csv.WriteField(r.Suggestion.RunnerUp is null ? string.Empty : r.Suggestion.RunnerUpConfidence.ToString("0.0000", CultureInfo.InvariantCulture));
            csv.WriteField(applied.Contains(r) ? "yes" : "no");
            csv.EndRecord();
        }
    }
}
