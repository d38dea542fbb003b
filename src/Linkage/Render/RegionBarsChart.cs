using Linkage.Localisation;

using ScottPlot;

namespace Linkage.Render;

/// <summary>
/// Chart 1: stacked bars of the four linkage categories per year, one panel per region. Regions share one y scale so
/// their bars compare; the OSCE total is kept as its own panel on its own scale, because it is the figure a meeting
/// paper quotes first and, on the regions' scale, it would not fit (on its scale, the regions would vanish).
/// A withheld count is never drawn as a zero-height bar: the year gets a "c", and when the total is published the
/// withheld categories together are drawn as a grey part of their combined height (which the total already reveals).
/// </summary>
internal static class RegionBarsChart
{
    private static readonly Color SuppressedPart = Color.FromHex("#C9C9C9");

    private static readonly (string Indicator, string Label, Color Color)[] Categories =
    [
        ("internal", "chart.linkage.internal", ChartStyle.Orange),
        ("international", "chart.linkage.international", ChartStyle.Blue),
        ("not_trafficked", "chart.linkage.not-trafficked", ChartStyle.Green),
        ("unknown", "chart.linkage.unknown", ChartStyle.Purple),
    ];

    /// <summary>The legend entries, in order (short: the legend sits in one grid cell).</summary>
    public static IReadOnlyList<LegendEntry> Legend(TextCatalogue strings) =>
    [
        .. Categories.Select(c => new LegendEntry(strings[c.Label], LegendSymbol.Box, c.Color)),
        new(strings["chart.linkage.suppressed-part"], LegendSymbol.Box, SuppressedPart),
        new(strings["chart.legend.suppressed-mark"], LegendSymbol.None, ChartStyle.Muted),
    ];

    /// <summary>Builds the figure for <paramref name="size"/>: frame, the stacked-bar panels.</summary>
    public static ChartFigure Compose(ChartSize size, ChartTexts texts, RegionalTable table)
    {
        var frame = ChartFrame.Create(size, texts);
        if (table.Regions.Count == 0)
        {
            return frame.NoData();
        }

        var layout = SmallMultiples.Layout(frame, table.Regions, texts.Strings["chart.axis.year"], texts.ValueLabel, 28, osceOwnScale: true);
        var stacks = table.Regions.ToDictionary(r => r, r => table.Years.Select(y => Stack(table, r, y)).ToList());
        var sharedTop = Top(stacks.Where(s => !RegionalTable.IsOsce(s.Key)).SelectMany(s => s.Value));
        for (var i = 0; i < table.Regions.Count; i++)
        {
            var region = table.Regions[i];
            var plot = frame.Figure.Add(layout.Panels[i].Rect);
            layout.Style(plot, i);
            var bars = new List<Bar>();
            foreach (var stack in stacks[region])
            {
                bars.AddRange(stack.Bars);
                if (stack.Withheld)
                {
                    ChartStyle.Text(plot, Marks.Withheld, stack.Year, stack.Height, ChartStyle.MarkerSize, Alignment.LowerCenter, ChartStyle.Muted).OffsetY = -1;
                }
            }

            plot.Add.Bars(bars);
            var top = RegionalTable.IsOsce(region) ? Top(stacks[region]) : sharedTop;
            plot.Axes.SetLimits(table.FirstYear - 0.5, table.LastYear + 0.5, 0, top);
            plot.Axes.Bottom.TickGenerator = ChartTicks.Years(table.FirstYear, table.LastYear, layout.DataWidth / Math.Max(1, table.LastYear - table.FirstYear + 1));
            plot.Axes.Left.TickGenerator = ChartTicks.Counts();
        }

        ChartLegend.Add(frame.Figure, layout.Legend, Legend(texts.Strings), Orientation.Vertical, Alignment.UpperLeft, ChartStyle.TickSize);
        return frame.Figure;
    }

    /// <summary>The y-axis top: the highest stack plus room for its "c" marker; 10 for an empty chart.</summary>
    private static double Top(IEnumerable<YearStack> stacks) => Math.Max(10, stacks.Select(s => s.Height).DefaultIfEmpty(0).Max() * 1.12);

    private static YearStack Stack(RegionalTable table, string region, int year)
    {
        var bars = new List<Bar>();
        var height = 0.0;
        var withheld = false;
        foreach (var (indicator, _, color) in Categories)
        {
            var row = table.Get(region, year, indicator);
            withheld |= row?.Withheld == true;
            if (row?.Value is { } value && value > 0)
            {
                bars.Add(Segment(year, height, height + value, color));
                height += value;
            }
        }

        var total = table.Get(region, year, "total");
        withheld |= total?.Withheld == true;
        if (withheld && total?.Value is { } t && t > height)
        {
            // The total is published: what the withheld categories add up to is no secret, and the bar keeps its height.
            bars.Add(Segment(year, height, t, SuppressedPart));
            height = t;
        }

        return new YearStack(year, bars, height, withheld);
    }

    private static Bar Segment(int year, double from, double to, Color color) =>
        new() { Position = year, ValueBase = from, Value = to, FillColor = color, LineWidth = 0, Size = 0.78 };

    private sealed record YearStack(int Year, IReadOnlyList<Bar> Bars, double Height, bool Withheld);
}
