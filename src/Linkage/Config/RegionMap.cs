using System.Collections.Frozen;

using Linkage.Recognise;

namespace Linkage.Config;

/// <summary>
/// Maps a State (and optionally a subnational area) to a region. The default is the UN M49 sub-region of each
/// participating State; a user map (config <c>regions</c>) replaces it, with <c>ISO3/area</c> keys for areas.
/// </summary>
public sealed class RegionMap
{
    private readonly FrozenDictionary<string, string> _map;

    private RegionMap(FrozenDictionary<string, string> map, bool isDefault)
    {
        _map = map;
        IsDefault = isDefault;
    }

    /// <summary>True when this is the built-in M49 map.</summary>
    public bool IsDefault { get; }

    /// <summary>The UN M49 sub-regions of the participating States.</summary>
    public static RegionMap Default(Geography geography) => new(
        geography.States.Where(s => s.Region is not null).ToFrozenDictionary(s => s.Alpha3, s => s.Region!, StringComparer.Ordinal),
        isDefault: true);

    /// <summary>The config's map when it has one, else the default; <paramref name="errors"/> names keys that are not States.</summary>
    public static RegionMap From(LinkageConfig? config, Geography geography, out IReadOnlyList<string> errors)
    {
        var list = new List<string>();
        errors = list;
        if (config is null || config.Regions.Count == 0)
        {
            return Default(geography);
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, region) in config.Regions)
        {
            var slash = key.IndexOf('/', StringComparison.Ordinal);
            var statePart = slash < 0 ? key : key[..slash];
            var state = geography.FindState(statePart);
            if (state is null)
            {
                list.Add($"config: region map key '{key}' does not start with an OSCE participating State; expected 'ISO3' or 'ISO3/area'.");
                continue;
            }

            if (slash >= 0 && TextFold.Fold(key[(slash + 1)..]).Length == 0)
            {
                list.Add($"config: region map key '{key}' has an empty area after '/'; expected 'ISO3' or 'ISO3/area'.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(region))
            {
                list.Add($"config: region map key '{key}' has an empty region name.");
                continue;
            }

            map[slash < 0 ? state.Alpha3 : state.Alpha3 + "/" + TextFold.Fold(key[(slash + 1)..])] = region.Trim();
        }

        return new RegionMap(map.ToFrozenDictionary(StringComparer.Ordinal), isDefault: false);
    }

    /// <summary>The region of a State's area (or of the State when the area has no entry); null when the map has none.</summary>
    public string? RegionOf(string alpha3, string area)
    {
        if (area.Length > 0 && _map.TryGetValue(alpha3 + "/" + TextFold.Fold(area), out var r))
        {
            return r;
        }

        return _map.GetValueOrDefault(alpha3);
    }
}
