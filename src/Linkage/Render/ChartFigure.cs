using ScottPlot;

namespace Linkage.Render;

/// <summary>
/// A figure made of ScottPlot plots, each placed in its own rectangle (in CSS pixels from the top-left corner). The
/// first plot added is drawn first, so a frame plot that holds the titles goes first and the panels over it.
/// </summary>
public sealed class ChartFigure
{
    private readonly List<(Plot Plot, PixelRect Rect)> _plots = [];

    /// <summary>Creates an empty figure of the given size.</summary>
    public ChartFigure(ChartSize size) => Size = size;

    /// <summary>The figure's size in CSS pixels.</summary>
    public ChartSize Size { get; }

    /// <summary>The plots and where each is drawn, in drawing order.</summary>
    public IReadOnlyList<(Plot Plot, PixelRect Rect)> Plots => _plots;

    /// <summary>Adds a new plot drawn inside <paramref name="rect"/> and returns it.</summary>
    public Plot Add(PixelRect rect)
    {
        var plot = new Plot();
        _plots.Add((plot, rect));
        return plot;
    }
}
