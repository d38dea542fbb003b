using System.Text;

namespace Linkage.Read;

/// <summary>The encoding a text file is decoded with, why, and how many byte-order-mark bytes to skip.</summary>
/// <param name="Encoding">Decoder whose fallback turns invalid bytes into U+FFFD, which the reader reports per row.</param>
/// <param name="Name">Name shown to the user and in <see cref="SourceInfo.Encoding"/>.</param>
/// <param name="Reason">Why this encoding was chosen.</param>
/// <param name="BomLength">Bytes of byte order mark at the start of the file (not part of the text).</param>
/// <param name="IsUtf16">Whether NUL bytes are expected (UTF-16), so the binary check does not apply.</param>
internal sealed record EncodingGuess(Encoding Encoding, string Name, string Reason, int BomLength, bool IsUtf16)
{
    /// <summary>The replacement character that marks undecodable bytes; a row containing it is rejected.</summary>
    public const char Invalid = '\uFFFD';

    /// <summary>UTF-8 without BOM emission, invalid bytes → U+FFFD.</summary>
    public static Encoding Utf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>UTF-16 little endian, invalid sequences → U+FFFD.</summary>
    public static Encoding Utf16Le { get; } = new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: false);

    /// <summary>UTF-16 big endian, invalid sequences → U+FFFD.</summary>
    public static Encoding Utf16Be { get; } = new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: false);

    /// <summary>A Windows code page whose undefined bytes decode to U+FFFD instead of a look-alike character.</summary>
    public static Encoding CodePage(int codePage) =>
        Encoding.GetEncoding(codePage, EncoderFallback.ReplacementFallback, new DecoderReplacementFallback(Invalid.ToString()));

    /// <summary>Builds the guess for an encoding forced with <c>--encoding</c>, skipping its byte order mark when present.</summary>
    public static EncodingGuess Forced(Encoding requested, ReadOnlySpan<byte> prefix)
    {
        var encoding = (Encoding)requested.Clone();
        encoding.DecoderFallback = new DecoderReplacementFallback(Invalid.ToString());
        var preamble = requested.GetPreamble();
        var bom = preamble.Length > 0 && prefix.StartsWith(preamble) ? preamble.Length : 0;
        var isUtf16 = requested.CodePage is 1200 or 1201 or 12000 or 12001;
        return new EncodingGuess(encoding, NameOf(requested), "--encoding", bom, isUtf16);
    }

    /// <summary>The name shown for an encoding: web name, with UTF-16's byte order spelled out.</summary>
    public static string NameOf(Encoding encoding) => encoding.CodePage switch
    {
        1200 => "utf-16le",
        1201 => "utf-16be",
        _ => encoding.WebName,
    };
}
