using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

using WordParagraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;

namespace Linkage.Report;

/// <summary>
/// Writes report blocks as a Word document (<c>publish/annex.docx</c>) ready to paste into a meeting paper: the
/// charts as pictures at their print size with numbered captions (<c>SEQ Figure</c>) and source notes, the tables as
/// Word tables (captions above, <c>SEQ Table</c>; a repeated header row; numbers right-aligned; withheld cells "c" and
/// shaded), headings, paragraphs and bullets in the document's own styles. A4, 16 cm text width; report sections with
/// a table wider than that are set on landscape pages. The same blocks give the same bytes (no time, no random id).
/// </summary>
public static partial class WordAnnex
{
    private const int PageShort = 11906; // A4, 21.0 cm
    private const int PageLong = 16838; // A4, 29.7 cm
    private const int Margin = 1417; // 2.5 cm

    /// <summary>Text width of a portrait page: 16.0 cm, the width the charts are drawn for.</summary>
    internal const int PortraitWidth = PageShort - (2 * Margin);

    /// <summary>Text width of a landscape page: 24.7 cm.</summary>
    internal const int LandscapeWidth = PageLong - (2 * Margin);

    /// <summary>Writes the blocks as a .docx file's bytes.</summary>
    /// <param name="blocks">The blocks, usually <see cref="ReportBuilder.Annex"/> of the report.</param>
    /// <param name="text">The annex's own words and language tag, in the report's language (default <see cref="AnnexText.English"/>).</param>
    public static byte[] Write(IReadOnlyList<ReportBlock> blocks, AnnexText? text = null)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        text ??= AnnexText.English;
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            // Every relationship id is given: the SDK would otherwise make random ones, and the bytes would differ per run.
            var main = document.AddNewPart<MainDocumentPart>("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "rIdDocument");
            AddParts(main, text.LanguageTag);
            var writer = new Writer(main, text);
            main.Document = new Document(writer.Body(blocks));
        }

        return DeterministicZip.Rewrite(stream.ToArray());
    }

    /// <summary>Text as Word can hold it: characters XML 1.0 forbids and line breaks become spaces.</summary>
    internal static string Clean(string text)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (chars[i] < ' ' || char.IsSurrogate(chars[i]) || chars[i] is '\uFFFE' or '\uFFFF')
            {
                chars[i] = ' ';
            }
        }

        return new string(chars);
    }

    private static Run TextRun(string text, RunProperties? properties = null)
    {
        var run = new Run(new Text(Clean(text)) { Space = SpaceProcessingModeValues.Preserve });
        if (properties is not null)
        {
            run.PrependChild(properties);
        }

        return run;
    }

    private static WordParagraph Styled(string style, params OpenXmlElement[] content) =>
        new([new ParagraphProperties(new ParagraphStyleId { Val = style }), .. content]);

    /// <summary>Walks the blocks once, numbering figures, tables and pictures as it goes.</summary>
    private sealed partial class Writer(MainDocumentPart main, AnnexText text)
    {
        private int _figures;
        private int _tables;

        public Body Body(IReadOnlyList<ReportBlock> blocks)
        {
            var body = new Body();
            var sections = ReportBuilder.SectionsOf(blocks);

            // One orientation for every section with a table: landscape as soon as one table needs more than 16 cm.
            var landscape = blocks.OfType<Table>().Any(t => NaturalWidth(t) > PortraitWidth)
                ? blocks.Select((b, i) => (b, i)).Where(x => x.b is Table).Select(x => sections[x.i]).ToHashSet()
                : [];
            bool Landscape(ReportSection section) => landscape.Contains(section);

            for (var i = 0; i < blocks.Count; i++)
            {
                // A page of another orientation starts a new Word section; the break goes into the previous section's last paragraph.
                if (i > 0 && Landscape(sections[i]) != Landscape(sections[i - 1]))
                {
                    body.Append(new WordParagraph(new ParagraphProperties(PageSetup(Landscape(sections[i - 1])))));
                }

                body.Append(Block(blocks[i], Landscape(sections[i]) ? LandscapeWidth : PortraitWidth));
            }

            body.Append(PageSetup(blocks.Count > 0 && Landscape(sections[^1])));
            return body;
        }

        private IEnumerable<OpenXmlElement> Block(ReportBlock block, int width) => block switch
        {
            Heading h => [Styled(h.Level <= 1 ? StyleIds.Title : h.Level == 2 ? StyleIds.Heading1 : StyleIds.Heading2, TextRun(h.Text))],
            Paragraph p => [Styled(StyleIds.Normal, TextRun(p.Text))],
            BulletList l => l.Items.Select(item => Styled(StyleIds.ListBullet, TextRun(item))),
            Table t => TableBlock(t, width),
            Figure f => FigureBlock(f),
            _ => throw new ArgumentException($"Unknown block {block.GetType().Name}.", nameof(block)),
        };

        /// <summary>"Figure 3. Title" with the number as a <c>SEQ</c> field whose shown result is already right.</summary>
        private static WordParagraph Caption(string label, string fallback, int number, string caption, bool keepWithNext)
        {
            var paragraph = Styled(
                StyleIds.Caption,
                TextRun(label + " "),
                new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
                new Run(new FieldCode($" SEQ {SeqName(label, fallback)} \\* ARABIC ") { Space = SpaceProcessingModeValues.Preserve }),
                new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
                new Run(new Text(number.ToString(System.Globalization.CultureInfo.InvariantCulture))),
                new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
                TextRun(caption));
            if (keepWithNext)
            {
                paragraph.ParagraphProperties!.Append(new KeepNext());
            }

            return paragraph;
        }

        /// <summary>
        /// A <c>SEQ</c> identifier: the label's letters and digits, as Word names the sequence after the caption label
        /// (its "Insert Caption" and "Table of Figures" then find it), or <paramref name="fallback"/> when that leaves none.
        /// </summary>
        private static string SeqName(string label, string fallback)
        {
            var name = new string([.. label.Where(char.IsLetterOrDigit)]);
            return name.Length > 0 && char.IsLetter(name[0]) ? name : fallback;
        }

        private static SectionProperties PageSetup(bool landscape) => new(
            new SectionType { Val = SectionMarkValues.NextPage },
            landscape
                ? new PageSize { Width = PageLong, Height = PageShort, Orient = PageOrientationValues.Landscape }
                : new PageSize { Width = PageShort, Height = PageLong },
            new PageMargin { Top = Margin, Bottom = Margin, Left = Margin, Right = Margin, Header = 709, Footer = 709, Gutter = 0 });
    }
}
