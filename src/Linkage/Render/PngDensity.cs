using System.Buffers.Binary;
using System.Text;

namespace Linkage.Render;

/// <summary>
/// Sets the pixel density a PNG declares (its <c>pHYs</c> chunk), which Skia's encoder does not write: without it, word
/// processors place a 300 dpi chart at 96 dpi, three times too large.
/// </summary>
internal static class PngDensity
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];
    private static readonly uint[] CrcTable = BuildCrcTable();

    /// <summary>Pixels per metre at <paramref name="dpi"/> (300 dpi → 11811).</summary>
    public static uint PixelsPerMetre(int dpi) => (uint)Math.Round(dpi / 0.0254);

    /// <summary>Returns the PNG with a single <c>pHYs</c> chunk of <paramref name="dpi"/>, placed right after <c>IHDR</c>.</summary>
    public static byte[] WithDpi(byte[] png, int dpi)
    {
        ArgumentNullException.ThrowIfNull(png);
        if (png.Length < 8 || !png.AsSpan(0, 8).SequenceEqual(Signature))
        {
            throw new ArgumentException("Not a PNG file.", nameof(png));
        }

        var ppm = PixelsPerMetre(dpi);
        var data = new byte[9];
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(0), ppm);
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(4), ppm);
        data[8] = 1; // unit: metre

        using var output = new MemoryStream(png.Length + 21);
        output.Write(Signature);
        var offset = 8;
        while (offset < png.Length)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset));
            var type = Encoding.ASCII.GetString(png, offset + 4, 4);
            var chunkLength = 12 + length;
            if (type != "pHYs")
            {
                output.Write(png, offset, chunkLength);
            }

            if (type == "IHDR")
            {
                WriteChunk(output, "pHYs", data);
            }

            offset += chunkLength;
        }

        return output.ToArray();
    }

    private static void WriteChunk(Stream output, string type, byte[] data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(word, (uint)data.Length);
        output.Write(word);
        var typeAndData = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        output.Write(typeAndData);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32(typeAndData));
        output.Write(word);
    }

    /// <summary>The CRC-32 of the PNG specification (ISO 3309, polynomial 0xEDB88320).</summary>
    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc ^ 0xFFFFFFFFu;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (var n = 0u; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
