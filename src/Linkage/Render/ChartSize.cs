namespace Linkage.Render;

/// <summary>A figure size in CSS pixels (1/96 inch), the unit ScottPlot's font sizes and line widths are given in.</summary>
/// <param name="Width">Width in CSS pixels.</param>
/// <param name="Height">Height in CSS pixels.</param>
public readonly record struct ChartSize(float Width, float Height)
{
    /// <summary>CSS pixels per inch.</summary>
    public const float CssDpi = 96f;

    /// <summary>The size of a figure of the given centimetres.</summary>
    public static ChartSize FromCentimetres(double width, double height) =>
        new((float)(width / 2.54 * CssDpi), (float)(height / 2.54 * CssDpi));
}
