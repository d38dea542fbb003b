namespace Linkage.Problems;

/// <summary>Problems of the normalise stage: one cell or one row that cannot become a canonical observation.</summary>
public static partial class ProblemCatalogue
{
    /// <summary>The config's select names a column the file does not have.</summary>
    public static Problem SelectColumnMissing(string file, int headerLine, string column) => new(
        "select-column-missing", Severity.Warning, file, headerLine, column, null,
        $"File {Where(file, headerLine)} has no column {Quote(column)} that the config's \"select\" names; the select was not applied to this file, so check the header or the config.");

    /// <summary>A State cell that names no participating State.</summary>
    public static Problem NotOsceState(string file, int row, string column, string value, string? countryName) => Reject(
        "not-osce-state", file, row, column, value,
        countryName is null
            ? "not an OSCE participating State; expected one of the 57 participating States by ISO code or name (add a spelling under \"states\" in --config)"
            : $"not an OSCE participating State ({countryName}); only the 57 participating States are accepted");

    /// <summary>A case record whose country of exploitation, which names its reporting State here, is not recorded.</summary>
    public static Problem StateNotRecorded(string file, int row, string column, string value) => Reject(
        "state-not-recorded", file, row, column, value,
        "the country of exploitation is not recorded, and in this file it names the reporting State (\"stateFrom\": \"exploitation\"); the record cannot be counted for any State");

    /// <summary>An empty State cell.</summary>
    public static Problem MissingState(string file, int row, string column) => Reject(
        "missing-state", file, row, column, string.Empty, "empty; expected the reporting participating State");

    /// <summary>A period cell that is not a period, or out of range.</summary>
    public static Problem BadPeriod(string file, int row, string column, string value, string expected) => Reject(
        "bad-period", file, row, column, value, $"not a usable period; expected {expected}");

    /// <summary>A case date that is not a date.</summary>
    public static Problem BadDate(string file, int row, string column, string value) => Reject(
        "bad-date", file, row, column, value, "not a date; expected yyyy-mm-dd, dd.mm.yyyy or dd/mm/yyyy");

    /// <summary>Slash dates whose day/month order the file does not settle.</summary>
    public static Problem AmbiguousDateOrder(string file, int row, string column, string value) => Reject(
        "ambiguous-date-order", file, row, column, value,
        "a date whose day/month order cannot be told (no value in the file has a day above 12); pass --date-format dmy or --date-format mdy");

    /// <summary>Slash dates that contradict the order the file's other values settled.</summary>
    public static Problem DateOrderContradiction(string file, int row, string column, string value, string order) => Reject(
        "bad-date", file, row, column, value, $"not a valid date in the {order} order that the file's other dates use; check the value or pass --date-format");

    /// <summary>A count cell that is not a count.</summary>
    public static Problem BadCount(string file, int row, string column, string value, string expected) => Reject(
        "bad-count", file, row, column, value, $"not a count; expected {expected}");

    /// <summary>A linkage label the dictionary does not know.</summary>
    public static Problem UnrecognisedLabel(string file, int row, string column, string value) => Reject(
        "unrecognised-label", file, row, column, value,
        "not a known linkage label; expected internal, international, not trafficked, unknown or total in one of the six languages (map it under \"linkage\" in --config)");

    /// <summary>A measure label the dictionary does not know.</summary>
    public static Problem UnrecognisedMeasure(string file, int row, string column, string value) => Reject(
        "unrecognised-measure", file, row, column, value,
        "not a known measure; expected children or investigations (map it under \"measure\" in --config)");

    /// <summary>A value column named for one measure in a row whose measure column names the other.</summary>
    public static Problem MeasureMismatch(string file, int row, string column, string columnMeasure, string measureColumn, string rowMeasure) => new(
        "measure-mismatch", Severity.Error, file, row, column, rowMeasure,
        $"File {Where(file, row, column)} counts {columnMeasure} by its name, but column {Quote(measureColumn)} says {Quote(rowMeasure)}; expected one measure per value, so rename the column or fix the measure.");

    /// <summary>A flag the pipeline does not know.</summary>
    public static Problem UnknownFlag(string file, int row, string column, string value) => Reject(
        "unknown-flag", file, row, column, value,
        "not a known observation status; expected empty or e, p, b, c, m (SDMX A, E, I, P, B, C, M, L, O, Q)");

    /// <summary>A citizenship or exploitation country that is not an ISO 3166 country.</summary>
    public static Problem UnknownCountry(string file, int row, string column, string value) => Reject(
        "unknown-country", file, row, column, value, "not an ISO 3166 country; expected a country code or name, or empty when not known");

    /// <summary>A value in a column the pipeline does not recognise.</summary>
    public static Problem ValueInUnrecognisedColumn(string file, int row, string column, string value) => Reject(
        "unrecognised-column", file, row, column, value,
        "in a column the pipeline does not recognise; map the column in --config \"columns\" (to a role, or to \"ignore\")");

    /// <summary>A row that is one part of a breakdown (sex, age, form, unit…) the pipeline does not yet read: refused, never counted as the whole.</summary>
    public static Problem BreakdownPartNotRead(string file, int row, string column, string value, string role) => Reject(
        "breakdown-part", file, row, column, value,
        $"is one part of the {role} breakdown, not its total; only total rows are read, so this row is not counted (map the column to \"ignore\" in --config \"columns\" if it is no breakdown)");

    /// <summary>A value of a breakdown column (age, unit multiplier, data nature…) that cannot be read: the row is not counted.</summary>
    public static Problem UnreadableSlice(string file, int row, string column, string value, string role, string why) => Reject(
        "unreadable-breakdown", file, row, column, value,
        $"not a {role} value the pipeline can read ({why}); the row is not counted (map the column to \"ignore\" in --config \"columns\" if it is no breakdown)");

    /// <summary>A citizenship category that names no country, group or unknown: the State-year's split cannot be made.</summary>
    public static Problem UnrecognisedCitizenship(string file, int row, string column, string value, string why) => Reject(
        "unrecognised-citizenship", file, row, column, value,
        $"not a citizenship the pipeline can place as own, foreign or unknown ({why}); the citizenship split of this State and period is not published (add the spelling under \"states\" in --config if it names a country)");

    /// <summary>A value in a column whose header cell is empty (e.g. a spreadsheet's row-number column).</summary>
    public static Problem ValueInUnnamedColumn(string file, int row, int columnNumber, string value) => new(
        "unrecognised-column", Severity.Error, file, row, string.Create(Inv, $"#{columnNumber}"), value,
        string.Create(Inv, $"File {Where(file, row)} has {Quote(value)} in column {columnNumber}, which has no header; name the column in the file (or delete it, e.g. an exported row index)."));

    /// <summary>Two columns of a wide row that give the same figure (e.g. "total" and "children_total" for children).</summary>
    public static Problem TwoColumnsForOneFigure(string file, int row, string first, string second, string measure) => new(
        "ambiguous-columns", Severity.Error, file, row, second, null,
        $"File {Where(file, row)} has columns {Quote(first)} and {Quote(second)} giving the same {measure} figure; expected one column per figure, so map one of them to \"ignore\" in --config \"columns\".");

    /// <summary>A row with more fields than the header.</summary>
    public static Problem RaggedRow(string file, int row, int fields, int headerFields) => new(
        "ragged-row", Severity.Error, file, row, null, null,
        string.Create(Inv, $"File {Where(file, row)} has {fields} fields but the header has {headerFields}; expected one field per header column, so check quoting and delimiters in that row."));

    /// <summary>A total smaller than the sum of its categories.</summary>
    public static Problem TotalBelowParts(string file, int row, string column, long total, long parts) => Reject(
        "total-below-parts", file, row, column, total.ToString(Inv),
        string.Create(Inv, $"a total smaller than the sum of its linkage categories ({parts}); expected total ≥ the categories given"));

    /// <summary>A total that differs from the sum of its categories when unknown is given too.</summary>
    public static Problem TotalMismatch(string file, int row, string column, long total, long parts) => Reject(
        "total-mismatch", file, row, column, total.ToString(Inv),
        string.Create(Inv, $"a total that differs from the sum of its linkage categories, unknown included ({parts}); expected them to agree"));

    /// <summary>Two rows of one file that give different values for the same cell.</summary>
    public static Problem DuplicateInFile(string file, int row, string column, string value, int otherRow, string otherValue, string key) => Reject(
        "conflict-in-file", file, row, column, value,
        string.Create(Inv, $"in conflict with row {otherRow} ({otherValue}) of the same file for {key}; expected one value per State, area, period, measure and linkage"));

    /// <summary>A State (or area) that the region map does not cover.</summary>
    public static Problem NoRegion(string file, int row, string column, string value) => Reject(
        "no-region", file, row, column, value, "not in the region map; add it under \"regions\" in --config");

    /// <summary>An SDMX-CSV 2.0 row whose ACTION is not a statement of data (D deletes observations).</summary>
    public static Problem SdmxAction(string file, int row, string column, string value) => Reject(
        "sdmx-action", file, row, column, value,
        "not an action that states data; expected I, A, R or M (a D row deletes observations, so send the corrected figures instead)");

    /// <summary>A row rejected because a row it is used together with was rejected.</summary>
    public static Problem RejectedWithGroup(string file, int row, int cause, string key) => new(
        "rejected-with-group", Severity.Error, file, row, null, null,
        string.Create(Inv, $"File {Where(file, row)} was rejected together with row {cause}, which gives figures for the same {key} and was rejected; fix that row and this one is kept."));

    private static Problem Reject(string code, string file, int row, string? column, string value, string what) => new(
        code, Severity.Error, file, row, column, value,
        $"File {Where(file, row, column)} has {Quote(value)}: {what}.");
}
