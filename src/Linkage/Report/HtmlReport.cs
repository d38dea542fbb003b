using System.Text;
using System.Text.Encodings.Web;

namespace Linkage.Report;

/// <summary>
/// Writes the report as one self-contained HTML file: styles inline, charts embedded as <c>data:</c> URIs, no
/// script and no reference to anything outside the file, so it can be mailed or archived as it is.
/// </summary>
public static class HtmlReport
{
    // Tables sit in a div that scrolls sideways, so a wide table (17 year columns, longer labels in another
    // language) never widens the page; numbers and intervals do not wrap ("2010–\n2025" reads badly). The
    // scroll is switched off in print, where it would cut the table. Checked in headless Chromium (BrowserTests).
    private const string Style = """
        body { font-family: "DejaVu Sans", Arial, sans-serif; max-width: 64em; margin: 2em auto; padding: 0 1em; color: #222; line-height: 1.45; }
        h1 { font-size: 1.6em; } h2 { font-size: 1.3em; margin-top: 2em; border-bottom: 1px solid #ccc; } h3 { font-size: 1.1em; }
        div.scroll { overflow-x: auto; margin: 0.5em 0 1.5em; }
        table { border-collapse: collapse; font-size: 0.9em; }
        caption { text-align: left; font-weight: bold; padding: 0.3em 0; }
        th, td { border: 1px solid #bbb; padding: 0.25em 0.4em; } th { background: #f0f0f0; }
        td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; } td.w { color: #777; font-style: italic; }
        figure { margin: 1em 0 2em; } figure img { max-width: 100%; height: auto; } figcaption { font-size: 0.9em; color: #444; }
        @media print { div.scroll { overflow-x: visible; } }
        """;

    /// <summary>Writes the document as HTML (UTF-8, LF line ends).</summary>
    public static string Write(IReadOnlyList<ReportBlock> blocks, string language = "en")
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var html = HtmlEncoder.Default;
        var sb = new StringBuilder();
        var title = blocks.OfType<Heading>().FirstOrDefault()?.Text ?? "Report";
        sb.Append("<!DOCTYPE html>\n<html lang=\"").Append(html.Encode(language)).Append("\">\n<head>\n<meta charset=\"utf-8\">\n");
        sb.Append("<title>").Append(html.Encode(title)).Append("</title>\n<style>\n").Append(Style).Append("\n</style>\n</head>\n<body>\n");
        foreach (var block in blocks)
        {
            switch (block)
            {
                case Heading h:
                    sb.Append("<h").Append(h.Level).Append('>').Append(html.Encode(h.Text)).Append("</h").Append(h.Level).Append(">\n");
                    break;
                case Paragraph p:
                    sb.Append("<p>").Append(html.Encode(p.Text)).Append("</p>\n");
                    break;
                case BulletList l:
                    sb.Append("<ul>\n");
                    foreach (var item in l.Items)
                    {
                        sb.Append("<li>").Append(html.Encode(item)).Append("</li>\n");
                    }

                    sb.Append("</ul>\n");
                    break;
                case Table t:
                    WriteTable(sb, t, html);
                    break;
                case Figure f:
                    sb.Append("<figure>\n<img alt=\"").Append(html.Encode(f.Caption)).Append("\" src=\"data:image/png;base64,")
                        .Append(Convert.ToBase64String(f.Png)).Append("\">\n<figcaption>").Append(html.Encode(f.Caption)).Append("</figcaption>\n</figure>\n");
                    break;
                default:
                    throw new ArgumentException($"Unknown block {block.GetType().Name}.", nameof(blocks));
            }
        }

        sb.Append("</body>\n</html>\n");
        return sb.ToString();
    }

    private static void WriteTable(StringBuilder sb, Table t, HtmlEncoder html)
    {
        sb.Append("<div class=\"scroll\"><table>\n<caption>").Append(html.Encode(t.Caption)).Append("</caption>\n<thead><tr>");
        foreach (var c in t.Columns)
        {
            sb.Append("<th>").Append(html.Encode(SpreadsheetText.Neutralise(c))).Append("</th>");
        }

        sb.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in t.Rows)
        {
            sb.Append("<tr>");
            for (var i = 0; i < row.Count; i++)
            {
                var classes = (t.RightAligned[i] ? "n" : string.Empty) + (row[i] == ReportText.Withheld ? " w" : string.Empty);
                sb.Append(classes.Trim().Length > 0 ? $"<td class=\"{classes.Trim()}\">" : "<td>").Append(html.Encode(SpreadsheetText.TableCell(t, i, row[i]))).Append("</td>");
            }

            sb.Append("</tr>\n");
        }

        sb.Append("</tbody>\n</table></div>\n");
    }
}
