using ScottPlot;

using SkiaSharp;

namespace Linkage.Render;

/// <summary>
/// The house style of the charts: the Okabe–Ito palette, type sizes (in CSS pixels; 1 pt = 4/3 px) and the look of a
/// panel. Type sizes are fixed in print units, so the full-width variant gets more room, not bigger letters.
/// </summary>
internal static class ChartStyle
{
    // The Okabe–Ito palette (Okabe & Ito 2008), distinguishable with every common colour-vision deficiency.
    public static readonly Color Orange = Color.FromHex("#E69F00");
    public static readonly Color SkyBlue = Color.FromHex("#56B4E9");
    public static readonly Color Green = Color.FromHex("#009E73");
    public static readonly Color Yellow = Color.FromHex("#F0E442");
    public static readonly Color Blue = Color.FromHex("#0072B2");
    public static readonly Color Vermillion = Color.FromHex("#D55E00");
    public static readonly Color Purple = Color.FromHex("#CC79A7");
    public static readonly Color Black = Color.FromHex("#000000");

    /// <summary>Text and axis lines: a soft black.</summary>
    public static readonly Color Ink = Color.FromHex("#222222");

    /// <summary>Secondary text (source note, suppression markers).</summary>
    public static readonly Color Muted = Color.FromHex("#555555");

    /// <summary>Grid lines.</summary>
    public static readonly Color GridLine = Color.FromHex("#E3E3E3");

    /// <summary>Suppressed values (neutral, outside the palette so it never reads as a category).</summary>
    public static readonly Color Suppressed = Color.FromHex("#9A9A9A");

    public const float TitleSize = 14.67f;   // 11 pt
    public const float SubtitleSize = 12f;   // 9 pt
    public const float LabelSize = 10.67f;   // 8 pt: axis labels, panel titles, legend
    public const float TickSize = 9.33f;     // 7 pt
    public const float NoteSize = 9.33f;     // 7 pt
    public const float MarkerSize = 8f;      // 6 pt: the "c" of a suppressed value, one per year in a small panel
    public const float Margin = 10f;

    /// <summary>The width of <paramref name="text"/> in CSS pixels in the chart font.</summary>
    public static float TextWidth(string text, float size, bool bold = false)
    {
        using var font = new SKFont(Fonts.GetTypeface(Fonts.Default, bold, false), size);
        return font.MeasureText(text);
    }

    /// <summary>
    /// The type size at which <paramref name="text"/> fits in <paramref name="room"/> CSS pixels: <paramref name="size"/>
    /// when it fits already, else smaller in proportion (for the longer labels of some languages).
    /// </summary>
    public static float FitSize(string text, float size, float room, bool bold = false) =>
        Math.Min(size, size * room / Math.Max(1, TextWidth(text, size, bold)));

    /// <summary>
    /// Styles a data panel: white, light horizontal grid, left and bottom axis lines only, and a fixed padding (so
    /// that panels side by side have aligned data areas whatever their tick labels).
    /// </summary>
    public static void Panel(Plot plot, PixelPadding padding, string? title = null)
    {
        plot.Layout.Fixed(padding);

        // Transparent outside the data area: the frame below is white, and a neighbour's tick label that reaches into
        // this panel's rectangle (the last year's, centred on its tick) must not be painted over.
        plot.FigureBackground.Color = Colors.Transparent;
        plot.DataBackground.Color = Colors.White;
        plot.Grid.XAxisStyle.IsVisible = false;
        plot.Grid.YAxisStyle.MajorLineStyle.Color = GridLine;
        plot.Grid.YAxisStyle.MajorLineStyle.Width = 0.75f;
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.FrameLineStyle.Color = Ink;
            axis.FrameLineStyle.Width = 0.75f;
            axis.MajorTickStyle.Color = Ink;
            axis.MajorTickStyle.Length = 3;
            axis.MajorTickStyle.Width = 0.75f;
            axis.MinorTickStyle.Length = 0;
            axis.TickLabelStyle.FontSize = TickSize;
            axis.TickLabelStyle.ForeColor = Ink;
            axis.Label.FontSize = LabelSize;
            axis.Label.Bold = false;
            axis.Label.ForeColor = Ink;
        }

        // Minor marks only on the x axis, where year ticks use them for the years between labels.
        plot.Axes.Bottom.MinorTickStyle.Length = 1.5f;
        plot.Axes.Bottom.MinorTickStyle.Width = 0.5f;
        plot.Axes.Bottom.MinorTickStyle.Color = Ink;

        // Hidden, not just unframed: an invisible top axis still takes room and pushes the panel title off the panel.
        plot.Axes.Top.IsVisible = false;
        plot.Axes.Right.IsVisible = false;
        plot.Axes.Title.Label.Text = title ?? string.Empty;
        plot.Axes.Title.Label.FontSize = LabelSize;
        plot.Axes.Title.Label.Bold = true;
        plot.Axes.Title.Label.ForeColor = Ink;
        plot.Axes.Title.IsVisible = title is not null;
    }

    /// <summary>A text plottable in the chart style.</summary>
    public static ScottPlot.Plottables.Text Text(Plot plot, string text, double x, double y, float size, Alignment alignment, Color? color = null, bool bold = false)
    {
        var label = plot.Add.Text(text, x, y);
        label.LabelFontSize = size;
        label.LabelBold = bold;
        label.LabelFontColor = color ?? Ink;
        label.LabelAlignment = alignment;
        label.LabelPadding = 0;
        return label;
    }
}
