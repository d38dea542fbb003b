namespace Linkage.Problems;

/// <summary>Problems of the recognise stage: the header, before any data value is read.</summary>
public static partial class ProblemCatalogue
{
    /// <summary>A column's name means personal data; the whole run publishes nothing while the file is among the inputs.</summary>
    /// <param name="file">The file as given.</param>
    /// <param name="headerLine">The header's line.</param>
    /// <param name="column">The column as written.</param>
    /// <param name="kind">The kind of personal data, e.g. <c>date_of_birth</c>.</param>
    /// <param name="aliased">True when the user's config gives the column a role, which the guard never honours.</param>
    public static Problem PersonalData(string file, int headerLine, string column, string kind, bool aliased = false) => new(
        "personal-data", Severity.Fatal, file, headerLine, column, null,
        $"File {Where(file, headerLine, column)} looks like personal data ({kind.Replace('_', ' ')}{(aliased ? "; the --config alias for this name cannot allow it" : string.Empty)}); submissions must be anonymised aggregates or anonymised case records, so remove the column and submit again (if it holds no personal data, give it a clearer name).");

    /// <summary>No layout fits the header.</summary>
    public static Problem LayoutUnrecognised(string file, int headerLine, string found, string missing) => new(
        "layout-unrecognised", Severity.Error, file, headerLine, null, null,
        $"File {Where(file, headerLine)} has a header whose layout could not be recognised (found {found}; missing {missing}); name the columns in --config \"columns\" or pass --layout.");

    /// <summary>The layout needs a column the header does not have.</summary>
    public static Problem MissingRole(string file, int headerLine, string layout, string role, string? otherwise = null) => new(
        "missing-column", Severity.Error, file, headerLine, null, null,
        $"File {Where(file, headerLine)} is laid out as {layout} but has no {role} column; add one or name the existing column in --config \"columns\"{otherwise}.");

    /// <summary>Two columns claim a role that must be unique.</summary>
    public static Problem AmbiguousColumns(string file, int headerLine, string role, string first, string second) => new(
        "ambiguous-columns", Severity.Error, file, headerLine, second, null,
        string.Equals(first, second, StringComparison.Ordinal)
            ? $"File {Where(file, headerLine)} has two {role} columns both named {Quote(first)}; rename or remove one of them in the file."
            : $"File {Where(file, headerLine)} has two {role} columns, {Quote(first)} and {Quote(second)}; map one of them to \"ignore\" in --config \"columns\".");

    /// <summary>A column whose header names one role while (nearly) all its values are of another kind.</summary>
    public static Problem HeaderValuesDisagree(string file, int headerLine, string column, string headerSays, string valuesSay) => new(
        "header-values-disagree", Severity.Error, file, headerLine, column, null,
        $"File {Where(file, headerLine, column)} reads as the {headerSays} column by its header, but {valuesSay}; map it in --config \"columns\" to the role it has.");

    /// <summary>A column of case records that is no role: ignored, because it does not change what a row counts.</summary>
    public static Problem RecordColumnIgnored(string file, int headerLine, string column) => new(
        "column-ignored", Severity.Warning, file, headerLine, column, null,
        $"File {Where(file, headerLine, column)} is not a column the pipeline uses; in case records each row counts one person whatever it says, so it is ignored (map it in --config \"columns\" if it is a role).");

    /// <summary>A column the dictionary does not know; rows with a value in it are rejected.</summary>
    public static Problem UnrecognisedColumn(string file, int headerLine, string column, int columnNumber) => new(
        "unrecognised-column", Severity.Warning, file, headerLine, column, null,
        column.Length == 0
            ? string.Create(Inv, $"File {Where(file, headerLine)} has no header for column {columnNumber}; rows with a value in it are rejected until you name the column in the file.")
            : $"File {Where(file, headerLine, column)} is not a column the pipeline recognises; rows with a value in it are rejected until you map it in --config \"columns\" (to a role, or to \"ignore\").");

    /// <summary>A column whose role the layout does not read: an error for value columns, a note for case-level ones.</summary>
    public static Problem ColumnNotUsed(string file, int headerLine, string layout, string column, string role, Severity severity) => new(
        "column-not-used", severity, file, headerLine, column, null,
        severity == Severity.Warning
            ? $"File {Where(file, headerLine, column)} is a {role} column, which a {layout} file does not use; it is ignored."
            : $"File {Where(file, headerLine, column)} is a {role} column, which a {layout} file does not read, so its values would be lost; map it in --config \"columns\" (e.g. to \"total\" or \"ignore\") or pass the right --layout.");

    /// <summary>A case-records file with a count column.</summary>
    public static Problem CountInRecords(string file, int headerLine, string column) => new(
        "records-with-count", Severity.Error, file, headerLine, column, null,
        $"File {Where(file, headerLine, column)} holds counts, but the file is read as case records, where each row counts as one; drop --layout records, or remove the column.");

    /// <summary>Rows above the header were read as a title: said aloud, since a misread header would hide data rows.</summary>
    public static Problem PreambleSkipped(string file, int headerLine, int rows) => new(
        "preamble-skipped", Severity.Warning, file, headerLine, null, null,
        string.Create(Inv, $"File {Where(file)} has its header on row {headerLine}; the {rows} non-blank row(s) above it were read as a title, not data — if they are data, remove the title lines or pass the file without them."));

    /// <summary>No measure is stated anywhere; one is assumed.</summary>
    public static Problem MeasureAssumed(string file, int headerLine, string measure) => new(
        "measure-assumed", Severity.Warning, file, headerLine, null, null,
        $"File {Where(file, headerLine)} does not say whether it counts children or investigations; '{measure}' was assumed — add a measure column or set \"defaultMeasure\" in --config.");
}
