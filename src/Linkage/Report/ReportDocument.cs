namespace Linkage.Report;

/// <summary>One block of the meeting-paper report, written the same way to HTML and to Markdown.</summary>
public abstract record ReportBlock;

/// <summary>A heading.</summary>
/// <param name="Level">1 for the title, 2 for sections, 3 for subsections.</param>
/// <param name="Text">The heading text.</param>
public sealed record Heading(int Level, string Text) : ReportBlock
{
    /// <summary>
    /// The section this heading opens (<see cref="ReportSection.None"/> for a heading inside a section), so that a writer
    /// can pick sections without reading the heading's text, which changes with the language.
    /// </summary>
    public ReportSection Section { get; init; }
}

/// <summary>The report's sections, in the order the report gives them.</summary>
public enum ReportSection
{
    /// <summary>Not a section heading.</summary>
    None,

    /// <summary>The title and the opening paragraph (the blocks before the first section heading).</summary>
    Front,

    /// <summary>The key figures.</summary>
    KeyFigures,

    /// <summary>The charts.</summary>
    Charts,

    /// <summary>The regional tables of one measure.</summary>
    Regional,

    /// <summary>The trend tables.</summary>
    Trends,

    /// <summary>Completeness by State, the submissions, rejected rows and conflicts.</summary>
    DataQuality,

    /// <summary>The reporting States per year.</summary>
    ReportingStates,

    /// <summary>The methods in plain words.</summary>
    Methods,
}

/// <summary>A paragraph of plain text.</summary>
/// <param name="Text">The text.</param>
public sealed record Paragraph(string Text) : ReportBlock;

/// <summary>A bulleted list.</summary>
/// <param name="Items">The items.</param>
public sealed record BulletList(IReadOnlyList<string> Items) : ReportBlock;

/// <summary>A table; cells are text already formatted (a withheld value is <c>c</c>).</summary>
/// <param name="Caption">What the table shows.</param>
/// <param name="Columns">Column headers.</param>
/// <param name="Rows">Cells, row by row.</param>
/// <param name="RightAligned">Per column, true for numbers.</param>
public sealed record Table(string Caption, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<bool> RightAligned) : ReportBlock
{
    /// <summary>The source note of the figures in the table (the one its measure's charts carry), if it has one.</summary>
    public string? SourceNote { get; init; }
}

/// <summary>A chart: embedded in HTML, linked in Markdown.</summary>
/// <param name="Caption">The chart's title.</param>
/// <param name="FileName">The PNG's path relative to <c>publish/</c> (e.g. <c>charts/trend-apc-children.png</c>).</param>
/// <param name="Png">The PNG bytes.</param>
public sealed record Figure(string Caption, string FileName, byte[] Png) : ReportBlock
{
    /// <summary>The chart's source note, if known (it is also drawn in the image).</summary>
    public string? SourceNote { get; init; }
}

/// <summary>A chart image for the report.</summary>
/// <param name="Title">The chart's title.</param>
/// <param name="FileName">Path relative to <c>publish/</c>.</param>
/// <param name="Png">The PNG bytes.</param>
public sealed record ReportChart(string Title, string FileName, byte[] Png)
{
    /// <summary>The chart's source note (<see cref="Render.Chart.SourceNote"/>).</summary>
    public string? SourceNote { get; init; }
}
