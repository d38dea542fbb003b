using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;

using Linkage.Analyse;
using Linkage.Model;
using Linkage.Pipeline;
using Linkage.Protect;
using Linkage.Reconcile;
using Linkage.Render;
using Linkage.Report;
using Linkage.Tests.Render;

using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Linkage.Tests.Report;

/// <summary>
/// The annex of the synthetic sample (57 States, 2010–2025, with suppressed cells) with its real 16 × 9 cm charts, built
/// once per test run as <c>linkage run</c> builds it, and readers for the document that do not use the writer's code.
/// </summary>
internal static class AnnexKit
{
    public static readonly DateOnly AsOf = new(2026, 1, 15);

    private static readonly Lazy<(IReadOnlyList<ReportBlock> Report, IReadOnlyList<ReportBlock> Annex, byte[] Docx)> SampleAnnex = new(() =>
    {
        var report = SampleReport(RenderCharts(RenderKit.Stats));
        var annex = ReportBuilder.Annex(report);
        return (report, annex, WordAnnex.Write(annex));
    });

    /// <summary>The whole report of the sample.</summary>
    public static IReadOnlyList<ReportBlock> FullReport => SampleAnnex.Value.Report;

    /// <summary>The annex's blocks.</summary>
    public static IReadOnlyList<ReportBlock> Annex => SampleAnnex.Value.Annex;

    /// <summary>The .docx bytes.</summary>
    public static byte[] Docx => SampleAnnex.Value.Docx;

    /// <summary>The report of the sample with the given charts.</summary>
    public static IReadOnlyList<ReportBlock> SampleReport(IReadOnlyList<ReportChart> charts)
    {
        var stats = RenderKit.Stats;
        var states = StateCompleteness.Build(stats.Aggregate.States, stats.Protection.MinCell);
        return ReportBuilder.Build(new ReportInput(stats, Empty, states, charts, AsOf));
    }

    /// <summary>A pipeline result with no files (the annex leaves the data-quality section out anyway).</summary>
    public static PipelineResult Empty { get; } = new([], [], [], 0, new Dictionary<string, long>());

    /// <summary>The 16 × 9 cm PNG of every chart of each measure, as the run command hands them to the report.</summary>
    public static List<ReportChart> RenderCharts(StatisticsResult stats)
    {
        var states = StateCompleteness.Build(stats.Aggregate.States, stats.Protection.MinCell);
        var charts = new List<ReportChart>();
        foreach (var measure in stats.Regional.Select(r => r.Measure).Distinct().Order())
        {
            foreach (var chart in ChartBuilder.Build(new ChartInput(stats.Regional, stats.Trends, states, measure, stats.Protection.MinCell, AsOf)))
            {
                var png = ChartRenderer.Render(chart).Single(f => f.FileName == chart.Name + ".png");
                charts.Add(new ReportChart($"{chart.Title}: {chart.Subtitle}", "charts/" + png.FileName, png.Bytes) { SourceNote = chart.SourceNote });
            }
        }

        return charts;
    }

    /// <summary>Opens the bytes read-only with the SDK.</summary>
    public static WordprocessingDocument Open(byte[] docx) => WordprocessingDocument.Open(new MemoryStream(docx, writable: false), false);

    /// <summary>The body of an opened document.</summary>
    public static W.Body Body(WordprocessingDocument document) =>
        document.MainDocumentPart?.Document?.Body ?? throw new AssertFailedException("the document has no body");

    /// <summary>The text a reader sees in an element (all its <c>w:t</c>, in order).</summary>
    public static string TextOf(OpenXmlElement element) => string.Concat(element.Descendants<W.Text>().Select(t => t.Text));

    /// <summary>The style id of a paragraph, or null.</summary>
    public static string? StyleOf(W.Paragraph paragraph) => paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;

    /// <summary>The field code of a paragraph's complex field (<c>w:instrText</c>), or null.</summary>
    public static string? FieldOf(W.Paragraph paragraph) =>
        paragraph.Descendants<W.FieldCode>().Select(f => f.Text).FirstOrDefault();

    /// <summary>The page text width (twips) of the Word section each body element belongs to.</summary>
    public static Dictionary<OpenXmlElement, int> TextWidths(W.Body body)
    {
        var widths = new Dictionary<OpenXmlElement, int>();
        var pending = new List<OpenXmlElement>();
        foreach (var element in body.ChildElements)
        {
            var section = element as W.SectionProperties ?? (element as W.Paragraph)?.ParagraphProperties?.SectionProperties;
            pending.Add(element);
            if (section is not null)
            {
                var size = section.GetFirstChild<W.PageSize>()!;
                var margin = section.GetFirstChild<W.PageMargin>()!;
                var width = (int)(size.Width!.Value - margin.Left!.Value - margin.Right!.Value);
                foreach (var e in pending)
                {
                    widths[e] = width;
                }

                pending.Clear();
            }
        }

        Assert.IsEmpty(pending, "every element lies in a section that has page settings");
        return widths;
    }

    /// <summary>The index of a count indicator's figure: the four categories in <see cref="Linkage.Aggregate.LinkageFigures"/> order, then the total.</summary>
    public static int CategoryIndex(string indicator) => Array.IndexOf(Linkage.Analyse.RegionalTrends.CountIndicators, indicator);
}
