using System.Buffers.Binary;

namespace Linkage.Report;

/// <summary>
/// The print size of a PNG, read from the file itself: its pixel size (<c>IHDR</c>) and the density it declares
/// (<c>pHYs</c>, pixels per metre; the renderer writes 300 dpi), so a chart goes into Word at the size it was drawn for.
/// </summary>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="PixelsPerMetreX">Horizontal density.</param>
/// <param name="PixelsPerMetreY">Vertical density.</param>
public readonly record struct PngSize(int Width, int Height, int PixelsPerMetreX, int PixelsPerMetreY)
{
    /// <summary>English Metric Units per metre (Office drawing unit: 914,400 per inch, 360,000 per centimetre).</summary>
    public const long EmuPerMetre = 36_000_000;

    /// <summary>EMUs in a tenth of a millimetre, the step the print size is rounded to.</summary>
    private const long EmuPerTenthMillimetre = 3_600;

    /// <summary>The density PNG readers (and Word) assume when a file declares none: 96 dpi.</summary>
    private const int DefaultPixelsPerMetre = 3_780;

    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    /// <summary>Printed width in EMU.</summary>
    public long WidthEmu => Emu(Width, PixelsPerMetreX);

    /// <summary>Printed height in EMU.</summary>
    public long HeightEmu => Emu(Height, PixelsPerMetreY);

    /// <summary>Reads the size and density; throws <see cref="ArgumentException"/> when the bytes are not a PNG.</summary>
    public static PngSize Read(ReadOnlySpan<byte> png)
    {
        if (png.Length < 33 || !png[..8].SequenceEqual(Signature) || !png.Slice(12, 4).SequenceEqual("IHDR"u8))
        {
            throw new ArgumentException("Not a PNG file.", nameof(png));
        }

        var width = BinaryPrimitives.ReadInt32BigEndian(png[16..]);
        var height = BinaryPrimitives.ReadInt32BigEndian(png[20..]);
        var (x, y) = (DefaultPixelsPerMetre, DefaultPixelsPerMetre);
        for (var offset = 8; offset + 8 <= png.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png[offset..]);
            var type = png.Slice(offset + 4, 4);
            if (type.SequenceEqual("pHYs"u8) && length == 9 && offset + 17 <= png.Length && png[offset + 16] == 1)
            {
                (x, y) = (BinaryPrimitives.ReadInt32BigEndian(png[(offset + 8)..]), BinaryPrimitives.ReadInt32BigEndian(png[(offset + 12)..]));
                break;
            }

            if (type.SequenceEqual("IDAT"u8) || length < 0)
            {
                break; // pHYs must come before the image data
            }

            offset += 12 + length;
        }

        if (width <= 0 || height <= 0 || x <= 0 || y <= 0)
        {
            throw new ArgumentException("The PNG declares no size or density.", nameof(png));
        }

        return new PngSize(width, height, x, y);
    }

    /// <summary>
    /// Pixels at the density, to the nearest 0.1 mm: the renderer rounds a chart's pixels (16 cm at 300 dpi is 1,889.8
    /// pixels, drawn as 1,890), and the nearest 0.1 mm gives back the size it was drawn for, which must not exceed the
    /// 16 cm text width by that half pixel.
    /// </summary>
    private static long Emu(int pixels, int pixelsPerMetre) =>
        ((((long)pixels * 20_000) + pixelsPerMetre) / (2L * pixelsPerMetre)) * EmuPerTenthMillimetre;
}
