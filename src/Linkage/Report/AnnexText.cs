namespace Linkage.Report;

/// <summary>
/// The only words the Word annex adds to the report's own text (captions' labels and the note on "c"). Everything else
/// in the annex comes from the report's blocks. TO MOVE: into the per-language report resources, next to the report's
/// strings, once those exist; <see cref="English"/> is the default until then.
/// </summary>
/// <param name="Figure">Label of a figure caption, also the name of its <c>SEQ</c> field (Word's "Figure").</param>
/// <param name="Table">Label of a table caption, also the name of its <c>SEQ</c> field (Word's "Table").</param>
/// <param name="CaptionSeparator">Between a caption's number and its text.</param>
/// <param name="WithheldNote">The note under a table that has withheld cells.</param>
public sealed record AnnexText(string Figure, string Table, string CaptionSeparator, string WithheldNote)
{
    /// <summary>The English texts.</summary>
    public static AnnexText English { get; } = new(
        "Figure",
        "Table",
        ". ",
        "c (shaded): suppressed by disclosure control, because the figure is a small count or could reveal one.");
}
