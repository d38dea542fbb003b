using System.Text;

namespace Linkage.Cli.Tests.Fuzz;

/// <summary>One valid text submission the fuzzer starts from: its lines, delimiter and the encoding it was written in.</summary>
/// <param name="Name">The sample file it came from.</param>
/// <param name="Header">The header line.</param>
/// <param name="Rows">The data lines (no line endings).</param>
/// <param name="Delimiter">The field delimiter of the file.</param>
/// <param name="Encoding">The encoding the file was written in (re-encoding mutations replace it).</param>
/// <param name="Bom">True when the file starts with a byte order mark.</param>
internal sealed record TextSubmission(string Name, string Header, IReadOnlyList<string> Rows, char Delimiter, Encoding Encoding, bool Bom);

/// <summary>
/// The valid submissions of <c>sample-data/</c> (written by <c>linkage sample</c>): one per layout — wide (English,
/// German, Russian), long (French), case records (Spanish, UTF-16), SDMX-CSV 1 and 2 — and the long Italian XLSX.
/// </summary>
internal static class FuzzSubmissions
{
    private static readonly Lazy<IReadOnlyList<TextSubmission>> TextLazy = new(Load);

    private static readonly Lazy<byte[]> XlsxLazy = new(() => File.ReadAllBytes(Path.Combine(Cli.SampleData, "04-long-it.xlsx")));

    static FuzzSubmissions()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>The text submissions.</summary>
    public static IReadOnlyList<TextSubmission> Text => TextLazy.Value;

    /// <summary>The bytes of the XLSX submission.</summary>
    public static byte[] Xlsx => XlsxLazy.Value;

    private static List<TextSubmission> Load() =>
    [
        Read("01-wide-en.csv", ',', new UTF8Encoding(false), bom: false),
        Read("02-wide-de.csv", ';', Encoding.GetEncoding(1252), bom: false),
        Read("03-long-fr.csv", ';', new UTF8Encoding(false), bom: true),
        Read("05-records-es.txt", '\t', new UnicodeEncoding(false, false), bom: true),
        Read("06-sdmx-v1.csv", ',', new UTF8Encoding(false), bom: false),
        Read("07-sdmx-v2.csv", ',', new UTF8Encoding(false), bom: false),
        Read("08-wide-ru.csv", ';', Encoding.GetEncoding(1251), bom: false),
    ];

    private static TextSubmission Read(string name, char delimiter, Encoding encoding, bool bom)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Cli.SampleData, name));
        var skip = bom ? Encoding.GetEncoding(encoding.CodePage).GetPreamble().Length : 0;
        var text = encoding.GetString(bytes, skip, bytes.Length - skip);
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
        return new TextSubmission(name, lines[0], lines.Skip(1).ToList(), delimiter, encoding, bom);
    }
}
