namespace Linkage.Read;

/// <summary>Recognises file content from its first bytes: zip packages (XLSX), old binary Office files, binary data.</summary>
internal static class ContentSniffer
{
    /// <summary>Whether the bytes start with a zip local-file or empty-archive signature ("PK\x03\x04", "PK\x05\x06").</summary>
    public static bool IsZip(ReadOnlySpan<byte> prefix) =>
        prefix.Length >= 4 && prefix[0] == (byte)'P' && prefix[1] == (byte)'K'
        && ((prefix[2] == 3 && prefix[3] == 4) || (prefix[2] == 5 && prefix[3] == 6));

    /// <summary>
    /// Whether 8-bit text content looks like binary data: any NUL byte, or more than 2 % control bytes other
    /// than tab, line feed, carriage return, form feed and the DOS end-of-file mark (0x1A).
    /// </summary>
    public static bool LooksBinary(ReadOnlySpan<byte> prefix)
    {
        if (prefix.Contains((byte)0))
        {
            return true;
        }

        var control = 0;
        foreach (var b in prefix)
        {
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C or 0x1A))
            {
                control++;
            }
        }

        return control > 0 && control * 50L > prefix.Length;
    }
}
