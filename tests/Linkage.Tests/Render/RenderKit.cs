using System.Buffers.Binary;
using System.Text;
using System.Xml.Linq;

using Linkage.Analyse;
using Linkage.Model;
using Linkage.Normalise;
using Linkage.Pipeline;
using Linkage.Protect;
using Linkage.Reconcile;
using Linkage.Render;
using Linkage.Tests.TestSupport;

using SkiaSharp;

namespace Linkage.Tests.Render;

/// <summary>
/// A realistic chart input (the synthetic sample of <c>linkage sample</c>: 57 States, 2010–2025, every layout, run
/// through the whole pipeline), built once per test run, and readers for the rendered PNG and SVG files.
/// </summary>
internal static class RenderKit
{
    private static readonly Lazy<(PipelineResult Pipeline, StatisticsResult Stats)> Sample = new(RunSample);

    /// <summary>The statistics of the sample data with k = 5.</summary>
    public static StatisticsResult Stats => Sample.Value.Stats;

    /// <summary>The files, row accounting and rejects of the sample run.</summary>
    public static PipelineResult Pipeline => Sample.Value.Pipeline;

    /// <summary>The chart input of the sample for a measure, with a fixed as-of date.</summary>
    public static ChartInput Input(Measure measure = Measure.Children) =>
        new(Stats.Regional, Stats.Trends, StateCompleteness.Build(Stats.Aggregate.States, 5), measure, 5, new DateOnly(2026, 1, 15));

    /// <summary>Every text element of an SVG, trimmed (also checks that the SVG is well-formed XML).</summary>
    public static List<string> SvgTexts(byte[] svg)
    {
        var doc = XDocument.Parse(Encoding.UTF8.GetString(svg));
        return [.. doc.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim())];
    }

    /// <summary>The PNG's chunks in file order: type and data.</summary>
    public static List<(string Type, byte[] Data, uint Crc)> PngChunks(byte[] png)
    {
        var chunks = new List<(string, byte[], uint)>();
        for (var offset = 8; offset < png.Length;)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset));
            var type = Encoding.ASCII.GetString(png, offset + 4, 4);
            var data = png.AsSpan(offset + 8, length).ToArray();
            chunks.Add((type, data, BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset + 8 + length))));
            offset += 12 + length;
        }

        return chunks;
    }

    /// <summary>CRC-32 computed bit by bit (PNG specification, annex D), independently of the renderer's table.</summary>
    public static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    /// <summary>The PNG's size and the number of distinct colours on a grid of sampled pixels.</summary>
    public static (int Width, int Height, int Colours) PngSummary(byte[] png)
    {
        using var bitmap = SKBitmap.Decode(png);
        Assert.IsNotNull(bitmap, "the PNG does not decode");
        var colours = new HashSet<uint>();
        for (var y = 0; y < bitmap.Height; y += 3)
        {
            for (var x = 0; x < bitmap.Width; x += 3)
            {
                colours.Add((uint)bitmap.GetPixel(x, y));
            }
        }

        return (bitmap.Width, bitmap.Height, colours.Count);
    }

    private static (PipelineResult Pipeline, StatisticsResult Stats) RunSample()
    {
        var inputs = SampleData.Inputs();
        Assert.HasCount(8, inputs, "the committed sample has eight data files");
        var context = NormaliseContext.Default(2027);
        var pipeline = PipelineRunner.Run(inputs, context, new PipelineOptions());
        var stats = StatisticsRunner.Run(pipeline.Observations, context.Regions, StatisticsOptions.Default);
        Assert.IsTrue(stats.MayPublish, "the sample's tables pass disclosure control");
        return (pipeline, stats);
    }
}
