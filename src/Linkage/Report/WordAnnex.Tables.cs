using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

using WordParagraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;
using WordTable = DocumentFormat.OpenXml.Wordprocessing.Table;

namespace Linkage.Report;

/// <summary>Report tables as Word tables.</summary>
public static partial class WordAnnex
{
    /// <summary>The fill of a withheld cell: 25 % grey, dark enough to see in print, light enough to read the "c".</summary>
    internal const string WithheldFill = "D9D9D9";

    /// <summary>Width of an average character of 8 pt Arial (0.55 em), in twips.</summary>
    private const int CharWidth = 88;

    /// <summary>Left and right cell margins (0.15 cm each) and a little slack, in twips.</summary>
    private const int CellPadding = 210;

    private const int CellMargin = 85;

    /// <summary>A table of at most this many rows is kept on one page; a longer one runs on with its header repeated.</summary>
    private const int KeepTogetherRows = 20;

    /// <summary>A cell longer than this many characters wraps rather than widening its column.</summary>
    private const int WrapAt = 28;

    /// <summary>The width the table would take with no cell wrapped (but long ones), in twips.</summary>
    internal static int NaturalWidth(Table table) => Measure(table).Sum(c => c.Desired);

    /// <summary>
    /// Column widths that fill <paramref name="available"/> twips. Each column wants its longest cell (up to
    /// <see cref="WrapAt"/> characters) and needs at least its longest word; spare width goes first to the columns
    /// that would wrap, then to all in proportion; a shortfall is taken from what columns want beyond what they need.
    /// </summary>
    internal static int[] ColumnWidths(Table table, int available)
    {
        var columns = Measure(table);
        var widths = columns.Select(c => (long)c.Desired).ToArray();
        long sum = widths.Sum(), min = columns.Sum(c => (long)c.Min);
        if (sum <= available)
        {
            var spare = available - sum;
            var wanting = columns.Sum(c => (long)(c.Full - c.Desired));
            var toWrapping = Math.Min(spare, wanting);
            for (var i = 0; i < widths.Length && wanting > 0; i++)
            {
                widths[i] += (columns[i].Full - columns[i].Desired) * toWrapping / wanting;
            }

            var rest = available - widths.Sum();
            var total = widths.Sum();
            for (var i = 0; i < widths.Length; i++)
            {
                widths[i] += widths[i] * rest / total;
            }
        }
        else if (min <= available)
        {
            for (var i = 0; i < widths.Length; i++)
            {
                widths[i] = columns[i].Min + ((columns[i].Desired - columns[i].Min) * (available - min) / (sum - min));
            }
        }
        else
        {
            for (var i = 0; i < widths.Length; i++)
            {
                widths[i] = columns[i].Min * (long)available / min;
            }
        }

        // Rounding leaves a few twips; the widest column takes them so the table is exactly the text width.
        var widest = Array.IndexOf(widths, widths.Max());
        widths[widest] += available - widths.Sum();
        return [.. widths.Select(w => (int)w)];
    }

    private static List<(int Full, int Desired, int Min)> Measure(Table table)
    {
        static int Twips(int chars) => (chars * CharWidth) + CellPadding;
        static int LongestWord(string text) => text.Split(' ').Max(w => w.Length);

        return [.. table.Columns.Select((header, i) =>
        {
            var cells = table.Rows.Select(r => r[i]).ToList();
            var longest = cells.Select(c => c.Length).DefaultIfEmpty(0).Max();
            // A header is bold, and bold (Cyrillic above all) runs wider than the average: its longest word counts a fifth more,
            // so "Международная" is not broken inside the word.
            var word = Math.Max((LongestWord(header) * 6 + 4) / 5, cells.Select(LongestWord).DefaultIfEmpty(0).Max());
            var full = Math.Max(longest, word);
            return (Twips(full), Twips(Math.Max(Math.Min(longest, WrapAt), word)), Twips(word));
        })];
    }

    private sealed partial class Writer
    {
        /// <summary>Caption (above), the table, then the note on "c" (if a cell is withheld) and the source note.</summary>
        private IEnumerable<OpenXmlElement> TableBlock(Table table, int available)
        {
            _tables++;
            yield return Caption(text.Table, "Table", _tables, text.CaptionSeparator + table.Caption, keepWithNext: true);
            var widths = ColumnWidths(table, available);
            var word = new WordTable(
                new TableProperties(
                    new TableStyle { Val = StyleIds.Table },
                    new TableWidth { Width = widths.Sum().ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                    new TableLayout { Type = TableLayoutValues.Fixed },
                    new TableCellMarginDefault(
                        new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                        new TableCellLeftMargin { Width = CellMargin, Type = TableWidthValues.Dxa },
                        new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                        new TableCellRightMargin { Width = CellMargin, Type = TableWidthValues.Dxa }),
                    new TableLook { Val = "04A0", FirstRow = true, LastRow = false, FirstColumn = false, LastColumn = false, NoHorizontalBand = true, NoVerticalBand = true },
                    new TableCaption { Val = Clean(table.Caption) }),
                new TableGrid([.. widths.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })]));

            // The header row repeats on every page the table runs over; no row is split across pages.
            word.Append(new TableRow(
                [new TableRowProperties(new CantSplit(), new TableHeader()), .. table.Columns.Select((c, i) => HeaderCell(SpreadsheetText.Neutralise(c), widths[i], table.RightAligned[i]))]));
            var keepTogether = table.Rows.Count <= KeepTogetherRows;
            for (var r = 0; r < table.Rows.Count; r++)
            {
                var row = new TableRow(
                    [new TableRowProperties(new CantSplit()), .. table.Rows[r].Select((c, i) => BodyCell(SpreadsheetText.TableCell(table, i, c), widths[i], table.RightAligned[i]))]);
                if (keepTogether && r < table.Rows.Count - 1)
                {
                    // Word's way of keeping a table on one page: every row but the last is kept with the next.
                    foreach (var properties in row.Descendants<ParagraphProperties>())
                    {
                        properties.InsertAfter(new KeepNext(), properties.ParagraphStyleId);
                    }
                }

                word.Append(row);
            }

            yield return word;
            if (table.Rows.Any(r => r.Contains(ReportText.Withheld)))
            {
                yield return Styled(StyleIds.SourceNote, TextRun(text.WithheldNote));
            }

            if (table.SourceNote is { } note)
            {
                yield return Styled(StyleIds.SourceNote, TextRun(note));
            }
        }

        private static TableCell HeaderCell(string content, int width, bool right) => new(
            new TableCellProperties(
                new TableCellWidth { Width = Twips(width), Type = TableWidthUnitValues.Dxa },
                new TableCellBorders(new BottomBorder { Val = BorderValues.Single, Size = 8, Space = 0, Color = "404040" }),
                new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Bottom }),
            CellParagraph(content, right, new RunProperties(new Bold()), keepWithNext: true));

        /// <summary>A body cell; a withheld one is shaded and its "c" set in italics, as the HTML report marks it.</summary>
        private static TableCell BodyCell(string content, int width, bool right)
        {
            var withheld = content == ReportText.Withheld;
            var properties = new TableCellProperties(new TableCellWidth { Width = Twips(width), Type = TableWidthUnitValues.Dxa });
            if (withheld)
            {
                properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = WithheldFill });
            }

            return new TableCell(properties, CellParagraph(content, right, withheld ? new RunProperties(new Italic()) : null));
        }

        private static WordParagraph CellParagraph(string content, bool right, RunProperties? run, bool keepWithNext = false)
        {
            var paragraph = Styled(StyleIds.TableText, TextRun(content, run));
            if (keepWithNext)
            {
                paragraph.ParagraphProperties!.Append(new KeepNext());
            }

            if (right)
            {
                paragraph.ParagraphProperties!.Append(new Justification { Val = JustificationValues.Right });
            }

            return paragraph;
        }

        private static string Twips(int width) => width.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
