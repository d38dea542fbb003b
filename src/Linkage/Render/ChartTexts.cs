using Linkage.Localisation;

namespace Linkage.Render;

/// <summary>The texts of one chart that the frame and axes draw, and the language's texts for the rest.</summary>
/// <param name="Title">The title.</param>
/// <param name="Subtitle">The measure and years.</param>
/// <param name="SourceNote">The source note.</param>
/// <param name="ValueLabel">The label of a count axis, with its unit (e.g. <c>Children (count)</c>).</param>
/// <param name="Strings">The texts of the chart's language (legends, axis labels, marks).</param>
/// <param name="Regions">The shown names of the regions.</param>
internal sealed record ChartTexts(string Title, string Subtitle, string SourceNote, string ValueLabel, TextCatalogue Strings, RegionNames Regions)
{
    /// <summary>How numbers are written in the chart's language.</summary>
    public NumberText Numbers => Strings.Numbers;
}
