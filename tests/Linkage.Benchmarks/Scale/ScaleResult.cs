namespace Linkage.Benchmarks.Scale;

/// <summary>The measurements of one engine on one case, and their medians.</summary>
/// <param name="Case">The case: <c>records-N</c> or <c>sample-data</c>.</param>
/// <param name="Engine">Engine name.</param>
/// <param name="Rows">Data rows of the case's file (0 for the batch).</param>
/// <param name="Bytes">Bytes of the case's input.</param>
/// <param name="Runs">The measurements, one per repetition.</param>
internal sealed record ScaleResult(string Case, string Engine, long Rows, long Bytes, IReadOnlyList<Measurement> Runs)
{
    /// <summary>Median wall time of the work.</summary>
    public double Seconds => Median(Runs.Select(r => r.Seconds));

    /// <summary>Median peak resident memory, in bytes.</summary>
    public double PeakRssBytes => Median(Runs.Select(r => (double)r.PeakRssBytes));

    public double RowsPerSecond => Rows / Seconds;

    public double MbPerSecond => Bytes / ScaleReport.Mb / Seconds;

    /// <summary>The first run (counts are the same in every run; the cross-check says so when not).</summary>
    public Measurement First => Runs[0];

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
