using System.Text.Json.Serialization;

namespace Linkage.Config;

/// <summary>
/// The shape of both the built-in dictionary (<c>Recognise/Data/vocabulary.json</c>) and a user's <c>--config</c>
/// file: the user's file adds to the built-in one. Every section is optional.
/// </summary>
public sealed record LinkageConfig
{
    /// <summary>Column role (e.g. <c>state</c>, <c>total</c>, <c>ignore</c>) → header names that mean it.</summary>
    [JsonPropertyName("columns")]
    public Dictionary<string, List<string>> Columns { get; init; } = [];

    /// <summary>Linkage code (<c>internal</c>, <c>international</c>, <c>not_trafficked</c>, <c>unknown</c>, <c>total</c>) → labels.</summary>
    [JsonPropertyName("linkage")]
    public Dictionary<string, List<string>> Linkage { get; init; } = [];

    /// <summary>Measure code (<c>children</c>, <c>investigations</c>) → labels.</summary>
    [JsonPropertyName("measure")]
    public Dictionary<string, List<string>> Measure { get; init; } = [];

    /// <summary>Missing and confidential value markers (<c>missing</c>, <c>confidential</c>).</summary>
    [JsonPropertyName("markers")]
    public Dictionary<string, List<string>> Markers { get; init; } = [];

    /// <summary>Personal-data kind → header names that mean it (built-in only; a user config cannot remove any).</summary>
    [JsonPropertyName("personalData")]
    public Dictionary<string, List<string>> PersonalData { get; init; } = [];

    /// <summary>
    /// Personal-data names too generic to look for inside a longer header (<c>name</c> in "region name", French
    /// <c>nombre</c> in "nombre de cas"): they stop a file only when they are the whole header.
    /// </summary>
    [JsonPropertyName("personalDataWholeHeaderOnly")]
    public List<string> PersonalDataWholeHeaderOnly { get; init; } = [];

    /// <summary>State alias → ISO 3166-1 alpha-3 code of a participating State.</summary>
    [JsonPropertyName("states")]
    public Dictionary<string, string> States { get; init; } = [];

    /// <summary>Region map: <c>ISO3</c> or <c>ISO3/area</c> → region name. When present it replaces the default map.</summary>
    [JsonPropertyName("regions")]
    public Dictionary<string, string> Regions { get; init; } = [];

    /// <summary>Measure assumed for files that state none (<c>children</c> or <c>investigations</c>).</summary>
    [JsonPropertyName("defaultMeasure")]
    public string? DefaultMeasure { get; init; }

    /// <summary>
    /// Header → the one value of that breakdown column the statistics use (<c>"Sex": "Total"</c>, <c>"Form of
    /// exploitation": "Sexual exploitation"</c>); rows with any other value are set aside. Pins what the pipeline
    /// would otherwise choose (the breakdown's total).
    /// </summary>
    [JsonPropertyName("select")]
    public Dictionary<string, string> Select { get; init; } = [];

    /// <summary>
    /// Where case records without a reporting-State column take their State: <c>exploitation</c> (CTDC's convention:
    /// the country of exploitation is where the victim was identified). Null: the file needs a State column.
    /// </summary>
    [JsonPropertyName("stateFrom")]
    public string? StateFrom { get; init; }

    /// <summary>The reporting State (alpha-3) of every row of a file that has no State column (<c>--state</c>).</summary>
    [JsonPropertyName("state")]
    public string? State { get; init; }

    /// <summary>The source named in charts and reports (<c>UNODC GLOTIP, release of 14 April 2025</c>).</summary>
    [JsonPropertyName("source")]
    public string? Source { get; init; }
}
