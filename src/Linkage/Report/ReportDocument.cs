namespace Linkage.Report;

/// <summary>One block of the meeting-paper report, written the same way to HTML and to Markdown.</summary>
public abstract record ReportBlock;

/// <summary>A heading.</summary>
/// <param name="Level">1 for the title, 2 for sections, 3 for subsections.</param>
/// <param name="Text">The heading text.</param>
public sealed record Heading(int Level, string Text) : ReportBlock;

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
public sealed record Table(string Caption, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<bool> RightAligned) : ReportBlock;

/// <summary>A chart: embedded in HTML, linked in Markdown.</summary>
/// <param name="Caption">The chart's title.</param>
/// <param name="FileName">The PNG's path relative to <c>publish/</c> (e.g. <c>charts/trend-apc-children.png</c>).</param>
/// <param name="Png">The PNG bytes.</param>
public sealed record Figure(string Caption, string FileName, byte[] Png) : ReportBlock;

/// <summary>A chart image for the report.</summary>
/// <param name="Title">The chart's title.</param>
/// <param name="FileName">Path relative to <c>publish/</c>.</param>
/// <param name="Png">The PNG bytes.</param>
public sealed record ReportChart(string Title, string FileName, byte[] Png);
