using Linkage.Analyse;
using Linkage.Model;

namespace Linkage.Output;

/// <summary>
/// The SDMX dataflow of <c>publish/regional-trends.sdmx.csv</c>: its identification, its columns and the code lists
/// that map a <see cref="RegionalTrendRow"/> to dimension codes and back. Pure; the writer and the reader share it,
/// so the two cannot disagree.
/// </summary>
public static class SdmxDataflow
{
    /// <summary>The maintenance agency of the dataflow.</summary>
    public const string Agency = "OSCE";

    /// <summary>The dataflow's id: the paragraph-23 regional-trends table.</summary>
    public const string Id = "DF_P23_REGIONAL_TRENDS";

    /// <summary>The dataflow's version.</summary>
    public const string Version = "1.0";

    /// <summary>The <c>STRUCTURE_ID</c> of every row: <c>AGENCY:ID(VERSION)</c>.</summary>
    public const string StructureId = Agency + ":" + Id + "(" + Version + ")";

    /// <summary>The <c>STRUCTURE</c> of every row: the rows are identified by a dataflow.</summary>
    public const string Structure = "dataflow";

    /// <summary>The <c>ACTION</c> of every row: information (loaded as an append).</summary>
    public const string Action = "I";

    /// <summary>The columns, in order: structure, action, the five dimensions, the measure, then the attributes.</summary>
    public static readonly string[] Columns =
    [
        "STRUCTURE", "STRUCTURE_ID", "ACTION",
        "REF_AREA", "TIME_PERIOD", "MEASURE", "LINKAGE", "INDICATOR",
        "OBS_VALUE",
        "OBS_STATUS", "CONF_STATUS", "LOWER_BOUND", "UPPER_BOUND", "STATES_REPORTING", "REF_AREA_NAME",
    ];

    /// <summary>CONF_STATUS of a value withheld by disclosure control (primary and secondary alike).</summary>
    public const string Confidential = "C";

    /// <summary>CONF_STATUS of every other value.</summary>
    public const string Free = "F";

    /// <summary>LINKAGE of the total (SDMX <c>_T</c>) and of the change of the total.</summary>
    public const string TotalLinkage = "_T";

    /// <summary>LINKAGE of a share, which is made of several categories (SDMX <c>_Z</c>, not applicable).</summary>
    public const string NotApplicable = "_Z";

    // Our indicator → (LINKAGE, INDICATOR). Unknown is SDMX _U, as in the SDMX submissions the pipeline reads.
    private static readonly (string Indicator, string Linkage, string Code)[] IndicatorCodes =
    [
        ("internal", "INTERNAL", "COUNT"),
        ("international", "INTERNATIONAL", "COUNT"),
        ("not_trafficked", "NOT_TRAFFICKED", "COUNT"),
        ("unknown", "_U", "COUNT"),
        ("total", TotalLinkage, "COUNT"),
        ("completeness", NotApplicable, "COMPLETENESS"),
        ("trafficked_share", NotApplicable, "TRAFFICKED_SHARE"),
        ("international_share", NotApplicable, "INTERNATIONAL_SHARE"),
        ("yoy_change", TotalLinkage, "YOY_CHANGE"),
    ];

    /// <summary>The MEASURE code of a measure: <c>CHILDREN</c>, <c>INVESTIGATIONS</c> or <c>VICTIMS</c>.</summary>
    public static string MeasureCode(Measure measure) => measure switch
    {
        Measure.Children => "CHILDREN",
        Measure.Investigations => "INVESTIGATIONS",
        Measure.Victims => "VICTIMS",
        _ => throw new ArgumentOutOfRangeException(nameof(measure)),
    };

    /// <summary>Reads a MEASURE code.</summary>
    public static bool TryMeasure(string code, out Measure measure)
    {
        switch (code)
        {
            case "CHILDREN": measure = Measure.Children; return true;
            case "INVESTIGATIONS": measure = Measure.Investigations; return true;
            case "VICTIMS": measure = Measure.Victims; return true;
            default: measure = default; return false;
        }
    }

    /// <summary>The LINKAGE and INDICATOR codes of one of <see cref="RegionalTrends.Indicators"/>.</summary>
    public static (string Linkage, string Indicator) IndicatorKey(string indicator)
    {
        foreach (var (name, linkage, code) in IndicatorCodes)
        {
            if (name == indicator)
            {
                return (linkage, code);
            }
        }

        throw new ArgumentOutOfRangeException(nameof(indicator), indicator, "not an indicator of the regional-trends table");
    }

    /// <summary>Reads a LINKAGE and INDICATOR pair back to one of <see cref="RegionalTrends.Indicators"/>.</summary>
    public static bool TryIndicator(string linkage, string code, out string indicator)
    {
        foreach (var (name, l, c) in IndicatorCodes)
        {
            if (l == linkage && c == code)
            {
                indicator = name;
                return true;
            }
        }

        indicator = string.Empty;
        return false;
    }

    /// <summary>The LINKAGE and INDICATOR pairs the dataflow uses, for messages.</summary>
    public static string IndicatorPairs => string.Join(", ", IndicatorCodes.Select(c => c.Linkage + "/" + c.Code));

    /// <summary>
    /// True when a <c>STRUCTURE_ID</c> (or SDMX-CSV 1.0 <c>DATAFLOW</c>) names this dataflow in any version, in any
    /// letter case, and also with its name after it as SDMX-CSV writes it with <c>labels=both</c>.
    /// </summary>
    public static bool IsThisDataflow(string structureId)
    {
        ArgumentNullException.ThrowIfNull(structureId);
        const string key = Agency + ":" + Id;
        var text = structureId.Trim();
        if (!text.StartsWith(key, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // Not a longer id that merely starts the same (DF_P23_REGIONAL_TRENDS_X).
        return text.Length == key.Length || text[key.Length] is '(' or ':' or ' ';
    }
}
