using ScottPlot;

namespace Linkage.Render;

/// <summary>How a legend entry's symbol is drawn.</summary>
internal enum LegendSymbol
{
    /// <summary>A filled box (a bar category or colour class).</summary>
    Box,

    /// <summary>A white box with a thin grey outline (a cell with nothing reported).</summary>
    OutlinedBox,

    /// <summary>A line with a point (a series).</summary>
    Line,

    /// <summary>A pale box (an interval band).</summary>
    Band,

    /// <summary>A filled circle.</summary>
    Circle,

    /// <summary>A filled square.</summary>
    Square,

    /// <summary>No symbol: the label explains a text marker such as "c".</summary>
    None,
}

/// <summary>One legend entry.</summary>
/// <param name="Label">The text shown.</param>
/// <param name="Symbol">How its symbol is drawn.</param>
/// <param name="Color">The symbol's colour.</param>
internal sealed record LegendEntry(string Label, LegendSymbol Symbol, Color Color);
