using System.Diagnostics;

using Linkage.Model;
using Linkage.Normalise;
using Linkage.Pipeline;
using Linkage.Read;

namespace Linkage.Benchmarks.Scale;

/// <summary>
/// This project's records ingest and aggregation: <see cref="PipelineRunner.Run"/> on one file with the options
/// <c>linkage run FILE</c> uses when none are given (built-in dictionaries and region map, years up to next year,
/// day/month order from the file, <c>--on-conflict error</c>).
/// </summary>
internal static class PipelineEngine
{
    public static Measurement Run(string file)
    {
        // As the CLI builds it without --config/--as-of (InputOptions.Resolve); built before the clock starts, like
        // DuckDB's mapping tables, so both engines are timed from the first byte read.
        var context = NormaliseContext.Default(DateTime.UtcNow.Year + 1);
        var options = new PipelineOptions();
        var clock = Stopwatch.StartNew();
        var result = PipelineRunner.Run([new InputFile(file, Path.GetFileName(file))], context, options);
        clock.Stop();
        var report = result.Files.Single();
        long Sum(LinkageCategory linkage) => result.Observations.Where(o => o.Linkage == linkage).Sum(o => o.Count ?? 0);
        var fileProblems = string.Join(" ", report.FileProblems.Select(p => p.Code).Distinct(StringComparer.Ordinal));
        return new Measurement(
            "pipeline",
            clock.Elapsed.TotalSeconds,
            ProcessMemory.PeakOfSelf(),
            report.RowsRead,
            report.RowsAccepted,
            report.RowsRejected,
            result.Observations.Count,
            Sum(LinkageCategory.Internal),
            Sum(LinkageCategory.International),
            Sum(LinkageCategory.Unknown),
            0,
            fileProblems.Length > 0 ? "file problems: " + fileProblems : string.Empty);
    }
}
