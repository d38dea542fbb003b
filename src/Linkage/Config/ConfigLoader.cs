using System.Text.Json;

namespace Linkage.Config;

/// <summary>Reads a user's <c>--config</c> JSON file; the result or one sentence saying what is wrong.</summary>
public static class ConfigLoader
{
    private static readonly JsonSerializerOptions Options = new()
    {
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Parses config JSON text; <paramref name="error"/> names the file and what is wrong when it cannot.</summary>
    public static LinkageConfig? Parse(string json, string file, out string? error)
    {
        try
        {
            var config = JsonSerializer.Deserialize<LinkageConfig>(json, Options);
            if (config is null)
            {
                error = $"Config file '{file}' is empty (null); expected a JSON object such as {{\"columns\": {{\"state\": [\"Code\"]}}}}.";
                return null;
            }

            error = Nulls(config, file);
            return error is null ? config : null;
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" at line {line + 1}" : string.Empty;
            error = $"Config file '{file}' is not valid config JSON{where} ({FirstSentence(ex.Message)}); expected the sections columns, linkage, measure, markers, states, regions, defaultMeasure, select, stateFrom, state, source.";
            return null;
        }
    }

    /// <summary>Reads and parses a config file.</summary>
    public static LinkageConfig? Load(string path, out string? error)
    {
        string json;
        try
        {
            json = Read.InputFiles.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error = $"Config file '{path}' could not be read ({ex.Message}).";
            return null;
        }

        return Parse(json, path, out error);
    }

    /// <summary>Loads the JSON of an embedded data file of the library.</summary>
    internal static T LoadEmbedded<T>(string name)
    {
        using var stream = typeof(ConfigLoader).Assembly.GetManifestResourceStream("Linkage.Data." + name)
            ?? throw new InvalidOperationException($"Embedded data file '{name}' is missing from the build.");
        return JsonSerializer.Deserialize<T>(stream, Options)
            ?? throw new InvalidOperationException($"Embedded data file '{name}' is empty.");
    }

    /// <summary>JSON <c>null</c> where a list, a name or a code belongs: one sentence naming the first, or null.</summary>
    private static string? Nulls(LinkageConfig config, string file)
    {
        var sections = new (string Name, Dictionary<string, List<string>> Lists)[]
        {
            ("columns", config.Columns), ("linkage", config.Linkage), ("measure", config.Measure),
            ("markers", config.Markers), ("personalData", config.PersonalData),
        };
        foreach (var (name, lists) in sections)
        {
            if (lists is null)
            {
                return $"Config file '{file}' has null for \"{name}\"; expected an object, or leave the section out.";
            }

            foreach (var (key, list) in lists)
            {
                if (list is null || list.Any(v => v is null))
                {
                    return $"Config file '{file}' has null in \"{name}\".\"{key}\"; expected a list of names.";
                }
            }
        }

        foreach (var (name, map) in new[] { ("states", config.States), ("regions", config.Regions) })
        {
            if (map is null)
            {
                return $"Config file '{file}' has null for \"{name}\"; expected an object, or leave the section out.";
            }

            if (map.FirstOrDefault(kv => kv.Value is null) is { Key: not null } bad)
            {
                return $"Config file '{file}' has null for \"{name}\".\"{bad.Key}\"; expected a name.";
            }
        }

        if (config.Select is null || config.Select.FirstOrDefault(kv => kv.Value is null) is { Key: not null })
        {
            return $"Config file '{file}' has null in \"select\"; expected an object of header → value.";
        }

        if (config.StateFrom is { } from && from.Trim().ToLowerInvariant() is not ("exploitation" or "country_of_exploitation"))
        {
            return $"Config file '{file}' has \"stateFrom\": '{from}'; expected \"exploitation\" (the country of exploitation is the reporting State), or leave it out.";
        }

        return config.PersonalDataWholeHeaderOnly is null ? $"Config file '{file}' has null for \"personalDataWholeHeaderOnly\"." : null;
    }

    private static string FirstSentence(string message)
    {
        var dot = message.IndexOf(". ", StringComparison.Ordinal);
        return dot > 0 ? message[..dot] : message.TrimEnd('.');
    }
}
