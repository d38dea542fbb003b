namespace Linkage.Benchmarks.Scale;

/// <summary>
/// What one child process measured: the wall time of the work and the peak resident memory, and what the work found
/// (for the cross-check between engines). Written by the child as one JSON line on stdout.
/// </summary>
/// <param name="Engine">Engine name: <c>pipeline</c>, <c>duckdb</c>, <c>wc</c> or <c>batch</c>.</param>
/// <param name="Seconds">Wall time of the work (a <see cref="System.Diagnostics.Stopwatch"/> round it, not process start-up).</param>
/// <param name="PeakRssBytes">Peak resident set of the process that did the work.</param>
/// <param name="RowsRead">Data rows read (for <c>wc</c>: lines − 1, the header).</param>
/// <param name="RowsAccepted">Rows that became part of an observation.</param>
/// <param name="RowsRejected">Rows rejected.</param>
/// <param name="Observations">State × year × measure × linkage groups.</param>
/// <param name="Internal">Records aggregated as internal.</param>
/// <param name="International">Records aggregated as international.</param>
/// <param name="Unknown">Records aggregated as unknown.</param>
/// <param name="ExitCode">Exit code of the measured program (<c>wc</c>, <c>linkage run</c>); 0 for in-process engines.</param>
/// <param name="Note">Anything worth printing beside the figures (DuckDB's thread count, the run's summary line).</param>
internal sealed record Measurement(
    string Engine,
    double Seconds,
    long PeakRssBytes,
    long RowsRead,
    long RowsAccepted,
    long RowsRejected,
    long Observations,
    long Internal,
    long International,
    long Unknown,
    int ExitCode,
    string Note);
