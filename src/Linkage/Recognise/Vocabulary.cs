using System.Collections.Concurrent;
using System.Collections.Frozen;

using Linkage.Config;
using Linkage.Model;
using Linkage.Recognise.Concepts;

namespace Linkage.Recognise;

/// <summary>What a folded linkage label means: one of the four categories, or the total over them.</summary>
/// <param name="Category">The category; null when the label means the total.</param>
public readonly record struct LinkageLabel(LinkageCategory? Category)
{
    /// <summary>True when the label means the total over all categories.</summary>
    public bool IsTotal => Category is null;
}

/// <summary>
/// The compiled dictionaries: folded header → column role, folded label → linkage or measure, value markers and
/// personal-data header names. Built once from the embedded <c>vocabulary.json</c> plus the user's config.
/// </summary>
public sealed class Vocabulary
{
    private static readonly Lazy<Vocabulary> BuiltInLazy = new(() => Build(ConfigLoader.LoadEmbedded<LinkageConfig>("vocabulary.json"), null));
    private static readonly Lazy<LinkageConfig> ExamplesLazy = new(() => ConfigLoader.LoadEmbedded<LinkageConfig>("examples.json"));

    private Vocabulary(
        FrozenDictionary<string, ColumnRole> columns,
        FrozenDictionary<string, LinkageLabel> linkage,
        FrozenDictionary<string, Measure> measures,
        FrozenSet<string> missing,
        FrozenSet<string> confidential,
        FrozenDictionary<string, string> personalData,
        FrozenSet<string> builtInColumnNames,
        FrozenSet<string> personalDataWholeHeaderOnly,
        Measure? defaultMeasure)
    {
        PersonalDataWholeHeaderOnly = personalDataWholeHeaderOnly;
        Columns = columns;
        Linkage = linkage;
        Measures = measures;
        Missing = missing;
        Confidential = confidential;
        PersonalData = personalData;
        BuiltInColumnNames = builtInColumnNames;
        DefaultMeasure = defaultMeasure;
    }

    /// <summary>The built-in dictionary alone.</summary>
    public static Vocabulary BuiltIn => BuiltInLazy.Value;

    /// <summary>Folded header name → role.</summary>
    public FrozenDictionary<string, ColumnRole> Columns { get; }

    /// <summary>Folded label → linkage category or total.</summary>
    public FrozenDictionary<string, LinkageLabel> Linkage { get; }

    /// <summary>Folded label → measure.</summary>
    public FrozenDictionary<string, Measure> Measures { get; }

    /// <summary>Example header → role pairs the suggestion model learns from: the built-in codes, <c>examples.json</c> and the config's aliases.</summary>
    public FrozenDictionary<string, ColumnRole> ExampleColumns { get; private init; } = FrozenDictionary<string, ColumnRole>.Empty;

    /// <summary>Example label → linkage pairs the suggestion model learns from.</summary>
    public FrozenDictionary<string, LinkageLabel> ExampleLinkage { get; private init; } = FrozenDictionary<string, LinkageLabel>.Empty;

    /// <summary>Example label → measure pairs the suggestion model learns from.</summary>
    public FrozenDictionary<string, Measure> ExampleMeasures { get; private init; } = FrozenDictionary<string, Measure>.Empty;

    /// <summary>Missing-value markers as written, compared ignoring case (punctuation matters: <c>..</c>, <c>:</c>, <c>-</c>).</summary>
    public FrozenSet<string> Missing { get; }

    /// <summary>Confidential-value markers as written, compared ignoring case.</summary>
    public FrozenSet<string> Confidential { get; }

    /// <summary>Folded personal-data phrase → kind (e.g. <c>date_of_birth</c>); built-in only.</summary>
    public FrozenDictionary<string, string> PersonalData { get; }

    /// <summary>Folded header names and labels the built-in dictionary knows (a user alias never exempts a column from the personal-data guard).</summary>
    public FrozenSet<string> BuiltInColumnNames { get; }

    /// <summary>Folded personal-data names that count only as a whole header (built-in only).</summary>
    public FrozenSet<string> PersonalDataWholeHeaderOnly { get; }

    /// <summary>Measure for files that state none, from the config.</summary>
    public Measure? DefaultMeasure { get; }

    /// <summary>Folded names the user's config gives a column role, linkage or measure (empty for the built-in dictionary).</summary>
    public FrozenSet<string> ConfigAliases { get; private init; } = FrozenSet<string>.Empty;

    /// <summary>
    /// Config entries that have no effect and that the user should know about at load time: an alias for a name the
    /// personal-data guard refuses (a file with such a column is refused whatever the config says).
    /// </summary>
    public IReadOnlyList<string> ConfigWarnings { get; private init; } = [];

    /// <summary>Adds a user config to the built-in dictionary; <paramref name="errors"/> lists config entries that make no sense.</summary>
    public static Vocabulary WithConfig(LinkageConfig? config, out IReadOnlyList<string> errors)
    {
        var list = new List<string>();
        errors = list;
        if (config is null)
        {
            return BuiltIn;
        }

        if (config.PersonalDataWholeHeaderOnly.Count > 0)
        {
            list.Add("config: personalDataWholeHeaderOnly cannot be set in a config; the personal-data guard can be made stricter (personalData), never weaker.");
        }

        var builtIn = ConfigLoader.LoadEmbedded<LinkageConfig>("vocabulary.json");
        var vocabulary = Build(builtIn, config, list);
        var aliases = new[] { ("columns", config.Columns), ("linkage", config.Linkage), ("measure", config.Measure) }
            .SelectMany(section => section.Item2.SelectMany(kv => kv.Value.Select(name => (Section: section.Item1, Code: kv.Key, Name: name))))
            .ToList();
        var warnings = new List<string>();
        foreach (var (section, code, name) in aliases)
        {
            if (PersonalDataGuard.Kind(name, vocabulary) is { } kind)
            {
                warnings.Add($"config: \"{section}\".\"{code}\" lists '{name}', which names personal data ({kind.Replace('_', ' ')}); a file with such a column is refused whatever the config says, so the alias has no effect.");
            }
        }

        return new Vocabulary(vocabulary)
        {
            ExampleColumns = vocabulary.ExampleColumns,
            ExampleLinkage = vocabulary.ExampleLinkage,
            ExampleMeasures = vocabulary.ExampleMeasures,
            ConfigAliases = aliases.Select(a => TextFold.Fold(a.Name)).Where(n => n.Length > 0).ToFrozenSet(StringComparer.Ordinal),
            ConfigWarnings = warnings,
        };
    }

    private Vocabulary(Vocabulary other)
        : this(other.Columns, other.Linkage, other.Measures, other.Missing, other.Confidential, other.PersonalData, other.BuiltInColumnNames, other.PersonalDataWholeHeaderOnly, other.DefaultMeasure)
    {
    }

    private static Vocabulary Build(LinkageConfig builtIn, LinkageConfig? user, List<string>? errors = null)
    {
        errors ??= [];
        var columns = new Dictionary<string, ColumnRole>(StringComparer.Ordinal);
        var linkage = new Dictionary<string, LinkageLabel>(StringComparer.Ordinal);
        var measures = new Dictionary<string, Measure>(StringComparer.Ordinal);

        Add(builtIn.Columns, columns, ParseRole, "column role", RoleCodes, errors, "built-in vocabulary", overwrite: false);
        Add(builtIn.Linkage, linkage, ParseLinkage, "linkage code", LinkageCodes, errors, "built-in vocabulary", overwrite: false);
        Add(builtIn.Measure, measures, ParseMeasure, "measure code", MeasureCodes, errors, "built-in vocabulary", overwrite: false);
        // The examples teach the suggestion model and tell the personal-data guard which headers are ordinary; they are
        // not looked up when reading (recognition reads by concepts).
        var examples = ExamplesLazy.Value;
        var exampleColumns = new Dictionary<string, ColumnRole>(columns, StringComparer.Ordinal);
        var exampleLinkage = new Dictionary<string, LinkageLabel>(linkage, StringComparer.Ordinal);
        var exampleMeasures = new Dictionary<string, Measure>(measures, StringComparer.Ordinal);
        Add(examples.Columns, exampleColumns, ParseRole, "column role", RoleCodes, errors, "examples", overwrite: false);
        Add(examples.Linkage, exampleLinkage, ParseLinkage, "linkage code", LinkageCodes, errors, "examples", overwrite: false);
        Add(examples.Measure, exampleMeasures, ParseMeasure, "measure code", MeasureCodes, errors, "examples", overwrite: false);
        var builtInNames = exampleColumns.Keys.Concat(exampleLinkage.Keys).Concat(exampleMeasures.Keys).ToFrozenSet(StringComparer.Ordinal);

        // A user's alias wins over a built-in one: the user knows their file.
        if (user is not null)
        {
            Add(user.Columns, columns, ParseRole, "column role", RoleCodes, errors, "config", overwrite: true);
            Add(user.Linkage, linkage, ParseLinkage, "linkage code", LinkageCodes, errors, "config", overwrite: true);
            Add(user.Measure, measures, ParseMeasure, "measure code", MeasureCodes, errors, "config", overwrite: true);
            Add(user.Columns, exampleColumns, ParseRole, "column role", RoleCodes, [], "config", overwrite: true);
            Add(user.Linkage, exampleLinkage, ParseLinkage, "linkage code", LinkageCodes, [], "config", overwrite: true);
            Add(user.Measure, exampleMeasures, ParseMeasure, "measure code", MeasureCodes, [], "config", overwrite: true);
        }

        var missing = Markers(builtIn, user, "missing");
        var confidential = Markers(builtIn, user, "confidential");
        var personal = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (kind, names) in builtIn.PersonalData)
        {
            foreach (var name in names)
            {
                personal.TryAdd(TextFold.Fold(name), kind);
            }
        }

        // Users may add personal-data names (never remove them).
        if (user is not null)
        {
            foreach (var (kind, names) in user.PersonalData)
            {
                foreach (var name in names)
                {
                    personal.TryAdd(TextFold.Fold(name), kind);
                }
            }
        }

        Measure? defaultMeasure = null;
        var defaultText = user?.DefaultMeasure ?? builtIn.DefaultMeasure;
        if (defaultText is not null)
        {
            if (Codes.TryParseMeasure(defaultText, out var m))
            {
                defaultMeasure = m;
            }
            else
            {
                errors.Add($"config: defaultMeasure '{defaultText}' is not a measure; expected 'children', 'investigations' or 'victims'.");
            }
        }

        return new Vocabulary(
            columns.ToFrozenDictionary(StringComparer.Ordinal),
            linkage.ToFrozenDictionary(StringComparer.Ordinal),
            measures.ToFrozenDictionary(StringComparer.Ordinal),
            missing,
            confidential,
            personal.ToFrozenDictionary(StringComparer.Ordinal),
            builtInNames,
            builtIn.PersonalDataWholeHeaderOnly.Select(TextFold.Fold).ToFrozenSet(StringComparer.Ordinal),
            defaultMeasure)
        {
            ExampleColumns = exampleColumns.ToFrozenDictionary(StringComparer.Ordinal),
            ExampleLinkage = exampleLinkage.ToFrozenDictionary(StringComparer.Ordinal),
            ExampleMeasures = exampleMeasures.ToFrozenDictionary(StringComparer.Ordinal),
        };
    }

    private static FrozenSet<string> Markers(LinkageConfig builtIn, LinkageConfig? user, string key)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in new[] { builtIn, user })
        {
            if (source is not null && source.Markers.TryGetValue(key, out var values))
            {
                foreach (var v in values)
                {
                    set.Add(v.Trim().ToLowerInvariant());
                }
            }
        }

        return set.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }

    private const string RoleCodes = "state, area, period, quarter, month, date, measure, linkage, count, flag, confidentiality, total, origin, exploitation, sex, age, form, breakdown, dimension, category, unit, unitMultiplier, nature, region, source, stateName, outside, ignore";
    private const string LinkageCodes = "internal, international, not_trafficked, unknown, total";
    private const string MeasureCodes = "children, investigations, victims";

    private const int MaxMemo = 1 << 14;
    private readonly ConcurrentDictionary<string, LabelReading> _linkageMemo = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, LabelReading> _measureMemo = new(StringComparer.Ordinal);

    /// <summary>
    /// What a linkage label means: a listed code or config mapping first (exact, after folding), else what its words'
    /// concepts determine (<see cref="LabelMeaning.Linkage"/>). Remembered per folded text.
    /// </summary>
    internal LabelReading ReadLinkage(string text)
    {
        var folded = TextFold.Fold(text);
        if (_linkageMemo.TryGetValue(folded, out var known))
        {
            return known;
        }

        var reading = Linkage.TryGetValue(folded, out var label)
            ? new LabelReading(label, null, false, 1, $"'{folded}' is {(ConfigAliases.Contains(folded) ? "mapped in the config" : "a listed code")} for {(label.Category is { } c ? Codes.Of(c) : "the total")}")
            : LabelMeaning.Linkage(ConceptLexicon.BuiltIn.Read(folded));
        if (_linkageMemo.Count < MaxMemo)
        {
            _linkageMemo[folded] = reading;
        }

        return reading;
    }

    /// <summary>True when <paramref name="folded"/> (folded with <see cref="TextFold.Fold"/>) is a linkage label.</summary>
    public bool TryLinkage(string folded, out LinkageLabel label)
    {
        var reading = ReadLinkage(folded);
        label = reading.Linkage ?? default;
        return reading.Linkage is not null;
    }

    /// <summary>What a measure label means: a listed code or config mapping first, else its concepts (<see cref="LabelMeaning.Measure"/>).</summary>
    internal LabelReading ReadMeasure(string text)
    {
        var folded = TextFold.Fold(text);
        if (_measureMemo.TryGetValue(folded, out var known))
        {
            return known;
        }

        var reading = Measures.TryGetValue(folded, out var measure)
            ? new LabelReading(null, measure, false, 1, $"'{folded}' is {(ConfigAliases.Contains(folded) ? "mapped in the config" : "a listed code")} for {Codes.Of(measure)}")
            : LabelMeaning.Measure(ConceptLexicon.BuiltIn.Read(folded));
        if (_measureMemo.Count < MaxMemo)
        {
            _measureMemo[folded] = reading;
        }

        return reading;
    }

    /// <summary>True when <paramref name="folded"/> (folded with <see cref="TextFold.Fold"/>) is a measure label.</summary>
    public bool TryMeasure(string folded, out Measure measure)
    {
        var reading = ReadMeasure(folded);
        measure = reading.Measure ?? default;
        return reading.Measure is not null;
    }

    /// <summary>
    /// What a header means: a listed code or config alias first (exact, after folding), else what its words' concepts
    /// determine (<see cref="HeaderMeaning.Read"/>).
    /// </summary>
    internal HeaderReading ReadHeader(string header)
    {
        var folded = TextFold.Fold(header);
        var concepts = ConceptLexicon.BuiltIn.Read(folded);
        if (Columns.TryGetValue(folded, out var role))
        {
            // A listed count or total column may still name its measure ("total cases").
            var byWords = HeaderMeaning.Read(concepts);
            var measure = role is ColumnRole.Count or ColumnRole.Total ? byWords.Measure : null;
            var from = ConfigAliases.Contains(folded) ? "mapped in the config" : "a listed code";
            return new HeaderReading(role, null, measure, 1, $"'{header}' is {from} for the {RoleKeyOrName(role)} column");
        }

        if (Linkage.TryGetValue(folded, out var label) && ConfigAliases.Contains(folded))
        {
            return label.IsTotal
                ? new HeaderReading(ColumnRole.Total, null, null, 1, $"'{header}' is mapped in the config to the total")
                : new HeaderReading(ColumnRole.Category, label.Category, null, 1, $"'{header}' is mapped in the config to {Codes.Of(label.Category!.Value)}");
        }

        return HeaderMeaning.Read(concepts);
    }

    /// <summary>Adds one section (code → names) to a folded look-up; a user's section overwrites built-in entries.</summary>
    private static void Add<T>(Dictionary<string, List<string>> source, Dictionary<string, T> target, Func<string, T?> parse, string section, string expected, List<string> errors, string origin, bool overwrite)
        where T : struct
    {
        foreach (var (code, names) in source)
        {
            if (parse(code) is not { } value)
            {
                errors.Add($"{origin}: {section} '{code}' is unknown; expected one of {expected}.");
                continue;
            }

            foreach (var name in names)
            {
                var key = TextFold.Fold(name);
                if (key.Length == 0)
                {
                    continue;
                }

                if (overwrite)
                {
                    target[key] = value;
                }
                else
                {
                    target.TryAdd(key, value);
                }
            }
        }
    }

    private static LinkageLabel? ParseLinkage(string code) => code switch
    {
        "internal" => new LinkageLabel(LinkageCategory.Internal),
        "international" => new LinkageLabel(LinkageCategory.International),
        "not_trafficked" => new LinkageLabel(LinkageCategory.NotTrafficked),
        "unknown" => new LinkageLabel(LinkageCategory.Unknown),
        "total" => new LinkageLabel(null),
        _ => null,
    };

    private static Measure? ParseMeasure(string code) => Codes.TryParseMeasure(code, out var m) ? m : null;

    /// <summary>The config keys of the column roles (vocabulary.json's "columns"), in one place for parsing and naming.</summary>
    private static readonly (string Key, ColumnRole Role)[] RoleKeys =
    [
        ("state", ColumnRole.State), ("area", ColumnRole.Area), ("period", ColumnRole.Period), ("quarter", ColumnRole.Quarter),
        ("month", ColumnRole.Month), ("date", ColumnRole.Date), ("measure", ColumnRole.Measure), ("linkage", ColumnRole.Linkage),
        ("count", ColumnRole.Count), ("flag", ColumnRole.Flag), ("confidentiality", ColumnRole.Confidentiality), ("total", ColumnRole.Total),
        ("origin", ColumnRole.Origin), ("exploitation", ColumnRole.Exploitation), ("ignore", ColumnRole.Ignore),
        ("sex", ColumnRole.Sex), ("age", ColumnRole.Age), ("form", ColumnRole.Form), ("breakdown", ColumnRole.Breakdown),
        ("dimension", ColumnRole.BreakdownName), ("category", ColumnRole.BreakdownValue), ("unit", ColumnRole.Unit),
        ("unitMultiplier", ColumnRole.UnitMultiplier), ("nature", ColumnRole.Nature), ("region", ColumnRole.Region),
        ("source", ColumnRole.Source), ("stateName", ColumnRole.StateName), ("outside", ColumnRole.Outside),
    ];

    /// <summary>The config key of a role, or its lower-case name for a role no config names (<c>unrecognised</c>, <c>linkage category</c>).</summary>
    internal static string RoleKeyOrName(ColumnRole role) =>
        RoleKeys.FirstOrDefault(r => r.Role == role).Key ?? (role == ColumnRole.Category ? "linkage category" : role.ToString().ToLowerInvariant());

    /// <summary>The config key of a column role (<c>state</c>, <c>period</c>, …), as vocabulary.json's "columns" names it.</summary>
    internal static string RoleKey(ColumnRole role) =>
        RoleKeys.FirstOrDefault(r => r.Role == role).Key ?? throw new ArgumentOutOfRangeException(nameof(role), role, "Not a role of vocabulary.json.");

    private static ColumnRole? ParseRole(string name) =>
        RoleKeys.FirstOrDefault(r => r.Key == name) is { Key: not null } found ? found.Role : null;
}
