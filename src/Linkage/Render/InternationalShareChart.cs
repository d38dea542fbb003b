using Linkage.Localisation;

using ScottPlot;

namespace Linkage.Render;

/// <summary>
/// Chart 2: the international share of trafficked cases per year, one panel per region, as a line with its 95 % Wilson
/// band. The line breaks where a share is withheld (marked "c") or cannot be computed; a lone year is a point with
/// its interval as an error bar. All panels share the 0–100 % scale.
/// </summary>
internal static class InternationalShareChart
{
    private const string Indicator = "international_share";

    /// <summary>The legend entries, in order.</summary>
    public static IReadOnlyList<LegendEntry> Legend(TextCatalogue strings) =>
    [
        new(strings["chart.share.line"], LegendSymbol.Line, ChartStyle.Blue),
        new(strings["chart.share.band"], LegendSymbol.Band, ChartStyle.Blue),
        new(strings["chart.legend.suppressed-mark"], LegendSymbol.None, ChartStyle.Muted),
    ];

    /// <summary>Builds the figure for <paramref name="size"/>: frame, the share panels.</summary>
    public static ChartFigure Compose(ChartSize size, ChartTexts texts, RegionalTable table)
    {
        var frame = ChartFrame.Create(size, texts);
        if (table.Regions.Count == 0)
        {
            return frame.NoData();
        }

        var layout = SmallMultiples.Layout(frame, table.Regions, texts.Strings["chart.axis.year"], texts.Strings["chart.share.axis"], 36, osceOwnScale: false);
        for (var i = 0; i < table.Regions.Count; i++)
        {
            var region = table.Regions[i];
            var plot = frame.Figure.Add(layout.Panels[i].Rect);
            layout.Style(plot, i);
            var run = new List<(int Year, double Share, double Low, double High)>();
            foreach (var year in table.Years)
            {
                var row = table.Get(region, year, Indicator);
                if (row is { Value: { } v, Interval: { } ci })
                {
                    run.Add((year, 100 * v, 100 * ci.Low, 100 * ci.High));
                    continue;
                }

                DrawRun(plot, run);
                run.Clear();
                if (row?.Withheld == true)
                {
                    ChartStyle.Text(plot, Marks.Withheld, year, 0, ChartStyle.MarkerSize, Alignment.LowerCenter, ChartStyle.Muted).OffsetY = -2;
                }
            }

            DrawRun(plot, run);
            if (!plot.GetPlottables().Any())
            {
                // Every year's share has a zero or missing denominator, or no State recorded the linkage at all (m):
                // say which rather than leave a blank panel.
                var notRecorded = table.Years.All(y => table.Get(region, y, Indicator) is null or { Status: "m" });
                var note = ChartStyle.Text(plot, texts.Strings[notRecorded ? "chart.share.not-recorded" : "chart.share.not-computable"], (table.FirstYear + table.LastYear) / 2.0, 50, ChartStyle.TickSize, Alignment.MiddleCenter, ChartStyle.Muted);
                note.LabelBackgroundColor = Colors.White;
                note.LabelPadding = 2;
            }

            plot.Axes.SetLimits(table.FirstYear - 0.5, table.LastYear + 0.5, 0, 100);
            plot.Axes.Bottom.TickGenerator = ChartTicks.Years(table.FirstYear, table.LastYear, layout.DataWidth / Math.Max(1, table.LastYear - table.FirstYear + 1));
            plot.Axes.Left.TickGenerator = ChartTicks.Percent(texts.Numbers);
        }

        ChartLegend.Add(frame.Figure, layout.Legend, Legend(texts.Strings), Orientation.Vertical, Alignment.UpperLeft, ChartStyle.TickSize);
        return frame.Figure;
    }

    /// <summary>Draws consecutive published years as a band and a line; a single year as a point with an error bar.</summary>
    private static void DrawRun(Plot plot, List<(int Year, double Share, double Low, double High)> run)
    {
        if (run.Count == 0)
        {
            return;
        }

        double[] xs = [.. run.Select(p => (double)p.Year)];
        if (run.Count == 1)
        {
            var bar = plot.Add.ErrorBar(xs, [run[0].Share], [run[0].High - run[0].Share]);
            bar.YErrorNegative = [run[0].Share - run[0].Low];
            bar.Color = ChartStyle.Blue.WithAlpha(0.6);
            bar.CapSize = 3;
        }
        else
        {
            var band = plot.Add.FillY(xs, [.. run.Select(p => p.Low)], [.. run.Select(p => p.High)]);
            band.FillColor = ChartStyle.Blue.WithAlpha(0.2);
            band.LineWidth = 0;
        }

        var line = plot.Add.ScatterLine(xs, [.. run.Select(p => p.Share)], ChartStyle.Blue);
        line.LineWidth = 1.5f;
        line.MarkerShape = MarkerShape.FilledCircle;
        line.MarkerSize = 3;
    }
}
