using Linkage.Localisation;

namespace Linkage.Report;

/// <summary>
/// The only words the Word annex adds to the report's own text (captions' labels and the note on "c"), in the report's
/// language (<c>annex.*</c> in <c>Localisation/Strings/CODE.json</c>). Everything else in the annex comes from the
/// report's blocks, which are already in that language.
/// </summary>
/// <param name="Figure">Label of a figure caption, also the name of its <c>SEQ</c> field (as Word names it after the label).</param>
/// <param name="Table">Label of a table caption, also the name of its <c>SEQ</c> field.</param>
/// <param name="CaptionSeparator">Between a caption's number and its text.</param>
/// <param name="WithheldNote">The note under a table that has withheld cells.</param>
/// <param name="LanguageTag">The document's language for Word's spelling and hyphenation, e.g. <c>fr-FR</c>.</param>
public sealed record AnnexText(string Figure, string Table, string CaptionSeparator, string WithheldNote, string LanguageTag)
{
    /// <summary>The English texts.</summary>
    public static AnnexText English { get; } = For(Language.En);

    /// <summary>The texts of <paramref name="language"/>.</summary>
    public static AnnexText For(Language language)
    {
        var t = TextCatalogue.For(language);
        return new(t["annex.figure"], t["annex.table"], t["annex.caption-separator"], t["annex.withheld-note"], Tag(language));
    }

    // Word's language of the text: the country is the one whose conventions the report follows (UK English, as the OSCE writes).
    private static string Tag(Language language) => language switch
    {
        Language.En => "en-GB",
        Language.Fr => "fr-FR",
        Language.De => "de-DE",
        Language.It => "it-IT",
        Language.Ru => "ru-RU",
        Language.Es => "es-ES",
        _ => throw new ArgumentOutOfRangeException(nameof(language)),
    };
}
