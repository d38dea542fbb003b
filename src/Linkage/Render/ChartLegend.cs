using ScottPlot;

namespace Linkage.Render;

/// <summary>Draws a legend as a frameless ScottPlot plot holding only a <see cref="Legend"/> with manual items.</summary>
internal static class ChartLegend
{
    /// <summary>Adds the legend to the figure inside <paramref name="rect"/>.</summary>
    public static void Add(ChartFigure figure, PixelRect rect, IReadOnlyList<LegendEntry> entries, Orientation orientation, Alignment alignment, float fontSize = ChartStyle.LabelSize)
    {
        var plot = figure.Add(rect);
        plot.Layout.Frameless();
        plot.HideGrid();
        plot.FigureBackground.Color = Colors.Transparent;
        plot.DataBackground.Color = Colors.Transparent;
        var legend = plot.Legend;
        legend.IsVisible = true;
        legend.Orientation = orientation;
        legend.Alignment = alignment;
        legend.FontSize = fontSize;
        legend.TightHorizontalWrapping = true;
        legend.FontColor = ChartStyle.Ink;
        legend.OutlineWidth = 0;
        legend.OutlineColor = Colors.Transparent;
        legend.BackgroundColor = Colors.Transparent;
        legend.ShadowColor = Colors.Transparent;
        legend.Margin = new PixelPadding(0);
        legend.Padding = new PixelPadding(2);
        legend.SymbolWidth = 14;
        legend.SymbolHeight = 9;
        legend.InterItemPadding = new PixelPadding(2, 8, 2, 2);
        legend.ManualItems = [.. entries.Select(Item)];
    }

    private static LegendItem Item(LegendEntry entry)
    {
        var item = new LegendItem { LabelText = entry.Label };
        switch (entry.Symbol)
        {
            case LegendSymbol.Box:
                item.FillColor = entry.Color;
                item.OutlineColor = entry.Color;
                break;
            case LegendSymbol.OutlinedBox:
                item.FillColor = Colors.White;
                item.OutlineColor = entry.Color;
                item.OutlineWidth = 1;
                break;
            case LegendSymbol.Band:
                item.FillColor = entry.Color.WithAlpha(0.25);
                break;
            case LegendSymbol.Line:
                item.LineColor = entry.Color;
                item.LineWidth = 1.5f;
                item.MarkerShape = MarkerShape.FilledCircle;
                item.MarkerFillColor = entry.Color;
                item.MarkerLineColor = entry.Color;
                item.MarkerSize = 4;
                break;
            case LegendSymbol.Circle or LegendSymbol.Square:
                item.MarkerShape = entry.Symbol == LegendSymbol.Circle ? MarkerShape.FilledCircle : MarkerShape.FilledSquare;
                item.MarkerFillColor = entry.Color;
                item.MarkerLineColor = entry.Color;
                item.MarkerSize = 6;
                item.LineColor = entry.Color;
                item.LineWidth = 1;
                break;
        }

        return item;
    }
}
