using System.Collections.Frozen;

using Linkage.Recognise;

namespace Linkage.Localisation;

/// <summary>
/// The names charts and the report give regions. <c>OSCE</c> and the UN M49 sub-regions of the default region map are
/// shown in the language (<c>region.NAME</c> texts: the official UN names in French, Russian and Spanish); the regions
/// of a user's region map are proper names and shown as given. The publish CSVs keep the English names.
/// </summary>
/// <param name="texts">The language's texts.</param>
/// <param name="defaultMap">True when the regions come from the built-in M49 map; false shows every region but OSCE as given.</param>
public sealed class RegionNames(TextCatalogue texts, bool defaultMap)
{
    private static readonly Lazy<FrozenSet<string>> M49 = new(() =>
        Geography.BuiltIn.States.Select(s => s.Region).OfType<string>().ToFrozenSet(StringComparer.Ordinal));

    /// <summary>The M49 sub-region names of the built-in map (<c>Eastern Europe</c>, …), each of which has a text in every language.</summary>
    public static IReadOnlySet<string> DefaultRegions => M49.Value;

    /// <summary>The shown name of <paramref name="region"/> (its name in the publish tables).</summary>
    /// <exception cref="KeyNotFoundException">An M49 sub-region has no text in the language (a bug the tests rule out).</exception>
    public string Show(string region)
    {
        ArgumentNullException.ThrowIfNull(region);
        return region == Model.OsceTotal.Name ? texts["region.OSCE"]
            : defaultMap && M49.Value.Contains(region) ? texts["region." + region]
            : region;
    }
}
