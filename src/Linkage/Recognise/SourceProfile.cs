using System.Text.Json.Serialization;

using Linkage.Config;

namespace Linkage.Recognise;

/// <summary>
/// A publisher's standard export, read with a config that ships inside the tool (<c>Recognise/Data/profiles.json</c>):
/// matched by its header signature, it holds only what a user config could say (aliases, markers, select,
/// stateFrom, source), so each profile is a worked example of a config as well.
/// </summary>
public sealed record SourceProfile
{
    /// <summary>Short name for <c>--profile</c>.</summary>
    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>What the profile reads.</summary>
    [JsonPropertyName("title")]
    public required string Title { get; init; }

    /// <summary>Headers a file must all have to match; <c>a|b</c> accepts either spelling.</summary>
    [JsonPropertyName("signature")]
    public required List<string> Signature { get; init; }

    /// <summary>The config the profile applies (a user's config wins over it).</summary>
    [JsonPropertyName("config")]
    public required LinkageConfig Config { get; init; }

    private static readonly Lazy<IReadOnlyList<SourceProfile>> BuiltInLazy = new(() => ConfigLoader.LoadEmbedded<List<SourceProfile>>("profiles.json"));

    /// <summary>The profiles that ship with the tool.</summary>
    public static IReadOnlyList<SourceProfile> BuiltIn => BuiltInLazy.Value;

    /// <summary>The built-in profile named <paramref name="name"/>; null when there is none.</summary>
    public static SourceProfile? Find(string name) =>
        BuiltIn.FirstOrDefault(p => string.Equals(p.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The first profile whose signature the header has, with why; null when none matches.</summary>
    public static (SourceProfile Profile, string Why)? Match(IReadOnlyList<string> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var folded = header.Select(TextFold.Fold).ToHashSet(StringComparer.Ordinal);
        foreach (var p in BuiltIn)
        {
            var found = p.Signature.Select(s => s.Split('|').FirstOrDefault(alt => folded.Contains(TextFold.Fold(alt)))).ToList();
            if (found.All(f => f is not null))
            {
                return (p, $"the header has {string.Join(", ", found.Select(f => $"'{f}'"))}");
            }
        }

        return null;
    }

    /// <summary>The profile's config under the user's: the user's aliases and choices win, lists are joined.</summary>
    public LinkageConfig Under(LinkageConfig? user)
    {
        if (user is null)
        {
            return Config;
        }

        static Dictionary<string, List<string>> Join(Dictionary<string, List<string>> a, Dictionary<string, List<string>> b)
        {
            var result = a.ToDictionary(kv => kv.Key, kv => kv.Value.ToList(), StringComparer.Ordinal);
            foreach (var (key, list) in b)
            {
                result[key] = [.. (result.TryGetValue(key, out var existing) ? existing : []).Concat(list).Distinct(StringComparer.Ordinal)];
            }

            return result;
        }

        // A header the user maps elsewhere is no longer the profile's.
        var userHeaders = user.Columns.Values.SelectMany(v => v).Select(TextFold.Fold).ToHashSet(StringComparer.Ordinal);
        var profileColumns = Config.Columns.ToDictionary(kv => kv.Key, kv => kv.Value.Where(h => !userHeaders.Contains(TextFold.Fold(h))).ToList(), StringComparer.Ordinal);
        return user with
        {
            Columns = Join(profileColumns, user.Columns),
            Linkage = Join(Config.Linkage, user.Linkage),
            Measure = Join(Config.Measure, user.Measure),
            Markers = Join(Config.Markers, user.Markers),
            Select = Config.Select.Where(kv => !user.Select.ContainsKey(kv.Key)).Concat(user.Select).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal),
            StateFrom = user.StateFrom ?? Config.StateFrom,
            State = user.State ?? Config.State,
            Source = user.Source ?? Config.Source,
            DefaultMeasure = user.DefaultMeasure ?? Config.DefaultMeasure,
        };
    }
}
