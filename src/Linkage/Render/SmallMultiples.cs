using ScottPlot;

namespace Linkage.Render;

/// <summary>Where one small-multiple panel goes, its padding, and whether it shows its own y tick labels.</summary>
/// <param name="Rect">The panel's rectangle on the figure.</param>
/// <param name="Padding">From the rectangle to the data area.</param>
/// <param name="YTickLabels">False in inner columns, which share the first column's scale.</param>
/// <param name="Title">The panel title: the region, and for OSCE on its own scale a note saying so.</param>
internal sealed record PanelSlot(PixelRect Rect, PixelPadding Padding, bool YTickLabels, string Title);

/// <summary>
/// Lays out one panel per region in a grid, with the legend in the grid's free cells and one shared label per axis,
/// so that each small panel spends its room on data. Every data area has the same width; only the first column and
/// the column of a panel on its own scale (OSCE) spend room on y tick labels.
/// </summary>
internal sealed record SmallMultiples(IReadOnlyList<PanelSlot> Panels, PixelRect Legend, float DataWidth, float TitleSize)
{
    /// <summary>Room for the shared y-axis label (rotated) at the left and the x-axis label at the bottom.</summary>
    private const float AxisLabelRoom = 14f;
    private const float Gap = 16f;
    private const float Right = 10f;
    private const float Top = 17f;
    private const float Bottom = 17f;

    /// <summary>
    /// Lays out the panels of <paramref name="regions"/> and draws the shared axis labels on the frame. With
    /// <paramref name="osceOwnScale"/>, the OSCE panel's column gets room for its own y tick labels.
    /// </summary>
    public static SmallMultiples Layout(ChartFrame frame, IReadOnlyList<string> regions, string xLabel, string yLabel, float tickRoom, bool osceOwnScale)
    {
        var body = frame.Body;
        var inner = new PixelRect(body.Left + AxisLabelRoom, body.Right, body.Bottom - AxisLabelRoom, body.Top);
        ChartStyle.Text(frame.Canvas, xLabel, (inner.Left + inner.Right) / 2, body.Bottom, ChartStyle.FitSize(xLabel, ChartStyle.LabelSize, inner.Width), Alignment.LowerCenter);
        var y = ChartStyle.Text(frame.Canvas, yLabel, body.Left, (inner.Top + inner.Bottom) / 2, ChartStyle.FitSize(yLabel, ChartStyle.LabelSize, inner.Height), Alignment.UpperCenter);
        y.LabelRotation = -90;

        var cells = regions.Count + 1;
        var rows = cells <= 4 ? 1 : cells <= 10 ? 2 : 3;
        var columns = (int)Math.Ceiling(cells / (double)rows);
        var labelled = new bool[columns];
        labelled[0] = true;
        for (var i = 0; i < regions.Count; i++)
        {
            labelled[i % columns] |= osceOwnScale && RegionalTable.IsOsce(regions[i]);
        }

        var lefts = labelled.Select(l => l ? tickRoom : Gap).ToArray();
        var dataWidth = (inner.Width - lefts.Sum() - (columns * Right)) / columns;
        var xs = new float[columns + 1];
        xs[0] = inner.Left;
        for (var c = 0; c < columns; c++)
        {
            xs[c + 1] = xs[c] + lefts[c] + dataWidth + Right;
        }

        var rowHeight = inner.Height / rows;
        PixelRect Cell(int index) => new(xs[index % columns], xs[(index % columns) + 1], inner.Top + (((index / columns) + 1) * rowHeight), inner.Top + (index / columns * rowHeight));
        var panels = Enumerable.Range(0, regions.Count)
            .Select(i => new PanelSlot(
                Cell(i),
                new PixelPadding(lefts[i % columns], Right, Bottom, Top),
                labelled[i % columns],
                Title(frame.Texts, regions[i], osceOwnScale)))
            .ToList();

        // rows × columns ≥ count + 1, so at least one cell is free for the legend.
        var (first, last) = (Cell(regions.Count), Cell((rows * columns) - 1));
        var legend = new PixelRect(first.Left, last.Right, last.Bottom, first.Top + Top);

        // One title size for all panels, small enough that the longest title fits over its data area.
        var widest = panels.Select(p => ChartStyle.TextWidth(p.Title, ChartStyle.LabelSize, bold: true)).DefaultIfEmpty(0).Max();
        var titleSize = Math.Min(ChartStyle.LabelSize, ChartStyle.LabelSize * (dataWidth + Gap) / Math.Max(1, widest));
        return new SmallMultiples(panels, legend, dataWidth, titleSize);
    }

    /// <summary>A panel's title: the region's shown name, and for OSCE on its own scale a note saying so.</summary>
    private static string Title(ChartTexts texts, string region, bool osceOwnScale) =>
        osceOwnScale && RegionalTable.IsOsce(region)
            ? texts.Strings.Format("chart.osce-own-scale", ("osce", texts.Regions.Show(region)))
            : texts.Regions.Show(region);

    /// <summary>Styles the panel in slot <paramref name="index"/>: padding, title, and y tick labels only where its column shows them.</summary>
    public void Style(Plot plot, int index)
    {
        var slot = Panels[index];
        ChartStyle.Panel(plot, slot.Padding, slot.Title);
        plot.Axes.Title.Label.FontSize = TitleSize;
        plot.Axes.Left.TickLabelStyle.IsVisible = slot.YTickLabels;
    }
}
