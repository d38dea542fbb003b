using System.Globalization;

using Linkage.Analyse;
using Linkage.Normalise;
using Linkage.Problems;
using Linkage.Read;
using Linkage.Recognise;

namespace Linkage.Output;

/// <summary>What reading an SDMX publication gave: the published rows, and the problems of the rows that were not read.</summary>
/// <param name="Rows">The observations as <see cref="RegionalTrendRow"/>s, in file order.</param>
/// <param name="Problems">File-level and row-level problems; empty for a file as <c>linkage run</c> writes it.</param>
public sealed record SdmxPublicationRead(IReadOnlyList<RegionalTrendRow> Rows, IReadOnlyList<Problem> Problems);

/// <summary>
/// Reads <c>publish/regional-trends.sdmx.csv</c> back into the rows of the regional-trends table, through the same
/// read layer as the submissions (<see cref="SourceReader"/> rows, the SDMX-CSV 2.0 header test of
/// <see cref="LayoutDetector"/>, OBS_STATUS and CONF_STATUS by <see cref="FlagCodes"/>). Never throws for bad data.
/// </summary>
public static class SdmxPublicationReader
{
    /// <summary>Opens and reads a file; problems name it as <paramref name="displayName"/>.</summary>
    public static SdmxPublicationRead ReadFile(string path, string displayName)
    {
        var outcome = SourceReader.Open(path, displayName, default);
        if (!outcome.IsOpen)
        {
            return new([], [outcome.Problem]);
        }

        using var table = outcome.Table;
        return Read(table);
    }

    /// <summary>Reads the rows of an opened table.</summary>
    public static SdmxPublicationRead Read(ISourceTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var file = table.File;
        var headerLine = table.Info.HeaderLine;
        var index = SdmxDataflow.Columns.ToDictionary(c => c, c => IndexOf(table.Header, c), StringComparer.Ordinal);
        var missing = index.Where(kv => kv.Value < 0).Select(kv => kv.Key).ToList();
        if (!LayoutDetector.IsSdmxV2Header(table.Header) || missing.Count > 0)
        {
            var what = missing.Count > 0 ? "column " + string.Join(", ", missing) : "STRUCTURE, STRUCTURE_ID and ACTION columns at its start";
            return new([], [ProblemCatalogue.PublicationHeader(file, headerLine, what, SdmxDataflow.StructureId, SdmxDataflow.Columns)]);
        }

        var rows = new List<RegionalTrendRow>();
        var problems = new List<Problem>();
        var seen = new Dictionary<(string, int, Model.Measure, string), int>();
        foreach (var raw in table.ReadRows())
        {
            if (raw.Fields.Length > table.Header.Count)
            {
                problems.Add(ProblemCatalogue.RaggedRow(file, raw.Line, raw.Fields.Length, table.Header.Count));
                continue;
            }

            var row = new Row(raw, index, file, problems);
            if (Parse(row) is not { } parsed)
            {
                continue;
            }

            if (seen.TryGetValue((parsed.Region, parsed.Year, parsed.Measure, parsed.Indicator), out var first))
            {
                problems.Add(ProblemCatalogue.PublicationDuplicate(file, raw.Line, first, string.Create(CultureInfo.InvariantCulture, $"{parsed.Region} {parsed.Year} {Model.Codes.Of(parsed.Measure)} {parsed.Indicator}")));
                continue;
            }

            seen[(parsed.Region, parsed.Year, parsed.Measure, parsed.Indicator)] = raw.Line;
            rows.Add(parsed);
        }

        problems.AddRange(table.RowProblems);
        return new(rows, problems);
    }

    private static RegionalTrendRow? Parse(Row row)
    {
        if (!string.Equals(row["STRUCTURE"], SdmxDataflow.Structure, StringComparison.OrdinalIgnoreCase))
        {
            return row.Bad("STRUCTURE", $"'{SdmxDataflow.Structure}'");
        }

        if (!string.Equals(row["STRUCTURE_ID"], SdmxDataflow.StructureId, StringComparison.OrdinalIgnoreCase))
        {
            return row.Bad("STRUCTURE_ID", SdmxDataflow.StructureId);
        }

        if (row["ACTION"].ToUpperInvariant() is not ("" or "I" or "A" or "R"))
        {
            return row.Bad("ACTION", "I, A or R (an action that states data)");
        }

        // The writer put one ' before a name that starts like a formula (or with ').
        var name = row["REF_AREA_NAME"] is ['\'', .. var rest] ? rest : row["REF_AREA_NAME"];
        if (name.Length == 0)
        {
            return row.Bad("REF_AREA_NAME", "the region's name");
        }

        if (!SdmxRegionCodes.Matches(row["REF_AREA"], name))
        {
            return row.Bad("REF_AREA", $"the code of the region '{name}' ({SdmxRegionCodes.Code(name, m49: true)} or {SdmxRegionCodes.Code(name, m49: false)})");
        }

        if (!int.TryParse(row["TIME_PERIOD"], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || row["TIME_PERIOD"].Length != 4)
        {
            return row.Bad("TIME_PERIOD", "a year yyyy");
        }

        if (!SdmxDataflow.TryMeasure(row["MEASURE"], out var measure))
        {
            return row.Bad("MEASURE", "CHILDREN or INVESTIGATIONS");
        }

        if (!SdmxDataflow.TryIndicator(row["LINKAGE"], row["INDICATOR"], out var indicator))
        {
            return row.Bad("INDICATOR", $"with LINKAGE '{row["LINKAGE"]}' one of the pairs {SdmxDataflow.IndicatorPairs}");
        }

        if (!FlagCodes.TryConfidentiality(row["CONF_STATUS"], out var confidential) || row["CONF_STATUS"].Length == 0)
        {
            return row.Bad("CONF_STATUS", $"{SdmxDataflow.Free} or {SdmxDataflow.Confidential}");
        }

        if (!FlagCodes.TryObservationStatus(row["OBS_STATUS"], out var status))
        {
            return row.Bad("OBS_STATUS", "flag letters from epbcm");
        }

        var withheld = confidential.Length > 0;
        if (withheld && ColumnNotEmpty(row, "OBS_VALUE", "OBS_STATUS", "LOWER_BOUND", "UPPER_BOUND") is { } filled)
        {
            return row.Bad(filled, "an empty cell, since CONF_STATUS says the value is withheld");
        }

        double? value = null;
        if (row["OBS_VALUE"].Length > 0)
        {
            var isCount = RegionalTrends.CountIndicators.Contains(indicator, StringComparer.Ordinal);
            if (isCount && long.TryParse(row["OBS_VALUE"], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                value = count;
            }
            else if (!isCount && Number(row["OBS_VALUE"]) is { } number)
            {
                value = number;
            }
            else
            {
                return row.Bad("OBS_VALUE", isCount ? "a whole number of 0 or more, or an empty cell" : "a number, or an empty cell");
            }
        }

        Interval? interval = null;
        var (low, high) = (row["LOWER_BOUND"], row["UPPER_BOUND"]);
        if (low.Length > 0 || high.Length > 0)
        {
            if (Number(low) is not { } l)
            {
                return row.Bad("LOWER_BOUND", "a number beside UPPER_BOUND");
            }

            if (Number(high) is not { } h)
            {
                return row.Bad("UPPER_BOUND", "a number beside LOWER_BOUND");
            }

            interval = new Interval(l, h);
        }

        if (!int.TryParse(row["STATES_REPORTING"], NumberStyles.None, CultureInfo.InvariantCulture, out var states))
        {
            return row.Bad("STATES_REPORTING", "a whole number of 0 or more");
        }

        return new RegionalTrendRow(name, year, measure, indicator, value, interval, withheld ? RegionalTrends.Suppressed : status, states) { Withheld = withheld };
    }

    private static string? ColumnNotEmpty(Row row, params string[] columns) => columns.FirstOrDefault(c => row[c].Length > 0);

    private static double? Number(string text) =>
        double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : null;

    private static int IndexOf(IReadOnlyList<string> header, string column)
    {
        for (var i = 0; i < header.Count; i++)
        {
            if (string.Equals(header[i], column, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>One data row with its cells by column name; <see cref="Bad"/> records why it is not read.</summary>
    private readonly struct Row(RawRow raw, Dictionary<string, int> index, string file, List<Problem> problems)
    {
        public string this[string column] => index[column] < raw.Fields.Length ? raw.Fields[index[column]] : string.Empty;

        public RegionalTrendRow? Bad(string column, string expected)
        {
            problems.Add(ProblemCatalogue.PublicationCell(file, raw.Line, column, this[column], expected, SdmxDataflow.StructureId));
            return null;
        }
    }
}
