using System.Collections.Frozen;

using Linkage.Config;

namespace Linkage.Recognise;

/// <summary>
/// Maps a State (and optionally a subnational area) to a region. The default is the UN M49 sub-region of each
/// participating State; a user map (config <c>regions</c>) replaces it, with <c>ISO3/area</c> keys for areas.
/// </summary>
public sealed class RegionMap
{
    private readonly FrozenDictionary<string, string> _map;

    private readonly FrozenSet<string> _statesWithAreas;

    private RegionMap(FrozenDictionary<string, string> map, bool isDefault)
    {
        _map = map;
        IsDefault = isDefault;
        _statesWithAreas = map.Keys.Where(k => k.Contains('/', StringComparison.Ordinal)).Select(k => k[..k.IndexOf('/', StringComparison.Ordinal)]).ToFrozenSet(StringComparer.Ordinal);
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
        if (config is null || config.Regions.Count == 0)
        {
            errors = [];
            return Default(geography);
        }

        return FromEntries([.. config.Regions.Select(kv => new RegionEntry(kv.Key, kv.Value, "config"))], geography, out errors);
    }

    /// <summary>
    /// A map from entries <c>ISO3 → region</c> or <c>ISO3/area → region</c> (States may be given by any name the
    /// geography knows); <paramref name="errors"/> says, per bad entry, where it is and what is wrong.
    /// </summary>
    public static RegionMap FromEntries(IReadOnlyList<RegionEntry> entries, Geography geography, out IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(geography);
        var list = new List<string>();
        errors = list;
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, region, where) in entries)
        {
            var slash = key.IndexOf('/', StringComparison.Ordinal);
            var statePart = slash < 0 ? key : key[..slash];
            var state = geography.FindState(statePart);
            if (state is null)
            {
                list.Add($"{where}: region map key '{key}' does not start with an OSCE participating State; expected 'ISO3' or 'ISO3/area'.");
                continue;
            }

            if (slash >= 0 && TextFold.Fold(key[(slash + 1)..]).Length == 0)
            {
                list.Add($"{where}: region map key '{key}' has an empty area after '/'; expected 'ISO3' or 'ISO3/area'.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(region))
            {
                list.Add($"{where}: region map key '{key}' has an empty region name.");
                continue;
            }

            if (string.Equals(region.Trim(), Model.OsceTotal.Name, StringComparison.OrdinalIgnoreCase))
            {
                list.Add($"{where}: region map key '{key}' names the region '{region.Trim()}', which is reserved for the all-States total; choose another name.");
                continue;
            }

            var mapKey = slash < 0 ? state.Alpha3 : state.Alpha3 + "/" + TextFold.Fold(key[(slash + 1)..]);
            if (map.TryGetValue(mapKey, out var earlier) && earlier != region.Trim())
            {
                list.Add($"{where}: region map key '{key}' is mapped to '{region.Trim()}' but an earlier entry maps it to '{earlier}'; keep one.");
                continue;
            }

            map[mapKey] = region.Trim();
        }

        return new RegionMap(map.ToFrozenDictionary(StringComparer.Ordinal), isDefault: false);
    }

    /// <summary>True when the map places some area of the State in a region of its own (<c>ISO3/area</c> keys).</summary>
    public bool HasAreaEntries(string alpha3) => _statesWithAreas.Contains(alpha3);

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

/// <summary>One entry of a region map as given: a State (or State/area) key, its region, and where it was written.</summary>
/// <param name="Key"><c>ISO3</c> or <c>ISO3/area</c> (a State name is accepted too).</param>
/// <param name="Region">Region name.</param>
/// <param name="Where">Where the entry comes from, for messages (e.g. <c>config</c> or <c>'regions.csv', row 3</c>).</param>
public readonly record struct RegionEntry(string Key, string Region, string Where);
