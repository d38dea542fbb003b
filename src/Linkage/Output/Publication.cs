using System.Text;

using Linkage.Analyse;
using Linkage.Localisation;
using Linkage.Reconcile;
using Linkage.Render;
using Linkage.Report;
using Linkage.Suggest;

namespace Linkage.Output;

/// <summary>One output file as bytes, by its path under the output folder (<c>publish/charts/trend-apc-children.png</c>).</summary>
/// <param name="Path">The path under the output folder, with '/' separators.</param>
/// <param name="Bytes">The file's content.</param>
public sealed record OutputFile(string Path, byte[] Bytes);

/// <summary>What the render stage draws from: the statistics that passed the audit, the run's files, and the user's choices.</summary>
/// <param name="Statistics">The protected statistics (<see cref="StatisticsResult.MayPublish"/> true).</param>
/// <param name="Pipeline">Files, row accounting, rejects and conflicts.</param>
/// <param name="AsOf">The <c>--as-of</c> date, if given (never the wall clock: the outputs must not change between runs).</param>
public sealed record PublicationInput(StatisticsResult Statistics, PipelineResult Pipeline, DateOnly? AsOf)
{
    /// <summary>The language of the charts and the report (<c>--lang</c>).</summary>
    public Language Language { get; init; } = Language.En;

    /// <summary>True when the regions come from the built-in UN M49 map (their names are then shown in <see cref="Language"/>).</summary>
    public bool DefaultRegionMap { get; init; } = true;

    /// <summary>Label suggestions that <c>--accept-suggestions</c> applied.</summary>
    public IReadOnlyList<MappingReviewRow> AppliedSuggestions { get; init; } = [];

    /// <summary>The <c>--accept-suggestions</c> confidence, when given.</summary>
    public double? SuggestionThreshold { get; init; }

    /// <summary>Told what is being rendered, for a progress line.</summary>
    public Action<string>? Progress { get; init; }
}

/// <summary>
/// The render stage: every output file as bytes (<see cref="Internal"/>, <see cref="Render"/>, <see cref="Manifest"/>).
/// <see cref="Render"/> gives the files of <c>publish/</c> — the regional table, its SDMX form, the trend summary,
/// each chart's 16 × 9 cm PNG, full-width PNG and SVG, the HTML and Markdown report and the Word annex — in the order
/// they are written. Writes nothing: <see cref="OutputFolder"/> commits the bytes.
/// </summary>
public static class Publication
{
    /// <summary>Renders the publication.</summary>
    public static IReadOnlyList<OutputFile> Render(PublicationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var stats = input.Statistics;
        var files = new List<OutputFile>
        {
            new("publish/regional-trends.csv", Bytes(s => PublishCsv.WriteRegionalTrends(s, stats.Regional))),
            new("publish/regional-trends.sdmx.csv", Bytes(s => PublishSdmx.Write(s, stats.Regional, input.DefaultRegionMap))),
            new("publish/trend-summary.csv", Bytes(s => PublishCsv.WriteTrendSummary(s, stats.Trends))),
        };

        ChartRenderer.EnsureFont();
        var states = stats.States;

        // The publications the figures come from (a profile's or config's "source"), when files that gave figures name one.
        IReadOnlyList<string> sources = [.. input.Pipeline.Files.Where(f => f.RowsAccepted > 0 && !string.IsNullOrWhiteSpace(f.Source)).Select(f => f.Source!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        var report = new ReportInput(stats, input.Pipeline, states, [], input.AsOf)
        {
            AppliedSuggestions = input.AppliedSuggestions,
            SuggestionThreshold = input.SuggestionThreshold,
            Language = input.Language,
            DefaultRegionMap = input.DefaultRegionMap,
            Sources = sources,
        };
        List<Chart> charts = [.. stats.Regional.Select(r => r.Measure).Distinct().Order().SelectMany(measure => ChartBuilder.Build(report.ChartInput(measure)))];
        input.Progress?.Invoke($"rendering {charts.Count} charts…");
        var rendered = ChartRenderer.RenderAll(charts);
        var reportCharts = new List<ReportChart>();
        for (var i = 0; i < charts.Count; i++)
        {
            var chart = charts[i];
            foreach (var file in rendered[i])
            {
                files.Add(new("publish/charts/" + file.FileName, file.Bytes));
                if (file.FileName == chart.Name + ".png")
                {
                    reportCharts.Add(new ReportChart(chart.Caption, "charts/" + file.FileName, file.Bytes) { SourceNote = chart.SourceNote });
                }
            }
        }

        var blocks = ReportBuilder.Build(report with { Charts = reportCharts });
        var utf8 = new UTF8Encoding(false);
        files.Add(new("publish/report.html", utf8.GetBytes(HtmlReport.Write(blocks, input.Language.Code()))));
        files.Add(new("publish/report.md", utf8.GetBytes(MarkdownReport.Write(blocks))));
        files.Add(new("publish/annex.docx", WordAnnex.Write(ReportBuilder.Annex(blocks), AnnexText.For(input.Language))));
        return files;
    }

    /// <summary>
    /// The files of <c>internal/</c> as bytes: the observations (not when a file had personal-data columns: its rows
    /// were never read), the rejects, the set-aside rows and the mapping review.
    /// </summary>
    public static IReadOnlyList<OutputFile> Internal(PipelineResult pipeline, IReadOnlyList<MappingReviewRow> review, IReadOnlyList<MappingReviewRow> applied)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var files = new List<OutputFile>();
        if (!pipeline.HasPersonalData)
        {
            files.Add(new("internal/observations.csv", Bytes(s => CsvTables.WriteObservations(s, pipeline.Observations))));
        }

        files.Add(new("internal/rejects.csv", Bytes(s => CsvTables.WriteRejects(s, pipeline.Files))));
        files.Add(new("internal/set-aside.csv", Bytes(s => CsvTables.WriteSetAside(s, pipeline.Files))));
        files.Add(new("internal/mapping-review.csv", Bytes(s => CsvTables.WriteMappingReview(s, review, [.. applied]))));
        return files;
    }

    /// <summary>The body of <c>manifest.json</c>, written last: it lists every other output.</summary>
    public static OutputFile Manifest(ManifestData data) => new("manifest.json", Bytes(s => Output.Manifest.Write(s, data)));

    private static byte[] Bytes(Action<Stream> write)
    {
        using var stream = new MemoryStream();
        write(stream);
        return stream.ToArray();
    }
}
