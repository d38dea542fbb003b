namespace Linkage.Problems;

/// <summary>Problems about the pipeline's own SDMX publication: given as an input, or read back.</summary>
public static partial class ProblemCatalogue
{
    /// <summary>The code of <see cref="PublicationInput"/>, which makes a file unusable.</summary>
    public const string PublicationInputCode = "input-is-publication";

    /// <summary>An input is the pipeline's own SDMX publication: its REF_AREA values are regions, and its counts sums of States.</summary>
    /// <param name="file">The file as given.</param>
    /// <param name="row">The row whose STRUCTURE_ID (or DATAFLOW) names the publication's dataflow.</param>
    /// <param name="column">That column's header.</param>
    /// <param name="structureId">The value found.</param>
    /// <param name="dataflow">The publication's dataflow (<c>SdmxDataflow.StructureId</c>).</param>
    public static Problem PublicationInput(string file, int row, string column, string structureId, string dataflow) => new(
        PublicationInputCode, Severity.Error, file, row, column, structureId,
        string.Create(Inv, $"File {Where(file)} is a linkage publication of regional aggregates (row {row}, column {Quote(column)} names the dataflow {dataflow}), not a State submission; it was not read, so pass the States' own submissions instead."));

    /// <summary>A row of a file that is a linkage publication; each is listed so that none is lost silently.</summary>
    public static Problem RowOfPublication(string file, int row) => new(
        "file-unusable", Severity.Error, file, row, null, null,
        $"File {Where(file, row)} was not used because the file is a linkage publication of regional aggregates, not a State submission ({PublicationInputCode}); pass the States' own submissions instead.");

    /// <summary>A file read as the SDMX publication lacks columns of the dataflow.</summary>
    public static Problem PublicationHeader(string file, int headerLine, string missing, string dataflow, IReadOnlyList<string> columns) => new(
        "publication-header", Severity.Error, file, headerLine, null, null,
        $"File {Where(file, headerLine)} is not an SDMX-CSV 2.0 file of the dataflow {dataflow}: it has no {missing}; expected the header {string.Join(",", columns)} as linkage run writes it to publish/regional-trends.sdmx.csv.");

    /// <summary>A cell of the SDMX publication that the dataflow does not allow; the row is not read.</summary>
    public static Problem PublicationCell(string file, int row, string column, string value, string expected, string dataflow) => new(
        "publication-cell", Severity.Error, file, row, column, value,
        $"Found {Quote(value)} in {Where(file, row, column)}; expected {expected} (dataflow {dataflow}), so the row was not read.");

    /// <summary>Two rows of the SDMX publication give the same observation.</summary>
    public static Problem PublicationDuplicate(string file, int row, int first, string key) => new(
        "publication-duplicate", Severity.Error, file, row, null, null,
        string.Create(Inv, $"Found the observation {key} again in {Where(file, row)}; expected each observation once, as on row {first}, so the row was not read."));
}
