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
    /// <summary>The user's config as given (a source profile is laid under it per file); null when there is none.</summary>
    public LinkageConfig? Config { get; init; }

    /// <summary>Case records without a State column take the country of exploitation as the reporting State.</summary>
    public bool StateFromExploitation { get; init; }

    /// <summary>The reporting State of every row of a file without a State column (<c>--state</c>).</summary>
    public StateEntry? FixedState { get; init; }

    /// <summary>Header (folded) → the one folded value of that column the statistics use (config <c>select</c>).</summary>
    public IReadOnlyDictionary<string, string> Select { get; init; } = new Dictionary<string, string>();

    /// <summary>The source named in charts and the report (a profile's or the config's <c>source</c>).</summary>
    public string? Source { get; init; }

    /// <summary>The source profile that read the file, and why; null when none did.</summary>
    public (string Name, string Why)? Profile { get; init; }

    /// <summary>
    /// This context with <paramref name="config"/> (a user config, or a profile's under it) applied: its aliases, its
    /// select, stateFrom, state and source; <paramref name="errors"/> says what in it makes no sense.
    /// </summary>
    public NormaliseContext With(LinkageConfig config, out IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(config);
        var list = new List<string>();
        errors = list;
        var vocabulary = Vocabulary.WithConfig(config, out var vocabErrors);
        list.AddRange(vocabErrors);
        StateEntry? state = null;
        if (config.State is { } code)
        {
            state = Geography.States.FirstOrDefault(s => string.Equals(s.Alpha3, code.Trim(), StringComparison.OrdinalIgnoreCase));
            if (state is null)
            {
                list.Add($"state '{code}' is not the alpha-3 code of an OSCE participating State.");
            }
        }

        return this with
        {
            Vocabulary = vocabulary,
            StateFromExploitation = config.StateFrom is not null,
            FixedState = state,
            Select = config.Select.ToDictionary(kv => TextFold.Fold(kv.Key), kv => TextFold.Fold(kv.Value), StringComparer.Ordinal),
            Source = config.Source ?? Source,
        };
    }

    /// <summary>The built-in dictionaries and region map, years up to <paramref name="maxYear"/>.</summary>
    public static NormaliseContext Default(int maxYear) =>
        new(Vocabulary.BuiltIn, Geography.BuiltIn, RegionMap.Default(Geography.BuiltIn), maxYear, DateOrder.Auto);
}
