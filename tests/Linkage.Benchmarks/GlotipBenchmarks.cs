using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

using ExcelDataReader;

using Linkage.Analyse;
using Linkage.Localisation;
using Linkage.Normalise;
using Linkage.Output;
using Linkage.Pipeline;
using Linkage.Read;
using Linkage.Recognise;
using Linkage.Render;
using Linkage.Report;
using Linkage.Suggest;

namespace Linkage.Benchmarks;

/// <summary>
/// <c>linkage run</c> end to end on the real UNODC GLOTIP 2025 workbook (58,769 data rows) with default options and no
/// config: every stage and every output (internal CSVs, publish tables, 18 charts × 3 files, HTML/Markdown report, Word
/// annex, manifest), staged and committed into a temporary folder as the CLI does. Process start-up is not in it.
/// Run: <c>dotnet run -c Release --project tests/Linkage.Benchmarks -- --filter '*Glotip*'</c>; a per-stage
/// breakdown: <c>dotnet run -c Release --project tests/Linkage.Benchmarks -- glotip-stages 5</c>.
/// </summary>
/// <remarks>
/// One operation takes seconds, so the job is the macro-benchmark strategy (no pilot, no overhead evaluation): three
/// warm-up runs (tiered JIT and PGO take two or three runs to settle), then five measured runs. The CLI pays the cold
/// first run every time; <c>glotip-stages</c> prints it. Pass <c>--artifacts DIR</c> to keep BenchmarkDotNet's reports
/// out of the repository root.
/// </remarks>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 3, iterationCount: 5)]
public class GlotipBenchmarks
{
    private string _workbook = string.Empty;
    private string _folder = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _workbook = GlotipRun.Workbook();
        _folder = Path.Combine(Path.GetTempPath(), "linkage-glotip-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark]
    public int RunAllOutputs() => GlotipRun.Execute(_workbook, Path.Combine(_folder, "out"), stages: null);
}

/// <summary>
/// What <c>linkage run FILE --out DIR</c> does between parsing its options and printing its summary (RunCommand.Execute,
/// and Write in src/Linkage.Cli, with the render stage Publication.Render), through the library's public stage APIs, with an optional
/// stopwatch per stage. The run lock, the log and the read-progress meter are left out (they cost a few milliseconds).
/// </summary>
internal static class GlotipRun
{
    /// <summary>The workbook's path inside the repository.</summary>
    public const string RelativePath = "tests/Linkage.Tests/Data/real/unodc-glotip-2025.xlsx";

    /// <summary>The workbook, found from the folder that holds <c>pipeline.sln</c> above this program.</summary>
    public static string Workbook()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "pipeline.sln")))
            {
                var path = Path.Combine(dir.FullName, RelativePath);
                return File.Exists(path) ? path : throw new FileNotFoundException($"The GLOTIP workbook is not at '{path}'.", path);
            }
        }

        throw new DirectoryNotFoundException($"No folder holding pipeline.sln above '{AppContext.BaseDirectory}'.");
    }

    /// <summary>Runs every stage on <paramref name="workbook"/> and writes all outputs to <paramref name="target"/>; returns the exit code.</summary>
    /// <param name="workbook">The input file.</param>
    /// <param name="target">The output folder (replaced as a whole, like <c>--out</c>).</param>
    /// <param name="stages">Receives the milliseconds of each stage in order, when given.</param>
    public static int Execute(string workbook, string target, Action<string, double>? stages)
    {
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        void Lap(string stage)
        {
            stages?.Invoke(stage, clock.Elapsed.TotalMilliseconds);
            clock.Restart();
        }

        // As InputOptions.Resolve builds them with no --config, --regions, --as-of or read options.
        var vocabulary = Vocabulary.WithConfig(null, out _);
        var geography = Geography.Build(null, out _);
        var regions = RegionMap.From(null, geography, out _);
        var context = new NormaliseContext(vocabulary, geography, regions, DateTime.UtcNow.Year + 1, DateOrder.Auto);
        var inputs = InputSet.Expand([workbook], null, out var skipped, out _);
        var options = new PipelineOptions();
        var statistics = new StatisticsOptions(StatisticsOptions.DefaultMinCell, default);
        Lap("resolve");

        var pipelineClock = Stopwatch.StartNew();
        var outcome = RunStages.Run(inputs, context, options, statistics);
        var pipelineMs = pipelineClock.Elapsed.TotalMilliseconds;
        clock.Restart();
        var (result, stats, exit) = (outcome.Result, outcome.Statistics, outcome.ExitCode);
        if (stages is not null)
        {
            // The stages' own clocks; what they do not cover (building results, merging warnings) is "stages_other".
            var inner = 0L;
            foreach (var (stage, ms) in result.Timings.Concat(stats?.Timings ?? new Dictionary<string, long>()))
            {
                stages(stage, ms);
                inner += ms;
            }

            stages("stages_other", pipelineMs - inner);
        }

        var review = MappingReview.Build(result, context.Vocabulary);
        Lap("suggest");
        IReadOnlyList<KeyValuePair<string, string?>> settings = [new("min_cell", RunFingerprint.Value(statistics.MinCell)), new("lang", "en")];
        var fingerprint = RunFingerprint.Compute(settings, result.Files.Select(f => (f.File, f.Sha256)), skipped.Select(s => s.Name));
        Lap("fingerprint");

        using var folder = new OutputFolder(target);
        if (!result.HasPersonalData)
        {
            folder.Write("internal/observations.csv", s => CsvTables.WriteObservations(s, result.Observations));
        }

        folder.Write("internal/rejects.csv", s => CsvTables.WriteRejects(s, result.Files));
        folder.Write("internal/set-aside.csv", s => CsvTables.WriteSetAside(s, result.Files));
        folder.Write("internal/mapping-review.csv", s => CsvTables.WriteMappingReview(s, review, []));
        Lap("write_internal_csv");
        if (outcome.Publishes)
        {
            // The render stage, as the CLI calls it: every publish/ file as bytes, then written.
            var publication = Publication.Render(new PublicationInput(outcome.Statistics, result, null) { DefaultRegionMap = context.Regions.IsDefault });
            Lap("render");
            foreach (var file in publication)
            {
                folder.Write(file.Path, s => s.Write(file.Bytes));
            }

            Lap("write_publish");
        }

        folder.Write("manifest.json", s => Manifest.Write(s, new ManifestData
        {
            Arguments = ["run", workbook, "--out", target],
            Statistics = stats,
            Result = result,
            Skipped = skipped,
            Outputs = folder.Written.ToList(),
            StartedUtc = started,
            Timings = new Dictionary<string, long>(result.Timings, StringComparer.Ordinal),
            ExitCode = exit,
            Fingerprint = fingerprint,
            Suggestions = new ManifestSuggestions(review.Count, null, []),
        }));
        Lap("write_manifest");
        folder.Commit();
        Lap("commit");
        return exit;
    }
}

/// <summary>
/// <c>glotip-stages [RUNS] [--read-cold]</c>: runs <see cref="GlotipRun"/> three times to warm up, then RUNS times (default
/// 5), and prints the median milliseconds of each stage and of the whole run, with each stage's share; then the parts of
/// reading the workbook (<see cref="XlsxParts"/>), warm, and with <c>--read-cold</c> also cold, before the first run.
/// </summary>
internal static class GlotipStages
{
    public const string Verb = "glotip-stages";

    private const int WarmUps = 3;

    public static int Run(string[] args)
    {
        var readCold = args.Contains("--read-cold");
        var numbers = args.Where(a => a != "--read-cold").ToArray();
        var runs = numbers is [var n, ..] ? int.Parse(n, NumberStyles.None, CultureInfo.InvariantCulture) : 5;
        var workbook = GlotipRun.Workbook();
        var folder = Path.Combine(Path.GetTempPath(), "linkage-glotip-stages-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            // With --read-cold, the read stage's parts are timed first, cold (the first use of ExcelDataReader and
            // XmlReader in this process); the first run is then no longer as cold as a CLI run. They are timed warm below.
            var readSamples = new Dictionary<string, List<double>>(StringComparer.Ordinal);
            var coldRead = new Dictionary<string, double>(StringComparer.Ordinal);
            if (readCold)
            {
                XlsxParts.Time(workbook, (part, ms) => coldRead[part] = ms);
            }

            // The first run pays the JIT, as every CLI run does; tiered JIT and PGO settle over the next two.
            for (var w = 1; w <= WarmUps; w++)
            {
                var warm = Stopwatch.StartNew();
                GlotipRun.Execute(workbook, Path.Combine(folder, "out"), stages: null);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warm-up run {w}{(w == 1 && !readCold ? " (cold JIT, as in the CLI)" : string.Empty)}: {warm.Elapsed.TotalMilliseconds:0} ms"));
            }

            var samples = new Dictionary<string, List<double>>(StringComparer.Ordinal);
            var totals = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                var perRun = new Dictionary<string, double>(StringComparer.Ordinal);
                var total = Stopwatch.StartNew();
                GlotipRun.Execute(workbook, Path.Combine(folder, "out"), (stage, ms) => perRun[stage] = perRun.GetValueOrDefault(stage) + ms);
                totals.Add(total.Elapsed.TotalMilliseconds);
                foreach (var (stage, ms) in perRun)
                {
                    (samples.TryGetValue(stage, out var list) ? list : samples[stage] = []).Add(ms);
                }
            }

            for (var i = 0; i < runs; i++)
            {
                XlsxParts.Time(workbook, (part, ms) => (readSamples.TryGetValue(part, out var list) ? list : readSamples[part] = []).Add(ms));
            }

            var median = Median(totals);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"runs: {runs}; whole run min {totals.Min():0} ms, median {median:0} ms, max {totals.Max():0} ms"));
            Console.WriteLine("stage                                 median ms   share");
            foreach (var (stage, list) in samples.OrderByDescending(kv => Median(kv.Value)))
            {
                var m = Median(list);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{stage,-36} {m,10:0.0} {m / median,7:P1}"));
            }

            Console.WriteLine();
            Console.WriteLine("parts of reading the workbook, timed apart from the run (cold, with --read-cold: first use in this process)");
            Console.WriteLine("part                                              cold ms   warm median ms");
            foreach (var (part, list) in readSamples)
            {
                var cold = coldRead.TryGetValue(part, out var c) ? c.ToString("0.0", CultureInfo.InvariantCulture) : "-";
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{part,-48} {cold,8} {Median(list),12:0.0}"));
            }

            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}

/// <summary>
/// The parts of reading the workbook, each timed on its own: what ExcelDataReader's constructor costs (it reads the whole
/// worksheet once for its dimensions before the first row is returned), its row pass, the library's own error-cell scan
/// (<see cref="Read.XlsxSheetScan"/>, a third pass) and, as the floor, one bare <see cref="XmlReader"/> pass over the
/// worksheet part.
/// </summary>
internal static class XlsxParts
{
    public static void Time(string workbook, Action<string, double> part)
    {
        // ExcelDataReader's configuration asks for code page 1252; the library's SourceReader registers it the same way.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var clock = Stopwatch.StartNew();
        using (var stream = File.OpenRead(workbook))
        using (var reader = ExcelReaderFactory.CreateOpenXmlReader(stream))
        {
            part("ExcelDataReader: open (whole-sheet pass)", clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            long cells = 0;
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    cells += reader.GetValue(i) is null ? 0 : 1;
                }
            }

            part("ExcelDataReader: Read + GetValue of every row", clock.Elapsed.TotalMilliseconds);
            GC.KeepAlive(cells);
        }

        clock.Restart();
        using (var stream = File.OpenRead(workbook))
        {
            GC.KeepAlive(Read.XlsxSheetScan.Read(stream, 0, "data_glotip_1"));
        }

        part("XlsxSheetScan.Read (error cells)", clock.Elapsed.TotalMilliseconds);
        clock.Restart();
        using (var zip = ZipFile.OpenRead(workbook))
        using (var xml = XmlReader.Create(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open(), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null }))
        {
            long nodes = 0;
            while (xml.Read())
            {
                nodes++;
            }

            GC.KeepAlive(nodes);
        }

        part("floor: one bare XmlReader pass over sheet1.xml", clock.Elapsed.TotalMilliseconds);
    }
}
