using System.Globalization;

using Linkage.Localisation;
using Linkage.Model;
using Linkage.Protect;

namespace Linkage.Render;

/// <summary>Builds the four Winter Meeting charts of one measure from disclosure-controlled values only.</summary>
public static class ChartBuilder
{
    /// <summary>
    /// The charts <c>linkage-by-region-</c>, <c>international-share-</c>, <c>completeness-heatmap-</c> and
    /// <c>trend-apc-</c> followed by the measure code, in that order (the file names are the same in every language).
    /// </summary>
    public static IReadOnlyList<Chart> Build(ChartInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var strings = TextCatalogue.For(input.Language);
        var numbers = strings.Numbers;
        var regions = new RegionNames(strings, input.DefaultRegionMap);
        var code = Codes.Of(input.Measure);
        var table = new RegionalTable(input.Regional, input.Measure);
        var cells = input.States.Where(c => c.Measure == input.Measure).ToList();
        var noun = strings["measure." + code];
        var subtitle = table.Years.Count == 0 ? strings.Format("chart.subtitle.no-data", ("measure", noun))
            : table.FirstYear == table.LastYear ? strings.Format("chart.subtitle.year", ("measure", noun), ("year", numbers.Whole(table.FirstYear)))
            : strings.Format("chart.subtitle.years", ("measure", noun), ("first", numbers.Whole(table.FirstYear)), ("last", numbers.Whole(table.LastYear)));
        var note = SourceNote(input, table, cells, strings);
        ChartTexts Texts(string titleKey) => new(strings[titleKey], subtitle, note, strings.Format("chart.axis.count", ("measure", noun)), strings, regions);
        var heatmapNote = note + " " + strings.Format("chart.heatmap.note", ("total", numbers.Whole(StateCompleteness.MinTotal(input.MinCell))));

        return
        [
            Make($"linkage-by-region-{code}", Texts("chart.linkage.title"), RegionBarsChart.Legend(strings),
                (size, t) => RegionBarsChart.Compose(size, t, table)),
            Make($"international-share-{code}", Texts("chart.share.title"), InternationalShareChart.Legend(strings),
                (size, t) => InternationalShareChart.Compose(size, t, table)),
            Make($"completeness-heatmap-{code}", Texts("chart.heatmap.title") with { SourceNote = heatmapNote }, CompletenessHeatmapChart.Legend(strings),
                (size, t) => CompletenessHeatmapChart.Compose(size, t, cells)),
            Make($"trend-apc-{code}", Texts("chart.trend.title"), TrendApcChart.Legend(strings),
                (size, t) => TrendApcChart.Compose(size, t, input.Trends, input.Measure)),
        ];
    }

    /// <summary>
    /// "Source: paragraph-23 submissions of N reporting States. Data as of YYYY-MM-DD. c: suppressed (a count below k, or to protect one)."
    /// N counts the States with a submission for the measure; the date appears only when one was given. When the
    /// figures come from named publications (<see cref="ChartInput.Sources"/>), they are named instead.
    /// </summary>
    internal static string SourceNote(ChartInput input, RegionalTable table, IReadOnlyList<StateCompletenessCell> cells, TextCatalogue strings)
    {
        var states = cells.Count > 0
            ? cells.Select(c => c.State).Distinct(StringComparer.Ordinal).Count()
            : table.Years.Select(y => table.Get("OSCE", y, "total")?.StatesReporting ?? 0).DefaultIfEmpty(0).Max();
        var numbers = strings.Numbers;
        var source = input.Sources.Count > 0
            ? strings.Format(states == 1 ? "chart.source.named.one" : "chart.source.named.other", ("sources", string.Join("; ", input.Sources)), ("states", numbers.Count(states)))
            : strings.Format(states == 1 ? "chart.source.one" : "chart.source.other", ("states", numbers.Count(states)));
        var asOf = input.AsOf is { } date ? " " + strings.Format("as-of", ("date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))) : string.Empty;
        return source + asOf + " " + strings.Format("chart.source.suppressed", ("k", numbers.Whole(input.MinCell)));
    }

    private static Chart Make(string name, ChartTexts texts, IReadOnlyList<LegendEntry> legend, Func<ChartSize, ChartTexts, ChartFigure> compose) =>
        new(name, texts.Title, texts.Subtitle, texts.SourceNote, [.. legend.Select(e => e.Label)], size => compose(size, texts))
        {
            Caption = texts.Strings.Format("chart.caption", ("title", texts.Title), ("subtitle", texts.Subtitle)),
        };
}
