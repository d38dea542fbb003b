namespace Linkage.Read;

/// <summary>What the reader found out about a file, with the reason for each guess (shown by <c>linkage validate</c>).</summary>
/// <param name="Format">"csv" or "xlsx".</param>
/// <param name="Encoding">Web name of the text encoding (e.g. "utf-8", "windows-1251"); null for XLSX.</param>
/// <param name="EncodingReason">Why that encoding was chosen ("byte order mark", "valid UTF-8", "--encoding", …).</param>
/// <param name="Delimiter">Field delimiter; null for XLSX.</param>
/// <param name="DelimiterReason">Why that delimiter was chosen.</param>
/// <param name="Sheet">Worksheet name for XLSX; null for CSV.</param>
/// <param name="HeaderLine">1-based line of the header row (lines before it are a preamble and are not data rows).</param>
/// <param name="PreambleRows">Non-blank rows above the header that were read as titles, not data.</param>
/// <param name="HeaderQuoteBroken">True when the header had a quote not closed on its line: it was read without quotes and the lines the quote swallowed as rows.</param>
public sealed record SourceInfo(
    string Format,
    string? Encoding,
    string? EncodingReason,
    char? Delimiter,
    string? DelimiterReason,
    string? Sheet,
    int HeaderLine,
    int PreambleRows = 0,
    bool HeaderQuoteBroken = false);
