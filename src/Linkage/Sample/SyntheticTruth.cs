namespace Linkage.Sample;

/// <summary>One synthetic State-year of the sample: counts by linkage, or only a total when linkage is not recorded.</summary>
/// <param name="State">ISO alpha-3.</param>
/// <param name="Year">Calendar year.</param>
/// <param name="Internal">Children trafficked internally.</param>
/// <param name="International">Children trafficked internationally.</param>
/// <param name="NotTrafficked">Children for whom trafficking was examined and not found.</param>
/// <param name="Unknown">Children whose linkage was not recorded.</param>
/// <param name="LinkageRecorded">False when the State reports only totals that year.</param>
/// <param name="Flag">Status flag of the year (e.g. <c>p</c> for the latest year).</param>
/// <param name="Investigations">Investigations opened that year.</param>
internal sealed record SyntheticYear(string State, int Year, int Internal, int International, int NotTrafficked, int Unknown, bool LinkageRecorded, string Flag, int Investigations)
{
    public int Total => Internal + International + NotTrafficked + Unknown;
}

/// <summary>
/// Draws the synthetic "truth" behind the sample files: 57 States × 2010–2025 with State sizes, trends, changing
/// reporting (late starters, gaps), States that record only totals, small counts in small States, and flags.
/// Deterministic for a seed.
/// </summary>
internal static class SyntheticTruth
{
    public const int FirstYear = 2010;
    public const int LastYear = 2025;

    private static readonly HashSet<string> Microstates = ["AND", "LIE", "MCO", "SMR", "VAT", "ISL", "MLT", "LUX", "MNE"];

    public static List<SyntheticYear> Draw(IEnumerable<string> states, Random rng)
    {
        var years = new List<SyntheticYear>();
        foreach (var state in states)
        {
            var micro = Microstates.Contains(state);
            var level = micro ? 1.5 + (rng.NextDouble() * 3) : Math.Exp(2.8 + (Normal(rng) * 0.9));
            var growth = 0.03 + (Normal(rng) * 0.05);
            var start = rng.NextDouble() < 0.3 ? FirstYear + rng.Next(1, 7) : FirstYear;
            var totalsOnly = rng.NextDouble() < 0.15;
            var recordsFrom = !totalsOnly && rng.NextDouble() < 0.2 ? FirstYear + rng.Next(2, 8) : FirstYear;
            var pInternal = 0.2 + (rng.NextDouble() * 0.3);
            var pInternational = 0.1 + (rng.NextDouble() * 0.25);
            var pNot = 0.1 + (rng.NextDouble() * 0.2);
            for (var year = start; year <= LastYear; year++)
            {
                if (year > start && rng.NextDouble() < 0.05)
                {
                    continue; // A year not reported.
                }

                var mean = level * Math.Exp(growth * (year - FirstYear));
                var total = Poisson(rng, mean);
                var recorded = !totalsOnly && year >= recordsFrom;
                int i = 0, x = 0, n = 0, u = total;
                if (recorded)
                {
                    i = Binomial(rng, total, pInternal);
                    x = Binomial(rng, total - i, pInternational / (1 - pInternal));
                    n = Binomial(rng, total - i - x, pNot / (1 - pInternal - pInternational));
                    u = total - i - x - n;
                }

                var flag = year == LastYear ? "p" : recorded && year == recordsFrom && year > start ? "b" : rng.NextDouble() < 0.03 ? "e" : string.Empty;
                var investigations = Poisson(rng, Math.Max(1, mean * 0.6));
                years.Add(new SyntheticYear(state, year, i, x, n, u, recorded, flag, investigations));
            }
        }

        return years;
    }

    private static double Normal(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    private static int Poisson(Random rng, double mean)
    {
        if (mean > 50)
        {
            return Math.Max(0, (int)Math.Round(mean + (Math.Sqrt(mean) * Normal(rng))));
        }

        var limit = Math.Exp(-mean);
        var k = 0;
        var p = rng.NextDouble();
        while (p > limit)
        {
            k++;
            p *= rng.NextDouble();
        }

        return k;
    }

    private static int Binomial(Random rng, int n, double p)
    {
        var k = 0;
        for (var j = 0; j < n; j++)
        {
            if (rng.NextDouble() < p)
            {
                k++;
            }
        }

        return k;
    }
}
