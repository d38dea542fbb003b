using System.Globalization;

using Linkage.Sample;

namespace Linkage.Benchmarks.Scale;

/// <summary>The arguments of <c>scale</c>; see <see cref="ScaleCommand"/>.</summary>
internal sealed record ScaleOptions
{
    public const string Usage = """
        usage: dotnet run -c Release --project tests/Linkage.Benchmarks -- scale [options]
          --rows N,N,...      records per benchmark file (default 1000000,10000000)
          --dir DIR           where the files and the batch output go (default /tmp/linkage-scale)
          --csv FILE          results table as CSV (default DIR/scale-results.csv; targets in FILE-targets.csv)
          --repeat N          measurements per engine and file; the median is reported (default 3)
          --seed N            generator seed (default 23)
          --engines LIST      any of pipeline,duckdb,wc (default all three)
          --cli FILE          linkage.dll for the sample-data batch (default: build src/Linkage.Cli in Release)
          --no-batch          skip the sample-data batch
        """;

    public IReadOnlyList<long> Rows { get; init; } = [1_000_000, 10_000_000];

    public string Dir { get; init; } = Path.Combine(Path.GetTempPath(), "linkage-scale");

    public string? Csv { get; init; }

    public int Repeat { get; init; } = 3;

    public int Seed { get; init; } = SampleGenerator.DefaultSeed;

    public IReadOnlyList<string> Engines { get; init; } = ["wc", "pipeline", "duckdb"];

    public string? Cli { get; init; }

    public bool Batch { get; init; } = true;

    public string CsvPath => Csv ?? Path.Combine(Dir, "scale-results.csv");

    /// <summary>Parses the arguments; null with <paramref name="error"/> set when they are not valid.</summary>
    public static ScaleOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        error = null;
        var options = new ScaleOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--no-batch")
            {
                options = options with { Batch = false };
                continue;
            }

            if (i + 1 >= args.Count)
            {
                error = $"{name} needs a value.";
                return null;
            }

            var value = args[++i];
            switch (name)
            {
                case "--rows":
                    var rows = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Select(r => long.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : -1)
                        .ToList();
                    if (rows.Count == 0 || rows.Contains(-1))
                    {
                        error = $"--rows '{value}' is not a list of positive whole numbers such as 1000000,10000000.";
                        return null;
                    }

                    options = options with { Rows = rows };
                    break;
                case "--dir":
                    options = options with { Dir = value };
                    break;
                case "--csv":
                    options = options with { Csv = value };
                    break;
                case "--repeat" or "--seed":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var k) || (name == "--repeat" && k < 1))
                    {
                        error = $"{name} '{value}' is not a whole number{(name == "--repeat" ? " of at least 1" : string.Empty)}.";
                        return null;
                    }

                    options = name == "--repeat" ? options with { Repeat = k } : options with { Seed = k };
                    break;
                case "--engines":
                    var engines = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
                    if (engines.Count == 0 || engines.Any(e => e is not ("pipeline" or "duckdb" or "wc")))
                    {
                        error = $"--engines '{value}' must list some of pipeline, duckdb, wc.";
                        return null;
                    }

                    options = options with { Engines = engines };
                    break;
                case "--cli":
                    options = options with { Cli = value };
                    break;
                default:
                    error = $"'{name}' is not an option of scale.";
                    return null;
            }
        }

        return options;
    }
}
