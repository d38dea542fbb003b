using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Linkage.Render;

/// <summary>
/// Numbers the clip-path ids of an SVG from 1 in order of appearance. Skia's SVG writer takes them from a counter that
/// lives as long as the process, so without this the second chart rendered in a run would differ, byte for byte, from
/// the same chart rendered first.
/// </summary>
internal static partial class SvgIds
{
    /// <summary>Returns the SVG with its <c>cl_…</c> ids (and the <c>url(#cl_…)</c> references to them) renumbered.</summary>
    public static byte[] Renumber(byte[] svg)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var text = ClipId().Replace(Encoding.UTF8.GetString(svg), m =>
        {
            var id = m.Groups["id"].Value;
            if (!map.TryGetValue(id, out var renumbered))
            {
                renumbered = "cl_" + (map.Count + 1).ToString(CultureInfo.InvariantCulture);
                map.Add(id, renumbered);
            }

            return m.Groups["prefix"].Value + renumbered;
        });
        return Encoding.UTF8.GetBytes(text);
    }

    [GeneratedRegex(@"(?<prefix>id=""|url\(#)(?<id>cl_[0-9a-f]+)(?=["")])", RegexOptions.CultureInvariant)]
    private static partial Regex ClipId();
}
