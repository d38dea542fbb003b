using System.Globalization;

using Linkage.Sample;

namespace Linkage.Benchmarks.Scale;

/// <summary>
/// Holds the engines to one another and to the generator: rows read, accepted and rejected, observations and the
/// records per linkage must agree, and be the same in every repetition. A difference is printed as MISMATCH, loudly:
/// it means one engine, or the generator's idea of a spelling, is wrong.
/// </summary>
internal static class CrossCheck
{
    public static bool Check(string name, RecordsFileSummary truth, IReadOnlyDictionary<string, List<Measurement>> runs)
    {
        var expected = new Counts(truth.Rows, truth.GoodRows, truth.BadRows, truth.Groups, truth.Internal, truth.International, truth.Unknown);
        var ok = true;
        foreach (var engine in new[] { "pipeline", "duckdb" })
        {
            if (!runs.TryGetValue(engine, out var list) || list.Count == 0)
            {
                continue;
            }

            foreach (var run in list)
            {
                var got = new Counts(run.RowsRead, run.RowsAccepted, run.RowsRejected, run.Observations, run.Internal, run.International, run.Unknown);
                if (got != expected)
                {
                    ok = false;
                    Console.WriteLine($"!!!!!! MISMATCH {name} {engine}: {got}");
                    Console.WriteLine($"!!!!!!   generator expects: {expected}");
                }
            }
        }

        if (runs.TryGetValue("wc", out var wc) && wc.Any(w => w.RowsRead != truth.Rows))
        {
            ok = false;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"!!!!!! MISMATCH {name} wc: {wc[0].RowsRead} rows, generator wrote {truth.Rows}"));
        }

        if (ok)
        {
            var engines = string.Join(" = ", runs.Keys.Where(k => k != "wc").Append("generator"));
            Console.WriteLine($"cross-check {name}: {engines}: {expected}");
        }

        return ok;
    }

    private readonly record struct Counts(long Read, long Accepted, long Rejected, long Observations, long Internal, long International, long Unknown)
    {
        public override string ToString() => string.Create(
            CultureInfo.InvariantCulture,
            $"read {Read}, accepted {Accepted}, rejected {Rejected}, observations {Observations}, internal {Internal}, international {International}, unknown {Unknown}");
    }
}
