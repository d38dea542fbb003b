using System.Globalization;

using CsvHelper;

using Linkage.Analyse;
using Linkage.Model;

namespace Linkage.Output;

/// <summary>
/// Writes <c>publish/regional-trends.sdmx.csv</c>: every row of the regional-trends table as an SDMX-CSV 2.0
/// observation of the dataflow <see cref="SdmxDataflow.StructureId"/>. Values are written in full (the shortest text
/// that reads back as the same double, never in exponent notation), so <see cref="SdmxPublicationReader"/> gets the
/// published rows back exactly; the same writer options as every CSV output (UTF-8 without BOM, comma, LF,
/// invariant culture, formula-safe text).
/// </summary>
public static class PublishSdmx
{
    /// <summary>Writes the rows in the order given.</summary>
    /// <param name="destination">The stream to write to; left open.</param>
    /// <param name="rows">The published rows (<see cref="StatisticsResult.Regional"/>).</param>
    /// <param name="m49Regions">True when the table was made with the default region map, whose regions take their UN M49 codes.</param>
    public static void Write(Stream destination, IEnumerable<RegionalTrendRow> rows, bool m49Regions)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        using var csv = CsvWriter.Create(destination, CsvTables.Options, leaveOpen: true);
        csv.WriteHeader(SdmxDataflow.Columns);
        foreach (var r in rows)
        {
            if (r.Withheld && (r.Value is not null || r.Interval is not null))
            {
                throw new InvalidOperationException($"{r.Region} {r.Year} {r.Indicator} is withheld but has a value; a withheld cell is published empty.");
            }

            var (linkage, indicator) = SdmxDataflow.IndicatorKey(r.Indicator);
            csv.WriteField(SdmxDataflow.Structure);
            csv.WriteField(SdmxDataflow.StructureId);
            csv.WriteField(SdmxDataflow.Action);
            csv.WriteField(RegionCode(codes, r.Region, m49Regions));
            csv.WriteField(r.Year);
            csv.WriteField(SdmxDataflow.MeasureCode(r.Measure));
            csv.WriteField(linkage);
            csv.WriteField(indicator);
            if (r.IsCount)
            {
                csv.WriteField(r.Value is { } v ? (long?)checked((long)v) : null);
            }
            else
            {
                Number(csv, r.Value);
            }

            // Disclosure control's c is CONF_STATUS C alone; a c left in the status is a component confidential at source.
            csv.WriteField(r.Withheld ? string.Empty : r.Status);
            csv.WriteField(r.Withheld ? SdmxDataflow.Confidential : SdmxDataflow.Free);
            Number(csv, r.Interval?.Low);
            Number(csv, r.Interval?.High);
            csv.WriteField(r.StatesReporting);
            csv.WriteField(EscapeName(r.Region));
            csv.EndRecord();
        }
    }

    /// <summary>
    /// A name that starts with <c>'</c> gets one more, so that the reader, which takes one leading <c>'</c> off (the
    /// formula escape the writer puts before <c>= + - @</c>), gives it back as it was.
    /// </summary>
    private static string EscapeName(string name) => name.StartsWith('\'') ? "'" + name : name;

    private static string RegionCode(Dictionary<string, string> codes, string region, bool m49)
    {
        var code = SdmxRegionCodes.Code(region, m49);
        if (codes.TryGetValue(code, out var other) && other != region)
        {
            throw new InvalidOperationException($"The regions '{other}' and '{region}' have the same REF_AREA code {code}; rename one of them.");
        }

        codes[code] = region;
        return code;
    }

    /// <summary>
    /// Writes a number as a number (a value, which is never formula-escaped, so <c>-0.25</c> stays a number), or an
    /// empty field for none. The plain text goes through <see cref="decimal"/>, which writes the digits it was given;
    /// a value with more decimals than a decimal holds (none in practice) is written as a double, which also reads back exactly.
    /// </summary>
    private static void Number(CsvWriter csv, double? value)
    {
        if (value is not { } v || !double.IsFinite(v))
        {
            csv.WriteField((string?)null);
            return;
        }

        var text = PlainText(v);
        if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var exact)
            && exact.ToString(CultureInfo.InvariantCulture) == text)
        {
            csv.WriteField(exact);
        }
        else
        {
            csv.WriteField(v);
        }
    }

    /// <summary>
    /// The shortest invariant text that reads back as <paramref name="value"/>, with exponent notation written out
    /// (<c>5E-06</c> → <c>0.000005</c>), since design.md wants plain numbers; the digits are those of the shortest
    /// form, so the text still reads back as the same double.
    /// </summary>
    public static string PlainText(double value)
    {
        var text = (value + 0.0).ToString("R", CultureInfo.InvariantCulture);
        var e = text.IndexOf('E', StringComparison.Ordinal);
        if (e < 0)
        {
            return text;
        }

        var negative = text[0] == '-';
        var mantissa = text[(negative ? 1 : 0)..e];
        var exponent = int.Parse(text.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        var dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        var digits = dot < 0 ? mantissa : mantissa.Remove(dot, 1);
        var point = (dot < 0 ? mantissa.Length : dot) + exponent;
        var plain = point <= 0
            ? "0." + new string('0', -point) + digits
            : point >= digits.Length
                ? digits + new string('0', point - digits.Length)
                : digits[..point] + "." + digits[point..];
        return negative ? "-" + plain : plain;
    }
}
