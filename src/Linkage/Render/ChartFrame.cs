using ScottPlot;

namespace Linkage.Render;

/// <summary>
/// The frame every chart shares: title and subtitle at the top left, the source note at the bottom left, and between
/// them the body, where a chart places its panels and legend. The frame is one frameless plot over the whole figure
/// whose coordinates are CSS pixels from the top-left corner.
/// </summary>
internal sealed class ChartFrame
{
    private ChartFrame(ChartFigure figure, Plot canvas, PixelRect body, ChartTexts texts)
    {
        Figure = figure;
        Canvas = canvas;
        Body = body;
        Texts = texts;
    }

    /// <summary>The figure being built.</summary>
    public ChartFigure Figure { get; }

    /// <summary>The frame plot: CSS-pixel coordinates, y growing downwards; for texts placed anywhere on the figure.</summary>
    public Plot Canvas { get; }

    /// <summary>The area left for panels and legend.</summary>
    public PixelRect Body { get; }

    /// <summary>The chart's texts, in its language.</summary>
    public ChartTexts Texts { get; }

    /// <summary>Draws the title, subtitle and source note and returns the frame.</summary>
    public static ChartFrame Create(ChartSize size, ChartTexts texts)
    {
        // Every label takes the default font when it is created, so the font must be registered before any plot is.
        ChartFonts.Ensure(null);
        var figure = new ChartFigure(size);
        var canvas = figure.Add(new PixelRect(0, size.Width, size.Height, 0));
        canvas.Layout.Frameless();
        canvas.HideGrid();
        canvas.FigureBackground.Color = Colors.White;
        canvas.DataBackground.Color = Colors.White;
        canvas.Axes.SetLimits(0, size.Width, size.Height, 0);

        // Each line stays whole on one line (a test and a reader both find it whole): a text longer than the width, as
        // a German or Russian title can be, is set smaller; one that fits keeps its size.
        var m = ChartStyle.Margin;
        var room = size.Width - (2 * m);
        ChartStyle.Text(canvas, texts.Title, m, m, ChartStyle.FitSize(texts.Title, ChartStyle.TitleSize, room, bold: true), Alignment.UpperLeft, bold: true);
        var subtitleTop = m + (ChartStyle.TitleSize * 1.35f);
        ChartStyle.Text(canvas, texts.Subtitle, m, subtitleTop, ChartStyle.FitSize(texts.Subtitle, ChartStyle.SubtitleSize, room), Alignment.UpperLeft, ChartStyle.Muted);

        var noteSize = ChartStyle.FitSize(texts.SourceNote, ChartStyle.NoteSize, room);
        ChartStyle.Text(canvas, texts.SourceNote, m, size.Height - m, noteSize, Alignment.LowerLeft, ChartStyle.Muted);

        var top = subtitleTop + (ChartStyle.SubtitleSize * 1.3f) + 6;
        var bottom = size.Height - m - (noteSize * 1.3f) - 6;
        return new ChartFrame(figure, canvas, new PixelRect(m, size.Width - m, bottom, top), texts);
    }

    /// <summary>Says in the body that there is nothing to draw, and returns the figure.</summary>
    public ChartFigure NoData()
    {
        var text = Texts.Strings["chart.no-data"];
        ChartStyle.Text(Canvas, text, (Body.Left + Body.Right) / 2, (Body.Top + Body.Bottom) / 2, ChartStyle.FitSize(text, ChartStyle.SubtitleSize, Body.Width), Alignment.MiddleCenter, ChartStyle.Muted);
        return Figure;
    }

    /// <summary>Splits <paramref name="area"/> into <paramref name="rows"/> × <paramref name="columns"/> cells, row by row.</summary>
    public static IReadOnlyList<PixelRect> Grid(PixelRect area, int rows, int columns)
    {
        var (w, h) = (area.Width / columns, area.Height / rows);
        var cells = new List<PixelRect>();
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                cells.Add(new PixelRect(area.Left + (c * w), area.Left + ((c + 1) * w), area.Top + ((r + 1) * h), area.Top + (r * h)));
            }
        }

        return cells;
    }
}
