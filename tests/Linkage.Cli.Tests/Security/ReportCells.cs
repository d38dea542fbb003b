using System.Net;
using System.Text.RegularExpressions;

using DocumentFormat.OpenXml.Packaging;

using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Linkage.Cli.Tests.Security;

/// <summary>One table cell of a report, as a reader sees it, and whether its column is a number column.</summary>
internal sealed record ReportCell(string Text, bool Numeric);

/// <summary>
/// Reads the table cells of <c>report.md</c>, <c>report.html</c> and <c>annex.docx</c> independently of the code that writes them: the
/// text a person copies into a spreadsheet (Markdown escapes undone, HTML entities decoded).
/// </summary>
internal static partial class ReportCells
{
    /// <summary>A CSV cell a spreadsheet would read as a formula: it starts with <c>= + - @</c>, tab or CR (OWASP).</summary>
    public static bool StartsLikeFormula(string text) => text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r';

    /// <summary>
    /// A report cell a spreadsheet would read as a formula once pasted: as <see cref="StartsLikeFormula"/>, also after
    /// leading spaces, which a browser or a Markdown table drops when the cell is copied.
    /// </summary>
    public static bool ShowsLikeFormula(string text) => StartsLikeFormula(text) || StartsLikeFormula(text.TrimStart());

    /// <summary>
    /// A number column's cell the report writes itself from a number: <c>+8.1 % (6.7 to 9.6)</c> (an APC with its
    /// sign). It cannot hold data text, so it is left as the meeting paper shows it.
    /// </summary>
    public static bool IsFormattedNumber(string text) => FormattedNumber().IsMatch(text);

    /// <summary>Every cell of every Markdown table (header rows excluded).</summary>
    public static List<ReportCell> Markdown(string markdown)
    {
        var cells = new List<ReportCell>();
        var lines = markdown.Split('\n');
        for (var i = 0; i + 1 < lines.Length; i++)
        {
            if (!lines[i].StartsWith("| ", StringComparison.Ordinal) || !lines[i + 1].StartsWith("| ---", StringComparison.Ordinal))
            {
                continue;
            }

            var numeric = Split(lines[i + 1]).Select(c => c.EndsWith(':')).ToList();
            i += 2;
            for (; i < lines.Length && lines[i].StartsWith("| ", StringComparison.Ordinal); i++)
            {
                var row = Split(lines[i]);
                Assert.HasCount(numeric.Count, row, $"Markdown row '{lines[i]}' has a different number of cells than its header");
                cells.AddRange(row.Select((c, j) => new ReportCell(MarkdownUnescape().Replace(c, "$1"), numeric[j])));
            }
        }

        return cells;
    }

    /// <summary>Every <c>td</c> of the HTML report, decoded.</summary>
    public static List<ReportCell> Html(string html) =>
        [.. HtmlCell().Matches(html).Select(m => new ReportCell(WebUtility.HtmlDecode(m.Groups["text"].Value), m.Groups["class"].Value.Split(' ').Contains("n")))];

    /// <summary>Every body cell of every table of the Word annex, read with the SDK; right-aligned cells are number cells.</summary>
    public static List<ReportCell> Docx(string path)
    {
        using var document = WordprocessingDocument.Open(path, false);
        return [.. document.MainDocumentPart!.Document!.Body!.Elements<W.Table>()
            .SelectMany(t => t.Elements<W.TableRow>().Where(r => r.TableRowProperties?.GetFirstChild<W.TableHeader>() is null))
            .SelectMany(r => r.Elements<W.TableCell>())
            .Select(c => new ReportCell(c.InnerText, c.Descendants<W.Justification>().Any(j => j.Val?.Value == W.JustificationValues.Right)))];
    }

    private static List<string> Split(string line)
    {
        var inner = line.Trim();
        inner = inner[1..^1];
        return [.. CellSeparator().Split(inner).Select(c => c.Trim())];
    }

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex CellSeparator();

    [GeneratedRegex(@"\\(.)")]
    private static partial Regex MarkdownUnescape();

    [GeneratedRegex(@"<td(?: class=""(?<class>[^""]*)"")?>(?<text>.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex HtmlCell();

    [GeneratedRegex(@"^\+\d[\d,]*(\.\d+)? % \((\+|−)?\d[\d,]*(\.\d+)? to (\+|−)?\d[\d,]*(\.\d+)?\)$")]
    private static partial Regex FormattedNumber();
}
