using System.Collections.Frozen;
using System.Text.Json.Serialization;

using Linkage.Config;

namespace Linkage.Recognise;

/// <summary>An OSCE participating State as listed in <c>Recognise/Data/states.json</c>.</summary>
public sealed record StateEntry
{
    /// <summary>ISO 3166-1 alpha-2 code.</summary>
    [JsonPropertyName("alpha2")]
    public required string Alpha2 { get; init; }

    /// <summary>ISO 3166-1 alpha-3 code; the canonical key.</summary>
    [JsonPropertyName("alpha3")]
    public required string Alpha3 { get; init; }

    /// <summary>English short name.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>English formal name.</summary>
    [JsonPropertyName("formal")]
    public string? Formal { get; init; }

    /// <summary>UN M49 sub-region.</summary>
    [JsonPropertyName("region")]
    public string? Region { get; init; }

    /// <summary>Other names and spellings, in the six working languages.</summary>
    [JsonPropertyName("aliases")]
    public List<string> Aliases { get; init; } = [];

    /// <summary>UN M49 numeric code (three digits, e.g. <c>008</c> for Albania); null for a territory M49 does not list.</summary>
    [JsonPropertyName("m49")]
    public string? M49 { get; init; }

    /// <summary>Words for its nationals and its citizenship (demonyms, both genders, singular and plural), in the six working languages.</summary>
    [JsonPropertyName("demonyms")]
    public List<string> Demonyms { get; init; } = [];
}

/// <summary>
/// The 57 participating States and every ISO 3166-1 country, looked up by code or name after folding.
/// Built from embedded data plus the user's state aliases.
/// </summary>
public sealed class Geography
{
    private static readonly Lazy<(List<StateEntry> States, List<StateEntry> Countries)> Data = new(() => (
        ConfigLoader.LoadEmbedded<List<StateEntry>>("states.json"),
        ConfigLoader.LoadEmbedded<List<StateEntry>>("countries.json")));

    private static readonly Lazy<Geography> BuiltInLazy = new(() => Build(null, out _));

    private readonly FrozenDictionary<string, StateEntry> _states;
    private readonly FrozenDictionary<string, StateEntry> _countries;
    private readonly FrozenDictionary<string, StateEntry> _m49;
    private readonly FrozenDictionary<string, StateEntry> _demonyms;
    private readonly FrozenDictionary<string, StateEntry[]> _citizenship;

    private Geography(List<StateEntry> states, FrozenDictionary<string, StateEntry> stateIndex, FrozenDictionary<string, StateEntry> countryIndex)
    {
        States = states;
        _states = stateIndex;
        _countries = countryIndex;
        var (builtInStates, countries) = Data.Value;

        // M49 numbers are written with and without leading zeros ("008", "8"); only a column whose values are M49
        // numbers is read through them, so a row number is never taken for a country.
        _m49 = countries.Concat(builtInStates)
            .Where(c => c.M49 is not null)
            .SelectMany(c => new[] { (Key: c.M49!, Entry: c), (Key: c.M49!.TrimStart('0'), Entry: c) })
            .GroupBy(e => e.Key, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => states.FirstOrDefault(s => s.Alpha3 == g.First().Entry.Alpha3) ?? g.First().Entry, StringComparer.Ordinal);
        _demonyms = countries.Concat(builtInStates)
            .SelectMany(c => c.Demonyms.Select(d => (Key: TextFold.Fold(d), Entry: c)))
            .Where(e => e.Key.Length > 0)
            .GroupBy(e => e.Key, StringComparer.Ordinal)
            .Where(g => g.Select(e => e.Entry.Alpha3).Distinct(StringComparer.Ordinal).Count() == 1)
            .ToFrozenDictionary(g => g.Key, g => states.FirstOrDefault(s => s.Alpha3 == g.First().Entry.Alpha3) ?? g.First().Entry, StringComparer.Ordinal);

        // Every spelling of every country, kept with all the countries it may name ("Dominican", "Congo").
        _citizenship = stateIndex.Select(kv => (kv.Key, Entry: kv.Value))
            .Concat(countryIndex.Select(kv => (kv.Key, Entry: kv.Value)))
            .Concat(countries.Concat(builtInStates).SelectMany(c => c.Demonyms.Select(d => (Key: TextFold.Fold(d), Entry: c))))
            .Where(e => e.Key.Length > 0)
            .GroupBy(e => e.Key, StringComparer.Ordinal)
            .ToFrozenDictionary(
                g => g.Key,
                g => g.Select(e => states.FirstOrDefault(s => s.Alpha3 == e.Entry.Alpha3) ?? e.Entry).DistinctBy(e => e.Alpha3).ToArray(),
                StringComparer.Ordinal);
        CitizenshipKeys = [.. _citizenship.Keys.Where(k => k.Length >= 4)];
    }

    /// <summary>Every folded spelling (name, code, alias, demonym) of four letters or more, for near matches.</summary>
    internal IReadOnlyList<string> CitizenshipKeys { get; }

    /// <summary>The built-in catalogue.</summary>
    public static Geography BuiltIn => BuiltInLazy.Value;

    /// <summary>The 57 participating States in alpha-3 order.</summary>
    public IReadOnlyList<StateEntry> States { get; }

    /// <summary>Builds the catalogue with the user's state aliases (alias → alpha-3 of a participating State).</summary>
    public static Geography Build(LinkageConfig? config, out IReadOnlyList<string> errors)
    {
        var list = new List<string>();
        errors = list;
        var (states, countries) = Data.Value;
        var stateIndex = new Dictionary<string, StateEntry>(StringComparer.Ordinal);
        foreach (var s in states)
        {
            foreach (var key in Keys(s))
            {
                stateIndex.TryAdd(key, s);
            }
        }

        var countryIndex = new Dictionary<string, StateEntry>(StringComparer.Ordinal);
        foreach (var c in countries)
        {
            foreach (var key in Keys(c))
            {
                countryIndex.TryAdd(key, c);
            }
        }

        if (config is not null)
        {
            foreach (var (alias, code) in config.States)
            {
                var target = states.FirstOrDefault(s => string.Equals(s.Alpha3, code.Trim(), StringComparison.OrdinalIgnoreCase));
                if (target is null)
                {
                    list.Add($"config: state alias '{alias}' points to '{code}', which is not the alpha-3 code of an OSCE participating State.");
                    continue;
                }

                stateIndex[TextFold.Fold(alias)] = target;
                countryIndex[TextFold.Fold(alias)] = target;
            }
        }

        return new Geography(
            [.. states.OrderBy(s => s.Alpha3, StringComparer.Ordinal)],
            stateIndex.ToFrozenDictionary(StringComparer.Ordinal),
            countryIndex.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>Finds the participating State a cell names; null when it names none.</summary>
    public StateEntry? FindState(string text) => FindStateFolded(TextFold.Fold(text));

    /// <summary>Finds any ISO 3166-1 country a cell names (for citizenship and exploitation); null when unknown.</summary>
    public StateEntry? FindCountry(string text) => FindCountryFolded(TextFold.Fold(text));

    /// <summary>As <see cref="FindState"/>, for text already folded with <see cref="TextFold.Fold"/>.</summary>
    public StateEntry? FindStateFolded(string folded) => _states.GetValueOrDefault(folded);

    /// <summary>As <see cref="FindCountry"/>, for text already folded with <see cref="TextFold.Fold"/>.</summary>
    public StateEntry? FindCountryFolded(string folded) => _countries.GetValueOrDefault(folded);

    /// <summary>The country (a participating State where it is one) with UN M49 number <paramref name="code"/> (<c>8</c> or <c>008</c>); null when none.</summary>
    public StateEntry? FindByM49(string code) => _m49.GetValueOrDefault(code.Trim());

    /// <summary>
    /// The country whose people a citizenship label names, by name, code, alias or demonym (<c>Albanians</c>,
    /// <c>albanais</c>); null when it names none. Demonyms shared by two countries name neither.
    /// </summary>
    public StateEntry? FindCitizenshipFolded(string folded) =>
        _states.GetValueOrDefault(folded) ?? _countries.GetValueOrDefault(folded) ?? _demonyms.GetValueOrDefault(folded);

    /// <summary>Every country a folded citizenship label may name (by name, code, alias or demonym); empty when none.</summary>
    internal IReadOnlyList<StateEntry> CitizenshipCandidates(string folded) =>
        _citizenship.TryGetValue(folded, out var found) ? found : [];

    private static IEnumerable<string> Keys(StateEntry e)
    {
        yield return TextFold.Fold(e.Alpha3);
        yield return TextFold.Fold(e.Alpha2);
        yield return TextFold.Fold(e.Name);
        if (e.Formal is not null)
        {
            yield return TextFold.Fold(e.Formal);
        }

        foreach (var a in e.Aliases)
        {
            yield return TextFold.Fold(a);
        }
    }
}
