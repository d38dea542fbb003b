using System.Security.Cryptography;
using System.Text;

using Linkage.Aggregate;

namespace Linkage.Output;

/// <summary>
/// The <c>REF_AREA</c> code list of the SDMX publication. <c>OSCE</c> is the all-States total; with the default
/// region map a region is its UN M49 sub-region code (<c>155</c> Western Europe, …); a region of a user's region map
/// is <c>R</c> and the first 12 hex digits of the SHA-256 of its UTF-8 name. The name itself travels in
/// <c>REF_AREA_NAME</c>, so a free name (spaces, commas, any script) round-trips exactly while the code stays a valid
/// SDMX id that does not change between runs.
/// </summary>
public static class SdmxRegionCodes
{
    /// <summary>The UN M49 codes of the default regions (the sub-regions of the participating States).</summary>
    public static IReadOnlyDictionary<string, string> M49 { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Northern America"] = "021",
        ["Eastern Asia"] = "030",
        ["Southern Europe"] = "039",
        ["Central Asia"] = "143",
        ["Western Asia"] = "145",
        ["Eastern Europe"] = "151",
        ["Northern Europe"] = "154",
        ["Western Europe"] = "155",
    };

    /// <summary>The code of a region.</summary>
    /// <param name="region">The region's name, or <c>OSCE</c>.</param>
    /// <param name="m49">True when the table was made with the default (M49) region map. A user's map may reuse an M49
    /// name for other States, so its regions never take an M49 code.</param>
    public static string Code(string region, bool m49)
    {
        ArgumentNullException.ThrowIfNull(region);
        if (region == Aggregator.Osce)
        {
            return Aggregator.Osce;
        }

        if (m49 && M49.TryGetValue(region, out var code))
        {
            return code;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(region));
        return "R" + Convert.ToHexString(hash, 0, 6);
    }

    /// <summary>True when <paramref name="code"/> is the code of <paramref name="region"/> under either region map.</summary>
    public static bool Matches(string code, string region) => code == Code(region, m49: true) || code == Code(region, m49: false);
}
