using Linkage.Config;
using Linkage.Recognise;

namespace Linkage.Normalise;

/// <summary>Everything the normalise stage needs besides the rows: dictionaries, States, regions and user choices.</summary>
/// <param name="Vocabulary">Column, label and marker dictionaries.</param>
/// <param name="Geography">Participating States and ISO countries.</param>
/// <param name="Regions">Region map.</param>
/// <param name="MaxYear">Latest year accepted (next year, from the clock or <c>--as-of</c>).</param>
/// <param name="DateOrder">Day/month order of slash dates (<c>--date-format</c>).</param>
public sealed record NormaliseContext(Vocabulary Vocabulary, Geography Geography, RegionMap Regions, int MaxYear, DateOrder DateOrder)
{
    /// <summary>The built-in dictionaries and region map, years up to <paramref name="maxYear"/>.</summary>
    public static NormaliseContext Default(int maxYear) =>
        new(Vocabulary.BuiltIn, Geography.BuiltIn, RegionMap.Default(Geography.BuiltIn), maxYear, DateOrder.Auto);
}
