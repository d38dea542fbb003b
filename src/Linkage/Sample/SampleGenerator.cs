using System.Globalization;
using System.Text;

using Linkage.Output;

using MiniExcelLibs;

namespace Linkage.Sample;

/// <summary>
/// Writes synthetic submissions in every layout (wide, long, SDMX-CSV 1 and 2, case records, XLSX), in several
/// languages, encodings and delimiters, for 57 States × 2010–2025. The data is invented; it only looks real.
/// </summary>
public static partial class SampleGenerator
{
    /// <summary>The seed used when none is given; the committed <c>sample-data/</c> was written with it.</summary>
    public const int DefaultSeed = 23;

    /// <summary>Case-level records written when no number is given.</summary>
    public const int DefaultRecords = 3000;

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static readonly string[] WideEn = ["DNK", "EST", "FIN", "ISL", "IRL", "LVA", "LTU", "NOR", "SWE", "GBR", "CAN", "USA"];
    private static readonly string[] WideDe = ["DEU", "AUT", "CHE", "LIE", "LUX", "NLD", "BEL"];
    private static readonly string[] LongFr = ["FRA", "MCO"];
    private static readonly string[] LongIt = ["ITA", "SMR", "VAT", "MLT"];
    private static readonly string[] RecordsEs = ["ESP", "AND", "PRT"];
    private static readonly string[] SdmxV1 = ["ALB", "BIH", "HRV", "GRC", "MNE", "MKD", "SRB", "SVN"];
    private static readonly string[] SdmxV2 = ["CZE", "HUN", "POL", "ROU", "SVK", "CYP", "TUR"];
    private static readonly string[] WideRu = ["BLR", "RUS", "UKR", "MDA", "BGR", "ARM", "AZE", "GEO", "KAZ", "KGZ", "TJK", "TKM", "UZB", "MNG"];

    /// <summary>Writes the sample files into <paramref name="folder"/> and returns their names.</summary>
    public static IReadOnlyList<string> Write(string folder, int seed, int records)
    {
        OutputFiles.CreateFolder(folder);
        var rng = new Random(seed);
        var all = WideEn.Concat(WideDe).Concat(LongFr).Concat(LongIt).Concat(RecordsEs).Concat(SdmxV1).Concat(SdmxV2).Concat(WideRu);
        var truth = SyntheticTruth.Draw(all, rng).ToLookup(y => y.State);
        IEnumerable<SyntheticYear> Of(string[] states) => states.SelectMany(s => truth[s]);

        var written = new List<string>
        {
            WriteText(folder, "01-wide-en.csv", WideEnglish(Of(WideEn)), new UTF8Encoding(false)),
            WriteText(folder, "02-wide-de.csv", WideGerman(Of(WideDe)), CodePage(1252)),
            WriteText(folder, "03-long-fr.csv", LongFrench(Of(LongFr)), new UTF8Encoding(true)),
            WriteLongItalianXlsx(folder, "04-long-it.xlsx", Of(LongIt)),
            WriteRecordsSpanish(folder, "05-records-es.txt", Of(RecordsEs), records, rng),
            WriteText(folder, "06-sdmx-v1.csv", Sdmx1(Of(SdmxV1)), new UTF8Encoding(false)),
            WriteText(folder, "07-sdmx-v2.csv", Sdmx2(Of(SdmxV2)), new UTF8Encoding(false)),
            WriteText(folder, "08-wide-ru.csv", WideRussian(Of(WideRu)), CodePage(1251)),
        };
        return written;
    }

    private static Encoding CodePage(int page)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(page);
    }

    private static string WriteText(string folder, string name, string text, Encoding encoding)
    {
        OutputFiles.WriteText(Path.Combine(folder, name), text, encoding);
        return name;
    }

    private static string N(int value) => value.ToString(Inv);
}
