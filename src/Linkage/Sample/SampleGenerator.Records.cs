using System.Text;

using Linkage.Output;

namespace Linkage.Sample;

public static partial class SampleGenerator
{
    /// <summary>Name of the benchmark records file that <c>linkage sample --records-only</c> writes.</summary>
    public const string RecordsFileName = "records.csv";

    /// <summary>Header line of the benchmark records file.</summary>
    public const string RecordsFileHeader = "state,date,citizenship,country of exploitation";

    /// <summary>Changes whenever the benchmark records file changes for the same rows and seed, so cached copies are remade.</summary>
    public const int RecordsFileVersion = 1;

    /// <summary>
    /// Streams a benchmark records file to <paramref name="path"/>: UTF-8 without BOM, comma-separated, one case
    /// record a row (<see cref="RecordsFileHeader"/>), with about one row in 2,000 made bad on purpose so rejects are
    /// exercised. Memory does not grow with <paramref name="rows"/>; the same rows and seed give the same bytes.
    /// </summary>
    public static RecordsFileSummary WriteRecordsFile(string path, long rows, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        using var stream = OutputFiles.Create(path);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16);
        var summary = WriteRecords(writer, rows, seed);
        writer.Flush();
        return summary with { Bytes = stream.Length };
    }

    /// <summary>As <see cref="WriteRecordsFile"/>, to a writer (the bytes depend on its encoding).</summary>
    public static RecordsFileSummary WriteRecords(TextWriter writer, long rows, int seed)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        return new BenchmarkRecords(seed).Write(writer, rows);
    }
}
