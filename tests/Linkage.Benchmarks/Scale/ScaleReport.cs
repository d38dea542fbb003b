using System.Globalization;
using System.Text;

namespace Linkage.Benchmarks.Scale;

/// <summary>The results table, the ratios and the targets: printed, and written as CSV (invariant culture).</summary>
internal static class ScaleReport
{
    /// <summary>Bytes in a megabyte as printed here (2^20, as RSS is usually given).</summary>
    public const double Mb = 1024 * 1024;

    private const double MaxRssMb = 256;
    private const double MaxRssGrowth = 1.25;
    private const double MaxTimeVsWc = 4.0;
    private const double MinThroughputVsDuckDb = 1.0;

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>One printed and written line of the table.</summary>
    private sealed record Line(ScaleResult Result, double? VsDuckDb, double? VsWc);

    /// <summary>One target and whether it was met.</summary>
    private sealed record Target(string Name, string Case, double Value, double Limit, bool Pass, string Unit);

    public static void Write(IReadOnlyList<ScaleResult> results, string csvPath)
    {
        var lines = results.Select(r => new Line(r, Ratio(results, r, "duckdb", throughput: true), Ratio(results, r, "wc", throughput: false))).ToList();
        var targets = Targets(results);

        var table = new StringBuilder();
        table.AppendLine(Inv, $"{"case",-16} {"engine",-9} {"rows",12} {"MB",8} {"seconds",9} {"rows/s",12} {"MB/s",8} {"peak RSS MB",12} {"thrpt/duckdb",13} {"time/wc",8}");
        foreach (var l in lines)
        {
            var r = l.Result;
            table.AppendLine(Inv, $"{r.Case,-16} {r.Engine,-9} {Rows(r),12} {r.Bytes / Mb,8:0.0} {r.Seconds,9:0.000} {(r.Rows > 0 ? r.RowsPerSecond.ToString("#,0", Inv) : "-"),12} {(r.Rows > 0 ? r.MbPerSecond.ToString("0.0", Inv) : "-"),8} {r.PeakRssBytes / Mb,12:0.0} {Ratio(l.VsDuckDb),13} {Ratio(l.VsWc),8}");
        }

        Console.WriteLine();
        Console.WriteLine("median of " + results.Max(r => r.Runs.Count).ToString(Inv) + " runs; seconds = the work inside a fresh process (for batch: the whole `linkage run`, start-up included); MB = 2^20 bytes");
        Console.Write(table);
        Console.WriteLine();
        Console.WriteLine("targets");
        foreach (var t in targets)
        {
            Console.WriteLine(string.Create(Inv, $"  {(t.Pass ? "PASS" : "MISS")}  {t.Name,-42} {t.Case,-16} {t.Value,8:0.00}{t.Unit} (limit {t.Limit:0.##}{t.Unit})"));
        }

        WriteCsv(lines, csvPath);
        var targetsPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(csvPath))!, Path.GetFileNameWithoutExtension(csvPath) + "-targets.csv");
        var csv = new StringBuilder("target,case,value,limit,result\n");
        foreach (var t in targets)
        {
            csv.Append(Inv, $"{t.Name},{t.Case},{t.Value:0.####},{t.Limit:0.####},{(t.Pass ? "PASS" : "MISS")}\n");
        }

        File.WriteAllText(targetsPath, csv.ToString());
        Console.WriteLine();
        Console.WriteLine($"written: {csvPath}, {targetsPath}");
    }

    private static void WriteCsv(List<Line> lines, string path)
    {
        var csv = new StringBuilder("case,engine,rows,mb,seconds,rows_per_s,mb_per_s,peak_rss_mb,rows_accepted,rows_rejected,observations,runs,throughput_vs_duckdb,time_vs_wc\n");
        foreach (var l in lines)
        {
            var r = l.Result;
            csv.Append(Inv, $"{r.Case},{r.Engine},{r.Rows},{r.Bytes / Mb:0.###},{r.Seconds:0.####},{(r.Rows > 0 ? r.RowsPerSecond.ToString("0", Inv) : string.Empty)},{(r.Rows > 0 ? r.MbPerSecond.ToString("0.###", Inv) : string.Empty)},{r.PeakRssBytes / Mb:0.#},");
            csv.Append(Inv, $"{r.First.RowsAccepted},{r.First.RowsRejected},{r.First.Observations},{r.Runs.Count},{l.VsDuckDb:0.####},{l.VsWc:0.####}\n");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, csv.ToString());
    }

    /// <summary>For the pipeline's line: its throughput over DuckDB's, or its time over wc's, on the same case.</summary>
    private static double? Ratio(IReadOnlyList<ScaleResult> results, ScaleResult r, string other, bool throughput)
    {
        if (r.Engine != "pipeline" || results.FirstOrDefault(o => o.Case == r.Case && o.Engine == other) is not { } o)
        {
            return null;
        }

        return throughput ? o.Seconds / r.Seconds : r.Seconds / o.Seconds;
    }

    private static List<Target> Targets(IReadOnlyList<ScaleResult> results)
    {
        var targets = new List<Target>();
        var pipeline = results.Where(r => r.Engine == "pipeline").OrderBy(r => r.Rows).ToList();
        foreach (var p in pipeline)
        {
            if (Ratio(results, p, "duckdb", throughput: true) is { } vsDuck)
            {
                targets.Add(new Target("pipeline throughput vs DuckDB", p.Case, vsDuck, MinThroughputVsDuckDb, vsDuck >= MinThroughputVsDuckDb, "x"));
            }

            targets.Add(new Target("pipeline peak RSS", p.Case, p.PeakRssBytes / Mb, MaxRssMb, p.PeakRssBytes / Mb <= MaxRssMb, " MB"));
            if (Ratio(results, p, "wc", throughput: false) is { } vsWc)
            {
                targets.Add(new Target("pipeline time vs wc -l", p.Case, vsWc, MaxTimeVsWc, vsWc <= MaxTimeVsWc, "x"));
            }
        }

        if (pipeline.Count >= 2)
        {
            var growth = pipeline[^1].PeakRssBytes / pipeline[0].PeakRssBytes;
            targets.Add(new Target("pipeline peak RSS growth", $"{pipeline[0].Case}->{pipeline[^1].Rows.ToString(Inv)}", growth, MaxRssGrowth, growth <= MaxRssGrowth, "x"));
        }

        return targets;
    }

    private static string Rows(ScaleResult r) => r.Rows > 0 ? r.Rows.ToString("#,0", Inv) : "-";

    private static string Ratio(double? value) => value is { } v ? v.ToString("0.00", Inv) + "x" : string.Empty;
}
