using System.Text;

namespace Linkage.Report;

/// <summary>Writes the report as Markdown, with the charts linked (paths relative to <c>publish/</c>).</summary>
public static class MarkdownReport
{
    /// <summary>Writes the document as Markdown (UTF-8, LF line ends).</summary>
    public static string Write(IReadOnlyList<ReportBlock> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var sb = new StringBuilder();
        foreach (var block in blocks)
        {
            switch (block)
            {
                case Heading h:
                    sb.Append('#', h.Level).Append(' ').Append(Escape(h.Text)).Append("\n\n");
                    break;
                case Paragraph p:
                    sb.Append(Escape(p.Text)).Append("\n\n");
                    break;
                case BulletList l:
                    foreach (var item in l.Items)
                    {
                        sb.Append("- ").Append(Escape(item)).Append('\n');
                    }

                    sb.Append('\n');
                    break;
                case Table t:
                    sb.Append("**").Append(Escape(t.Caption)).Append("**\n\n| ").AppendJoin(" | ", t.Columns.Select(c => Escape(SpreadsheetText.Neutralise(c)))).Append(" |\n|");
                    foreach (var right in t.RightAligned)
                    {
                        sb.Append(right ? " ---: |" : " --- |");
                    }

                    sb.Append('\n');
                    foreach (var row in t.Rows)
                    {
                        sb.Append("| ").AppendJoin(" | ", row.Select((cell, i) => Escape(SpreadsheetText.TableCell(t, i, cell)))).Append(" |\n");
                    }

                    sb.Append('\n');
                    break;
                case Figure f:
                    sb.Append("![").Append(Escape(f.Caption)).Append("](").Append(f.FileName).Append(")\n\n");
                    break;
                default:
                    throw new ArgumentException($"Unknown block {block.GetType().Name}.", nameof(blocks));
            }
        }

        return sb.ToString();
    }

    /// <summary>Escapes the characters Markdown would read as markup, and the pipe that would split a table cell.</summary>
    private static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (ch is '\\' or '|' or '*' or '_' or '`' or '[' or ']' or '<' or '>' or '#')
            {
                sb.Append('\\');
            }

            sb.Append(ch is '\r' or '\n' ? ' ' : ch);
        }

        return sb.ToString();
    }
}
