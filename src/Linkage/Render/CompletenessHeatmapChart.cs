using Linkage.Localisation;
using Linkage.Protect;

using ScottPlot;

namespace Linkage.Render;

/// <summary>
/// Chart 3: completeness per State and year (the share of cases with linkage recorded) in 20 % classes. The States
/// (rows, ISO alpha-3) are split into up to three side-by-side blocks so that 57 row labels stay legible even at
/// 16 × 9 cm. Not reported (white, outlined), no cases (light grey) and not shown (grey with "c": a total too small
/// for a class, see <see cref="StateCompleteness"/>) are each drawn distinctly from the lowest class.
/// </summary>
internal static class CompletenessHeatmapChart
{
    private static readonly Color NotReportedLine = Color.FromHex("#C8C8C8");
    private static readonly Color NoCasesFill = Color.FromHex("#E4E4E4");

    /// <summary>The colour of a class (its lower bound 0.0 … 0.8): viridis from dark to yellow, colour-blind safe.</summary>
    public static Color ClassColor(double shareClass) =>
        new ScottPlot.Colormaps.Viridis().GetColor(shareClass * StateCompleteness.Classes / (StateCompleteness.Classes - 1));

    /// <summary>The legend entries, in order: a heading, the classes from the top down, then the three special kinds.</summary>
    public static IReadOnlyList<LegendEntry> Legend(TextCatalogue strings)
    {
        var numbers = strings.Numbers;
        var entries = new List<LegendEntry> { new(strings["chart.heatmap.legend-heading"], LegendSymbol.None, ChartStyle.Ink) };
        const int step = 100 / StateCompleteness.Classes;
        for (var c = StateCompleteness.Classes - 1; c >= 0; c--)
        {
            var label = c == StateCompleteness.Classes - 1
                ? strings.Format("chart.heatmap.class-top", ("low", numbers.Whole(c * step)))
                : strings.Format("chart.heatmap.class", ("low", numbers.Whole(c * step)), ("high", numbers.Whole((c + 1) * step)));
            entries.Add(new LegendEntry(label, LegendSymbol.Box, ClassColor(c / (double)StateCompleteness.Classes)));
        }

        entries.Add(new LegendEntry(strings["chart.heatmap.no-cases"], LegendSymbol.Box, NoCasesFill));
        entries.Add(new LegendEntry(strings["chart.heatmap.not-shown"], LegendSymbol.Box, ChartStyle.Suppressed));
        entries.Add(new LegendEntry(strings["chart.heatmap.not-reported"], LegendSymbol.OutlinedBox, NotReportedLine));
        return entries;
    }

    /// <summary>Builds the figure for <paramref name="size"/>: frame, the heat map blocks and their legend.</summary>
    public static ChartFigure Compose(ChartSize size, ChartTexts texts, IReadOnlyList<StateCompletenessCell> cells)
    {
        var frame = ChartFrame.Create(size, texts);
        if (cells.Count == 0)
        {
            return frame.NoData();
        }

        var body = frame.Body;
        var legend = Legend(texts.Strings);
        var legendWidth = 26 + legend.Max(e => ChartStyle.TextWidth(e.Label, ChartStyle.LabelSize));
        ChartLegend.Add(frame.Figure, new PixelRect(body.Right - legendWidth, body.Right, body.Bottom, body.Top), legend, Orientation.Vertical, Alignment.UpperLeft);

        var states = cells.Select(c => c.State).Distinct().Order(StringComparer.Ordinal).ToList();
        var (first, last) = (cells.Min(c => c.Year), cells.Max(c => c.Year));
        var byKey = cells.ToDictionary(c => (c.State, c.Year));
        var blocks = states.Count <= 20 ? 1 : states.Count <= 40 ? 2 : 3;
        var rows = Math.Max(1, (int)Math.Ceiling(states.Count / (double)blocks));
        var area = new PixelRect(body.Left, body.Right - legendWidth - 8, body.Bottom - 14, body.Top);
        ChartStyle.Text(frame.Canvas, texts.Strings["chart.axis.year"], (area.Left + area.Right) / 2, body.Bottom, ChartStyle.LabelSize, Alignment.LowerCenter);

        var padding = new PixelPadding(0, 14, 14, 2);
        var rowHeight = (area.Height - padding.Vertical) / rows;
        var labelSize = Math.Min(ChartStyle.TickSize, rowHeight * 0.8f);
        padding.Left = 6 + ChartStyle.TextWidth("WWW", labelSize);
        foreach (var (cell, b) in ChartFrame.Grid(area, 1, blocks).Select((cell, b) => (cell, b)))
        {
            var block = states.Skip(b * rows).Take(rows).ToList();
            var plot = frame.Figure.Add(cell);
            ChartStyle.Panel(plot, padding);
            plot.Grid.YAxisStyle.IsVisible = false;
            plot.Axes.Left.FrameLineStyle.IsVisible = false;
            plot.Axes.Left.MajorTickStyle.Length = 0;
            plot.Axes.Left.TickLabelStyle.FontSize = labelSize;
            for (var r = 0; r < block.Count; r++)
            {
                for (var year = first; year <= last; year++)
                {
                    DrawCell(plot, byKey.GetValueOrDefault((block[r], year)), year, -r, labelSize);
                }
            }

            plot.Axes.SetLimits(first - 0.5, last + 0.5, -rows + 0.5, 0.5);
            plot.Axes.Left.TickGenerator = ChartTicks.Labels(block.Select((s, r) => ((double)-r, s)));
            plot.Axes.Bottom.TickGenerator = ChartTicks.Years(first, last, (cell.Width - padding.Horizontal) / Math.Max(1, last - first + 1));
        }

        return frame.Figure;
    }

    private static void DrawCell(Plot plot, StateCompletenessCell? cell, int year, double y, float labelSize)
    {
        var kind = cell?.Kind ?? StateCellKind.NotReported;
        var rect = plot.Add.Rectangle(year - 0.5, year + 0.5, y - 0.5, y + 0.5);
        rect.LineWidth = 0.5f;
        rect.LineColor = kind == StateCellKind.NotReported ? NotReportedLine : Colors.White;
        rect.FillColor = kind switch
        {
            StateCellKind.Share => ClassColor(cell!.ShareClass ?? 0),
            StateCellKind.NoCases => NoCasesFill,
            StateCellKind.Withheld => ChartStyle.Suppressed,
            _ => Colors.White,
        };
        if (kind == StateCellKind.Withheld)
        {
            ChartStyle.Text(plot, Marks.Withheld, year, y, labelSize * 0.9f, Alignment.MiddleCenter, Colors.White);
        }
    }
}
