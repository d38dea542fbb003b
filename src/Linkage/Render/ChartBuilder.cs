using System.Globalization;

using Linkage.Model;

namespace Linkage.Render;

/// <summary>Builds the four Winter Meeting charts of one measure from disclosure-controlled values only.</summary>
public static class ChartBuilder
{
    /// <summary>
    /// The charts <c>linkage-by-region-</c>, <c>international-share-</c>, <c>completeness-heatmap-</c> and
    /// <c>trend-apc-</c> followed by the measure code, in that order.
    /// </summary>
    public static IReadOnlyList<Chart> Build(ChartInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var code = Codes.Of(input.Measure);
        var table = new RegionalTable(input.Regional, input.Measure);
        var cells = input.States.Where(c => c.Measure == input.Measure).ToList();
        var noun = input.Measure == Measure.Children ? "Children" : "Investigations";
        var subtitle = table.Years.Count == 0 ? $"{noun}, no data"
            : table.FirstYear == table.LastYear ? string.Create(CultureInfo.InvariantCulture, $"{noun}, {table.FirstYear}")
            : string.Create(CultureInfo.InvariantCulture, $"{noun}, {table.FirstYear}–{table.LastYear}");
        var note = SourceNote(input, table, cells);
        ChartTexts Texts(string title) => new(title, subtitle, note, $"{noun} (count)");

        return
        [
            Make($"linkage-by-region-{code}", Texts("Trafficking linkage by region and year"), RegionBarsChart.Legend(),
                (size, t) => RegionBarsChart.Compose(size, t, table)),
            Make($"international-share-{code}", Texts("International share of trafficking by region"), InternationalShareChart.Legend(),
                (size, t) => InternationalShareChart.Compose(size, t, table)),
            Make($"completeness-heatmap-{code}", Texts("Completeness of linkage recording by State") with { SourceNote = note + string.Create(CultureInfo.InvariantCulture, $" State shares shown for totals of {StateCompleteness.MinTotal(input.MinCell)} or more.") }, CompletenessHeatmapChart.Legend(),
                (size, t) => CompletenessHeatmapChart.Compose(size, t, cells)),
            Make($"trend-apc-{code}", Texts("Trend in the total: annual percent change by region"), TrendApcChart.Legend(),
                (size, t) => TrendApcChart.Compose(size, t, input.Trends, input.Measure)),
        ];
    }

    /// <summary>
    /// "Source: paragraph-23 submissions of N reporting States. Data as of YYYY-MM-DD. Suppressed: fewer than k (c)."
    /// N counts the States with a submission for the measure; the date appears only when one was given.
    /// </summary>
    internal static string SourceNote(ChartInput input, RegionalTable table, IReadOnlyList<StateCompletenessCell> cells)
    {
        var states = cells.Count > 0
            ? cells.Select(c => c.State).Distinct(StringComparer.Ordinal).Count()
            : table.Years.Select(y => table.Get("OSCE", y, "total")?.StatesReporting ?? 0).DefaultIfEmpty(0).Max();
        var asOf = input.AsOf is { } date ? $" Data as of {date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}." : string.Empty;
        var noun = states == 1 ? "State" : "States";
        return string.Create(CultureInfo.InvariantCulture, $"Source: paragraph-23 submissions of {states} reporting {noun}.{asOf} Suppressed: fewer than {input.MinCell} (c).");
    }

    private static Chart Make(string name, ChartTexts texts, IReadOnlyList<LegendEntry> legend, Func<ChartSize, ChartTexts, ChartFigure> compose) =>
        new(name, texts.Title, texts.Subtitle, texts.SourceNote, [.. legend.Select(e => e.Label)], size => compose(size, texts));
}
