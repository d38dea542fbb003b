using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Linkage.Report;

/// <summary>The styles, bullet numbering, settings and font table of the annex.</summary>
public static partial class WordAnnex
{
    /// <summary>
    /// The font of every style. Not embedded: Arial is on every Office machine, and LibreOffice puts the metrically
    /// identical Liberation Sans in its place; the font table names its family (swiss, variable pitch) for any other.
    /// </summary>
    private const string FontName = "Arial";

    /// <summary>The style ids the document uses; the built-in ones carry Word's own names so Word treats them as its own.</summary>
    internal static class StyleIds
    {
        public const string Normal = "Normal";
        public const string Title = "Title";
        public const string Heading1 = "Heading1";
        public const string Heading2 = "Heading2";
        public const string Caption = "Caption";
        public const string ListBullet = "ListBullet";
        public const string SourceNote = "SourceNote";
        public const string TableText = "TableText";
        public const string Picture = "Picture";
        public const string Table = "AnnexTable";
        public const string TableNormal = "TableNormal";
    }

    private static void AddParts(MainDocumentPart main, string language)
    {
        main.AddNewPart<StyleDefinitionsPart>("rIdStyles").Styles = StylesPart(language);
        main.AddNewPart<NumberingDefinitionsPart>("rIdNumbering").Numbering = BulletNumbering();
        main.AddNewPart<DocumentSettingsPart>("rIdSettings").Settings = new Settings(
            new DefaultTabStop { Val = 709 },
            new CharacterSpacingControl { Val = CharacterSpacingValues.DoNotCompress },
            new Compatibility(new CompatibilitySetting { Name = CompatSettingNameValues.CompatibilityMode, Uri = "http://schemas.microsoft.com/office/word", Val = "15" }));
        main.AddNewPart<FontTablePart>("rIdFontTable").Fonts = new Fonts(new Font(
            new Panose1Number { Val = "020B0604020202020204" },
            new FontCharSet { Val = "00" },
            new FontFamily { Val = FontFamilyValues.Swiss },
            new Pitch { Val = FontPitchValues.Variable })
        { Name = FontName });
    }

    private static Styles StylesPart(string language) => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = FontName, HighAnsi = FontName, ComplexScript = FontName, EastAsia = FontName },
                new FontSize { Val = "20" },
                new FontSizeComplexScript { Val = "20" },
                new Languages { Val = language })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { Before = "0", After = "120", Line = "264", LineRule = LineSpacingRuleValues.Auto }))),
        ParagraphStyle(StyleIds.Normal, "Normal", null, new StyleParagraphProperties(), new StyleRunProperties(), isDefault: true),
        ParagraphStyle(
            StyleIds.Title,
            "Title",
            StyleIds.Normal,
            new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { After = "240" }),
            new StyleRunProperties(new Bold(), new BoldComplexScript(), new FontSize { Val = "32" }, new FontSizeComplexScript { Val = "32" })),
        ParagraphStyle(
            StyleIds.Heading1,
            "heading 1",
            StyleIds.Normal,
            new StyleParagraphProperties(new KeepNext(), new KeepLines(), new SpacingBetweenLines { Before = "360", After = "120" }, new OutlineLevel { Val = 0 }),
            new StyleRunProperties(new Bold(), new BoldComplexScript(), new FontSize { Val = "28" }, new FontSizeComplexScript { Val = "28" })),
        ParagraphStyle(
            StyleIds.Heading2,
            "heading 2",
            StyleIds.Normal,
            new StyleParagraphProperties(new KeepNext(), new KeepLines(), new SpacingBetweenLines { Before = "240", After = "80" }, new OutlineLevel { Val = 1 }),
            new StyleRunProperties(new Bold(), new BoldComplexScript(), new FontSize { Val = "24" }, new FontSizeComplexScript { Val = "24" })),
        ParagraphStyle(
            StyleIds.Caption,
            "caption",
            StyleIds.Normal,
            new StyleParagraphProperties(new SpacingBetweenLines { Before = "120", After = "80" }),
            new StyleRunProperties(new Bold(), new BoldComplexScript(), new FontSize { Val = "18" }, new FontSizeComplexScript { Val = "18" })),
        ParagraphStyle(
            StyleIds.ListBullet,
            "List Bullet",
            StyleIds.Normal,
            new StyleParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = 1 }), new SpacingBetweenLines { After = "80" }),
            new StyleRunProperties()),
        ParagraphStyle(
            StyleIds.SourceNote,
            "Source note",
            StyleIds.Normal,
            // Contextual spacing: the note on "c" and the source note under one table sit together, with space after the pair.
            new StyleParagraphProperties(new SpacingBetweenLines { Before = "60", After = "240" }, new ContextualSpacing()),
            new StyleRunProperties(new Color { Val = "404040" }, new FontSize { Val = "16" }, new FontSizeComplexScript { Val = "16" })),
        ParagraphStyle(
            StyleIds.TableText,
            "Table text",
            StyleIds.Normal,
            new StyleParagraphProperties(new SpacingBetweenLines { Before = "20", After = "20", Line = "240", LineRule = LineSpacingRuleValues.Auto }),
            new StyleRunProperties(new FontSize { Val = "16" }, new FontSizeComplexScript { Val = "16" })),
        ParagraphStyle(
            StyleIds.Picture,
            "Picture",
            StyleIds.Normal,
            new StyleParagraphProperties(new SpacingBetweenLines { Before = "240", After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }),
            new StyleRunProperties()),
        new Style(
            new StyleName { Val = "Normal Table" },
            new UIPriority { Val = 99 },
            new SemiHidden(),
            new UnhideWhenUsed(),
            new StyleTableProperties(
                new TableIndentation { Width = 0, Type = TableWidthUnitValues.Dxa },
                new TableCellMarginDefault(
                    new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 108, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 108, Type = TableWidthValues.Dxa })))
        { Type = StyleValues.Table, StyleId = StyleIds.TableNormal, Default = true },
        new Style(
            new StyleName { Val = "Annex table" },
            new BasedOn { Val = StyleIds.TableNormal },
            new UIPriority { Val = 59 },
            new StyleParagraphProperties(new SpacingBetweenLines { Before = "20", After = "20", Line = "240", LineRule = LineSpacingRuleValues.Auto }),
            new StyleTableProperties(
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "A6A6A6" },
                    new LeftBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "A6A6A6" },
                    new BottomBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "A6A6A6" },
                    new RightBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "A6A6A6" },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "A6A6A6" },
                    new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "A6A6A6" })))
        { Type = StyleValues.Table, StyleId = StyleIds.Table });

    private static Style ParagraphStyle(string id, string name, string? basedOn, StyleParagraphProperties paragraph, StyleRunProperties run, bool isDefault = false)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault)
        {
            style.Default = true;
        }

        style.Append(new StyleName { Val = name });
        if (basedOn is not null)
        {
            style.Append(new BasedOn { Val = basedOn }, new NextParagraphStyle { Val = StyleIds.Normal });
        }

        style.Append(new PrimaryStyle(), paragraph, run);
        return style;
    }

    /// <summary>One bullet list definition (numbering id 1), used by the List Bullet style.</summary>
    private static Numbering BulletNumbering() => new(
        new AbstractNum(
            new MultiLevelType { Val = MultiLevelValues.SingleLevel },
            new Level(
                new StartNumberingValue { Val = 1 },
                new NumberingFormat { Val = NumberFormatValues.Bullet },
                new LevelText { Val = "•" },
                new LevelJustification { Val = LevelJustificationValues.Left },
                new PreviousParagraphProperties(new Indentation { Left = "360", Hanging = "360" }),
                new NumberingSymbolRunProperties(new RunFonts { Ascii = FontName, HighAnsi = FontName }))
            { LevelIndex = 0 })
        { AbstractNumberId = 0 },
        new NumberingInstance(new AbstractNumId { Val = 0 }) { NumberID = 1 });
}
