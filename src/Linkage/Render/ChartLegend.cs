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
        legend.FontSize = FitSize(legend, rect, entries, orientation, fontSize);
        legend.ManualItems = [.. entries.Select(Item)];
    }

    /// <summary>
    /// <paramref name="fontSize"/>, or smaller when the labels would not fit <paramref name="rect"/>: the widest
    /// label of a vertical legend, or all labels of a horizontal one on a single line. Labels that fit (the English
    /// ones) keep the house size; longer translations are set smaller rather than cut off.
    /// </summary>
    private static float FitSize(Legend legend, PixelRect rect, IReadOnlyList<LegendEntry> entries, Orientation orientation, float fontSize)
    {
        // As ScottPlot lays a legend out: each item is its symbol, the symbol padding and its label; items in a row are
        // separated by the inter-item padding; the whole sits inside the padding and margin.
        var room = rect.Width - legend.Padding.Horizontal - legend.Margin.Horizontal;
        var item = legend.SymbolWidth + legend.SymbolPadding;
        var widths = entries.Select(e => ChartStyle.TextWidth(e.Label, fontSize)).ToList();
        var (text, left) = orientation == Orientation.Vertical
            ? (widths.DefaultIfEmpty(0).Max(), room - item)
            : (widths.Sum(), room - (item * entries.Count) - (legend.InterItemPadding.Right * Math.Max(0, entries.Count - 1)));
        return text <= left ? fontSize : fontSize * Math.Max(0, left) / text;
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
