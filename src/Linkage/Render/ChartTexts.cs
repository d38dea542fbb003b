namespace Linkage.Render;

/// <summary>The texts of one chart that the frame and axes draw.</summary>
/// <param name="Title">The title.</param>
/// <param name="Subtitle">The measure and years.</param>
/// <param name="SourceNote">The source note.</param>
/// <param name="ValueLabel">The label of a count axis, with its unit (e.g. <c>Children (count)</c>).</param>
internal sealed record ChartTexts(string Title, string Subtitle, string SourceNote, string ValueLabel);
