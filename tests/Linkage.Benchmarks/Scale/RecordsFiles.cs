using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

using Linkage.Sample;

namespace Linkage.Benchmarks.Scale;

/// <summary>The generator's parameters and summary, kept beside a records file (<c>FILE.json</c>) so the file is reused only when it is the same.</summary>
/// <param name="Version">The generator's <see cref="SampleGenerator.RecordsFileVersion"/>.</param>
/// <param name="Seed">Seed.</param>
/// <param name="Summary">What the generator wrote (rows, bytes, bad rows, linkage totals).</param>
internal sealed record RecordsFileSidecar(int Version, int Seed, RecordsFileSummary Summary);

/// <summary>Writes the benchmark records files once and reuses them while rows, seed, generator version and size match.</summary>
internal static class RecordsFiles
{
    public static (string Path, RecordsFileSummary Summary) Ensure(string folder, long rows, int seed)
    {
        var path = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"records-{rows}.csv"));
        var sidecarPath = path + ".json";
        if (File.Exists(path) && File.Exists(sidecarPath)
            && JsonSerializer.Deserialize<RecordsFileSidecar>(File.ReadAllText(sidecarPath)) is { } old
            && old.Version == SampleGenerator.RecordsFileVersion && old.Seed == seed && old.Summary.Rows == rows
            && old.Summary.Bytes == new FileInfo(path).Length)
        {
            Console.WriteLine($"{path}: reused ({Mb(old.Summary.Bytes)} MB, seed {seed.ToString(CultureInfo.InvariantCulture)})");
            return (path, old.Summary);
        }

        // The sidecar goes first: a file cut short by a kill then never matches it.
        File.Delete(sidecarPath);
        var clock = Stopwatch.StartNew();
        var summary = SampleGenerator.WriteRecordsFile(path, rows, seed);
        File.WriteAllText(sidecarPath, JsonSerializer.Serialize(new RecordsFileSidecar(SampleGenerator.RecordsFileVersion, seed, summary)));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path}: written in {clock.Elapsed.TotalSeconds:0.0} s ({Mb(summary.Bytes)} MB, {summary.BadRows} bad rows, seed {seed})"));
        return (path, summary);
    }

    /// <summary>Reads the whole file once so every engine finds it in the page cache.</summary>
    public static void WarmPageCache(string path)
    {
        var clock = Stopwatch.StartNew();
        var buffer = new byte[1 << 20];
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        long total = 0;
        int n;
        while ((n = stream.Read(buffer)) > 0)
        {
            total += n;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"page cache warmed: read {Mb(total)} MB of {Path.GetFileName(path)} in {clock.Elapsed.TotalSeconds:0.00} s; every engine reads it from memory"));
    }

    private static string Mb(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture);
}
