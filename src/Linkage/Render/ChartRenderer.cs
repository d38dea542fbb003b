using ScottPlot;

using SkiaSharp;

namespace Linkage.Render;

/// <summary>
/// Renders a chart to bytes: a 16 × 9 cm PNG, a full-width 25.7 × 14.5 cm PNG (the text width of A4 landscape), both
/// at 300 dpi, and a 16 × 9 cm SVG. Writes no files; the caller does. The same chart gives byte-identical files.
/// </summary>
public static class ChartRenderer
{
    /// <summary>Resolution of the PNG files.</summary>
    public const int Dpi = 300;

    private static readonly ChartSize Standard = ChartSize.FromCentimetres(16, 9);
    private static readonly ChartSize FullWidth = ChartSize.FromCentimetres(25.7, 14.5);

    /// <summary>
    /// Registers the chart font from a file: DejaVu Sans (or Liberation Sans, Arial, Segoe UI) searched recursively
    /// under <paramref name="fontFolders"/> (default: <c>/usr/share/fonts</c>, or the Windows font folder). Throws
    /// <see cref="ChartFontException"/> naming the folders and the fix when no usable font file is found.
    /// </summary>
    public static void EnsureFont(IReadOnlyList<string>? fontFolders = null) => ChartFonts.Ensure(fontFolders);

    /// <summary>Renders <c>name.png</c>, <c>name-full.png</c> and <c>name.svg</c> (for many charts, <see cref="RenderAll"/>).</summary>
    public static IReadOnlyList<RenderedFile> Render(Chart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        EnsureFont();
        return
        [
            new RenderedFile(chart.Name + ".png", Png(chart.Compose, Standard)),
            new RenderedFile(chart.Name + "-full.png", Png(chart.Compose, FullWidth)),
            new RenderedFile(chart.Name + ".svg", Svg(chart.Compose(Standard))),
        ];
    }

    /// <summary>
    /// Renders every chart's three files, on all cores: each file is drawn on a surface of its own from a figure of
    /// its own, so the files are byte-identical to <see cref="Render"/>'s. The result is in the charts' order, each
    /// chart's files in <see cref="Render"/>'s order.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<RenderedFile>> RenderAll(IReadOnlyList<Chart> charts)
    {
        ArgumentNullException.ThrowIfNull(charts);
        EnsureFont();
        var files = new RenderedFile[charts.Count * 3];

        // The large heat maps first, so that the last file to finish is a small one.
        var order = Enumerable.Range(0, files.Length).OrderBy(i => i % 3 == 2 ? 1 : 0).ToArray();
        Parallel.ForEach(order, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var chart = charts[i / 3];
            files[i] = (i % 3) switch
            {
                0 => new RenderedFile(chart.Name + ".png", Png(chart.Compose, Standard)),
                1 => new RenderedFile(chart.Name + "-full.png", Png(chart.Compose, FullWidth)),
                _ => new RenderedFile(chart.Name + ".svg", Svg(chart.Compose(Standard))),
            };
        });

        return [.. Enumerable.Range(0, charts.Count).Select(c => (IReadOnlyList<RenderedFile>)[files[3 * c], files[(3 * c) + 1], files[(3 * c) + 2]])];
    }

    /// <summary>The pixel count of a length in CSS pixels at <see cref="Dpi"/>.</summary>
    internal static int Pixels(float css) => (int)Math.Round(css * Dpi / ChartSize.CssDpi);

    private static byte[] Png(Func<ChartSize, ChartFigure> compose, ChartSize size)
    {
        var (width, height) = (Pixels(size.Width), Pixels(size.Height));
        var scale = Dpi / ChartSize.CssDpi;

        // Build for the exact CSS size the pixels cover, so nothing is cut off or left unpainted by rounding.
        var figure = compose(new ChartSize(width / scale, height / scale));
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        surface.Canvas.Clear(SKColors.White);
        Draw(figure, surface.Canvas, scale);
        // Lossless either way; the Sub filter alone (not all five tried per row) encodes these flat-colour charts in
        // under half the time for files about a fifth larger (measured on GLOTIP's 16 PNGs: 1.46 s → 0.67 s).
        using var pixels = surface.PeekPixels();
        using var png = pixels.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.Sub, 6))
            ?? throw new InvalidOperationException("The chart could not be encoded as PNG.");
        return PngDensity.WithDpi(png.ToArray(), Dpi);
    }

    private static byte[] Svg(ChartFigure figure)
    {
        using var stream = new MemoryStream();
        using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, figure.Size.Width, figure.Size.Height), stream))
        {
            using var white = new SKPaint { Color = SKColors.White };
            canvas.DrawRect(0, 0, figure.Size.Width, figure.Size.Height, white);
            Draw(figure, canvas, 1);
        }

        return SvgIds.Renumber(stream.ToArray());
    }

    /// <summary>
    /// Draws each plot into its rectangle. ScottPlot's own multi-plot rendering is not used: it clears the canvas (an
    /// SVG then starts with a black rectangle) and its scale factor compounds from one subplot to the next.
    /// </summary>
    private static void Draw(ChartFigure figure, SKCanvas canvas, float scale)
    {
        foreach (var (plot, rect) in figure.Plots)
        {
            plot.RenderManager.ClearCanvasBeforeEachRender = false;
            canvas.Save();
            canvas.Scale(scale);
            plot.Render(canvas, rect);
            canvas.Restore();
        }
    }
}
