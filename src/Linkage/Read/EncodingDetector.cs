using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Linkage.Read;

/// <summary>
/// Guesses the encoding of a text file from a prefix of its bytes: byte order mark, then UTF-16 without
/// BOM (NUL bytes at alternating positions), then valid UTF-8, then Windows-1251 against Windows-1252.
/// </summary>
internal static class EncodingDetector
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static ReadOnlySpan<byte> Utf16LeBom => [0xFF, 0xFE];

    private static ReadOnlySpan<byte> Utf16BeBom => [0xFE, 0xFF];

    /// <summary>Detects the encoding of <paramref name="prefix"/>; <paramref name="atEnd"/> is true when the prefix is the whole file.</summary>
    public static EncodingGuess Detect(ReadOnlySpan<byte> prefix, bool atEnd)
    {
        if (prefix.StartsWith(Utf8Bom))
        {
            return new(EncodingGuess.Utf8, "utf-8", "byte order mark", 3, false);
        }

        if (prefix.StartsWith(Utf16LeBom))
        {
            return new(EncodingGuess.Utf16Le, "utf-16le", "byte order mark", 2, true);
        }

        if (prefix.StartsWith(Utf16BeBom))
        {
            return new(EncodingGuess.Utf16Be, "utf-16be", "byte order mark", 2, true);
        }

        if (DetectUtf16WithoutBom(prefix) is { } utf16)
        {
            return utf16;
        }

        if (Ascii.IsValid(prefix))
        {
            return new(EncodingGuess.Utf8, "utf-8", "only ASCII bytes; read as UTF-8", 0, false);
        }

        if (IsValidUtf8(prefix, atEnd))
        {
            return new(EncodingGuess.Utf8, "utf-8", "valid UTF-8", 0, false);
        }

        var (cyrillic, latin) = ScoreHighLetters(prefix);
        if (cyrillic > latin)
        {
            return new(EncodingGuess.CodePage(1251), "windows-1251", FormattableString.Invariant(
                $"not valid UTF-8; {cyrillic} bytes 0xC0–0xFF stand in words of their own, read as Cyrillic (windows-1251)"), 0, false);
        }

        var why = latin > 0
            ? FormattableString.Invariant($"not valid UTF-8; {latin} bytes 0xC0–0xFF stand between Latin letters, read as Western European (windows-1252)")
            : "not valid UTF-8 and no letters among bytes 0xC0–0xFF; read as Western European (windows-1252)";
        return new(EncodingGuess.CodePage(1252), "windows-1252", why, 0, false);
    }

    /// <summary>Whether the bytes are UTF-8, allowing a sequence cut at the end of a prefix that is not the whole file.</summary>
    internal static bool IsValidUtf8(ReadOnlySpan<byte> bytes, bool atEnd)
    {
        var chars = ArrayPool<char>.Shared.Rent(bytes.Length);
        try
        {
            var status = Utf8.ToUtf16(bytes, chars, out _, out _, replaceInvalidSequences: false, isFinalBlock: atEnd);
            return status is OperationStatus.Done or OperationStatus.NeedMoreData;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>
    /// UTF-16 text of mostly ASCII characters has a NUL byte in every other position (odd positions for
    /// little endian, even for big endian); binary data has NULs at both.
    /// </summary>
    private static EncodingGuess? DetectUtf16WithoutBom(ReadOnlySpan<byte> prefix)
    {
        var sample = prefix[..Math.Min(prefix.Length, 65536)];
        if (sample.Length < 4)
        {
            return null;
        }

        int evenNul = 0, oddNul = 0;
        for (var i = 0; i < sample.Length; i++)
        {
            if (sample[i] == 0)
            {
                if ((i & 1) == 0)
                {
                    evenNul++;
                }
                else
                {
                    oddNul++;
                }
            }
        }

        var half = sample.Length / 2;
        if (oddNul * 10 >= half * 3 && evenNul * 20 <= oddNul)
        {
            return new(EncodingGuess.Utf16Le, "utf-16le", "no byte order mark, but NUL bytes at every other (odd) position: read as UTF-16 little endian", 0, true);
        }

        if (evenNul * 10 >= half * 3 && oddNul * 20 <= evenNul)
        {
            return new(EncodingGuess.Utf16Be, "utf-16be", "no byte order mark, but NUL bytes at every other (even) position: read as UTF-16 big endian", 0, true);
        }

        return null;
    }

    /// <summary>
    /// Scores bytes 0xC0–0xFF (letters in both code pages) by the words they stand in. In windows-1251 they are
    /// Cyrillic letters, so they make up whole words ("страна"); in windows-1252 they are accented Latin letters
    /// that sit between ASCII letters ("Größe", "año", "été"). Returns the counts of high bytes in words of two or more
    /// letters without any ASCII letter (Cyrillic evidence) and in words with ASCII letters (Latin evidence).
    /// </summary>
    internal static (int Cyrillic, int Latin) ScoreHighLetters(ReadOnlySpan<byte> bytes)
    {
        int cyrillic = 0, latin = 0, high = 0, ascii = 0;
        foreach (var b in bytes)
        {
            if (IsHighLetter(b))
            {
                high++;
            }
            else if (char.IsAsciiLetter((char)b))
            {
                ascii++;
            }
            else
            {
                Flush(ref cyrillic, ref latin, ref high, ref ascii);
            }
        }

        Flush(ref cyrillic, ref latin, ref high, ref ascii);
        return (cyrillic, latin);

        static void Flush(ref int cyrillic, ref int latin, ref int high, ref int ascii)
        {
            // A lone high letter (French "à", Russian "в") is a word in both languages: no evidence either way.
            if (ascii > 0)
            {
                latin += high;
            }
            else if (high > 1)
            {
                cyrillic += high;
            }

            high = 0;
            ascii = 0;
        }
    }

    // 0xA8 and 0xB8 are Ё and ё in windows-1251 (a diaeresis and a cedilla on their own in windows-1252).
    private static bool IsHighLetter(byte b) => b >= 0xC0 || b == 0xA8 || b == 0xB8;
}
