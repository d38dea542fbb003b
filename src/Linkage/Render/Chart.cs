namespace Linkage.Render;

/// <summary>
/// One chart of the Winter Meeting paper: its texts, and a function that builds it as ScottPlot objects for a given
/// size. The plots are built afresh for every size and every render, so a render never sees state left by another.
/// </summary>
/// <param name="Name">File name stem, e.g. <c>linkage-by-region-children</c>.</param>
/// <param name="Title">The title drawn at the top.</param>
/// <param name="Subtitle">The measure and years, e.g. <c>Children, 2010–2025</c>.</param>
/// <param name="SourceNote">The source note drawn at the bottom.</param>
/// <param name="LegendEntries">The texts of the legend, in order.</param>
/// <param name="Compose">Builds the figure for a size (registering the chart font first, see <see cref="ChartRenderer.EnsureFont"/>).</param>
public sealed record Chart(
    string Name,
    string Title,
    string Subtitle,
    string SourceNote,
    IReadOnlyList<string> LegendEntries,
    Func<ChartSize, ChartFigure> Compose)
{
    /// <summary>The caption of the chart in the report: title and subtitle, in the chart's language.</summary>
    public string Caption { get; init; } = $"{Title}: {Subtitle}";
}
