using Linkage.Aggregate;
using Linkage.Analyse;
using Linkage.Localisation;
using Linkage.Model;

using ScottPlot;

namespace Linkage.Render;

/// <summary>
/// Chart 4: the annual percent change of each region's total with its 95 % interval, all reporting States and the
/// consistent panel side by side (dodged), around a zero line. A trend that is withheld ("c") or has fewer than five
/// years ("n&lt;5") is a labelled gap, never a point at zero.
/// </summary>
internal static class TrendApcChart
{
    private const double Dodge = 0.18;

    private static readonly (string Panel, string Label, Color Color, MarkerShape Shape, double Offset)[] Panels =
    [
        ("all", "chart.trend.all", ChartStyle.Blue, MarkerShape.FilledCircle, Dodge),
        ("consistent", "chart.trend.panel", ChartStyle.Vermillion, MarkerShape.FilledSquare, -Dodge),
    ];

    /// <summary>The legend entries, in order.</summary>
    public static IReadOnlyList<LegendEntry> Legend(TextCatalogue strings) =>
    [
        new(strings[Panels[0].Label], LegendSymbol.Circle, Panels[0].Color),
        new(strings[Panels[1].Label], LegendSymbol.Square, Panels[1].Color),
        new(strings["chart.legend.suppressed-mark"], LegendSymbol.None, ChartStyle.Muted),
        new(strings["chart.trend.few-years"], LegendSymbol.None, ChartStyle.Muted),
    ];

    /// <summary>Builds the figure for <paramref name="size"/>: frame, the APC panel and its legend.</summary>
    public static ChartFigure Compose(ChartSize size, ChartTexts texts, IReadOnlyList<TrendRow> trends, Measure measure)
    {
        var frame = ChartFrame.Create(size, texts);
        var body = frame.Body;
        var rows = trends.Where(t => t.Measure == measure && t.Series == Series.Total).ToList();
        var regions = rows.Select(t => t.Region).Distinct().Order(Aggregator.RegionOrder).ToList();
        if (regions.Count == 0)
        {
            return frame.NoData();
        }

        ChartLegend.Add(frame.Figure, new PixelRect(body.Left, body.Right, body.Bottom, body.Bottom - 16), Legend(texts.Strings), Orientation.Horizontal, Alignment.UpperCenter);

        var names = regions.Select(texts.Regions.Show).ToList();
        var labelWidth = names.Select(r => ChartStyle.TextWidth(r, ChartStyle.TickSize)).DefaultIfEmpty(0).Max();
        var plot = frame.Figure.Add(new PixelRect(body.Left, body.Right, body.Bottom - 20, body.Top));
        ChartStyle.Panel(plot, new PixelPadding(labelWidth + 8, 12, 30, 4));
        plot.Axes.Bottom.Label.Text = texts.Strings["chart.trend.axis"];
        plot.Grid.YAxisStyle.IsVisible = false;
        plot.Grid.XAxisStyle.IsVisible = true;
        plot.Grid.XAxisStyle.MajorLineStyle.Color = ChartStyle.GridLine;
        plot.Grid.XAxisStyle.MajorLineStyle.Width = 0.75f;
        plot.Add.VerticalLine(0, 1, ChartStyle.Ink);

        var (low, high) = (0.0, 0.0);
        for (var i = 0; i < regions.Count; i++)
        {
            var y = regions.Count - 1 - i;
            foreach (var (panel, _, color, shape, offset) in Panels)
            {
                var row = rows.FirstOrDefault(t => t.Region == regions[i] && t.Panel == panel);
                if (row?.Apc is { } apc)
                {
                    var bar = new ScottPlot.Plottables.ErrorBar([apc.Apc], [y + offset], [apc.ApcHigh - apc.Apc], [apc.Apc - apc.ApcLow], null, null)
                    {
                        Color = color,
                        LineWidth = 1.25f,
                        CapSize = 2.5f,
                    };
                    plot.Add.Plottable(bar);
                    plot.Add.Marker(apc.Apc, y + offset, shape, 6, color);
                    (low, high) = (Math.Min(low, apc.ApcLow), Math.Max(high, apc.ApcHigh));
                }
                else
                {
                    var gap = row is null ? texts.Strings["chart.trend.none"]
                        : row.Withheld ? Marks.Withheld
                        : row.Status == "insufficient" ? Marks.FewYears
                        : texts.Strings["chart.trend.not-available"];
                    // In the colour of its panel, so a reader can tell which of the two dodged rows is missing.
                    var marker = ChartStyle.Text(plot, gap, 0, y + offset, ChartStyle.TickSize, Alignment.MiddleLeft, color);
                    marker.OffsetX = 4;
                }
            }
        }

        // Room on the right of zero for the gap labels, and a margin around the intervals.
        var span = Math.Max(4, high - low);
        plot.Axes.SetLimits(low - (0.06 * span), Math.Max(high, 0.15 * span) + (0.06 * span), -0.6, regions.Count - 0.4);
        plot.Axes.Bottom.TickGenerator = ChartTicks.PercentChange(texts.Numbers);
        plot.Axes.Left.TickGenerator = ChartTicks.Labels(names.Select((r, i) => ((double)(regions.Count - 1 - i), r)));
        plot.Axes.Left.MajorTickStyle.Length = 0;
        return frame.Figure;
    }
}
