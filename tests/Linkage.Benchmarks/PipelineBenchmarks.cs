using System.Globalization;
using System.Text;

using BenchmarkDotNet.Attributes;

using Linkage.Normalise;
using Linkage.Pipeline;
using Linkage.Read;

namespace Linkage.Benchmarks;

/// <summary>
/// Read → recognise → normalise throughput on case-level records, the layout that can be large, and on a
/// wide aggregate file. Run: <c>dotnet run -c Release --project tests/Linkage.Benchmarks -- --filter '*'</c>.
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private string _folder = string.Empty;
    private string _records = string.Empty;
    private string _wide = string.Empty;

    [Params(100_000, 1_000_000)]
    public int Records { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "linkage-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        var rng = new Random(1);
        string[] states = ["AUT", "DEU", "FRA", "ITA", "ESP", "POL", "ROU", "SWE"];
        string[] origins = ["AUT", "DEU", "FRA", "MAR", "NGA", "ROU", "UKR", ""];
        var sb = new StringBuilder("state,date,citizenship,country of exploitation\n");
        for (var i = 0; i < Records; i++)
        {
            var state = states[rng.Next(states.Length)];
            var date = new DateOnly(2015, 1, 1).AddDays(rng.Next(0, 3650));
            sb.Append(CultureInfo.InvariantCulture, $"{state},{date:yyyy-MM-dd},{origins[rng.Next(origins.Length)]},{state}\n");
        }

        _records = Path.Combine(_folder, "records.csv");
        File.WriteAllText(_records, sb.ToString());

        var wide = new StringBuilder("country;area;year;measure;internal;international;not trafficked;unknown;total\n");
        for (var i = 0; i < Records / 100; i++)
        {
            wide.Append(CultureInfo.InvariantCulture, $"{states[i % states.Length]};district {i};{1990 + (i % 36)};children;{i % 50};{i % 30};{i % 20};{i % 10};{(i % 50) + (i % 30) + (i % 20) + (i % 10)}\n");
        }

        _wide = Path.Combine(_folder, "wide.csv");
        File.WriteAllText(_wide, wide.ToString());
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark]
    public long CaseRecords() => Run(_records);

    [Benchmark]
    public long WideRowsOnePerHundredRecords() => Run(_wide);

    private static long Run(string path)
    {
        var (report, _) = PipelineRunner.RunFile(new InputFile(path, Path.GetFileName(path)), 0, NormaliseContext.Default(2027), new PipelineOptions());
        return report.RowsAccepted;
    }
}
