using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Linkage.Benchmarks.Scale;

/// <summary>
/// The scale benchmark: how fast, and in how much memory, the pipeline ingests and aggregates a large case-records
/// file, next to DuckDB doing the same work and <c>wc -l</c> reading the same bytes.
/// <code>
/// dotnet run -c Release --project tests/Linkage.Benchmarks -- scale [--rows 1000000,10000000] [--dir /tmp/linkage-scale]
///     [--csv results.csv] [--repeat 3] [--seed 23] [--engines pipeline,duckdb,wc] [--cli linkage.dll] [--no-batch]
/// </code>
/// <list type="number">
/// <item>Writes <c>DIR/records-N.csv</c> per size with <see cref="Sample.SampleGenerator.WriteRecordsFile"/> (reused
/// while the sidecar <c>records-N.csv.json</c> has the same rows, seed, generator version and size).</item>
/// <item>Reads each file once so it is in the page cache, then per repetition runs every engine in a fresh child process
/// (this program again, <c>scale-child ENGINE FILE</c>), so each peak RSS is one engine's: <c>pipeline</c>
/// (<see cref="Pipeline.PipelineRunner.Run"/>), <c>duckdb</c> (<c>read_csv</c> + <c>GROUP BY</c>), <c>wc</c>.</item>
/// <item>Cross-checks the counts of both engines against each other and the generator (MISMATCH when they differ).</item>
/// <item>Times <c>linkage run sample-data --out DIR/batch-out</c> (all stages, charts and report) with the Release CLI.</item>
/// <item>Prints the medians, the ratios and the targets (PASS/MISS), and writes them as CSV.</item>
/// </list>
/// Exit code 0, or 1 when a cross-check failed, 2 for bad arguments, 3 when a measurement failed.
/// </summary>
internal static class ScaleCommand
{
    public static int Run(string[] args)
    {
        var options = ScaleOptions.Parse(args, out var error);
        if (options is null)
        {
            Console.Error.WriteLine("scale: " + error);
            Console.Error.WriteLine(ScaleOptions.Usage);
            return 2;
        }

        Directory.CreateDirectory(options.Dir);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"scale benchmark: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, {options.Repeat} run(s) per engine; {LoadAverage()}"));
        var results = new List<ScaleResult>();
        var agreed = true;
        foreach (var rows in options.Rows)
        {
            var (path, summary) = RecordsFiles.Ensure(options.Dir, rows, options.Seed);
            RecordsFiles.WarmPageCache(path);
            var name = string.Create(CultureInfo.InvariantCulture, $"records-{rows}");
            var runs = options.Engines.ToDictionary(e => e, _ => new List<Measurement>(), StringComparer.Ordinal);
            for (var r = 1; r <= options.Repeat; r++)
            {
                foreach (var engine in options.Engines)
                {
                    if (Child(name, r, engine, path) is not { } m)
                    {
                        return 3;
                    }

                    runs[engine].Add(m);
                }
            }

            agreed &= CrossCheck.Check(name, summary, runs);
            results.AddRange(runs.Select(kv => new ScaleResult(name, kv.Key, rows, summary.Bytes, kv.Value)));
        }

        if (options.Batch)
        {
            var root = RepoRoot();
            var cli = options.Cli ?? BuildCli(root);
            var input = Path.Combine(root, "sample-data");
            var bytes = Directory.EnumerateFiles(input).Sum(f => new FileInfo(f).Length);
            var runs = new List<Measurement>();
            for (var r = 1; r <= options.Repeat; r++)
            {
                if (Child("sample-data", r, "batch", cli, input, Path.Combine(options.Dir, "batch-out")) is not { } m)
                {
                    return 3;
                }

                runs.Add(m);
            }

            results.Add(new ScaleResult("sample-data", "batch", 0, bytes, runs));
        }

        ScaleReport.Write(results, options.CsvPath);

        // Other work on the machine slows every engine; the load says whether the figures can be trusted.
        Console.WriteLine("at the end: " + LoadAverage());
        if (!agreed)
        {
            Console.WriteLine("!!!!!! MISMATCH: the engines do not agree on the counts (see above); the timings compare different work.");
        }

        return agreed ? 0 : 1;
    }

    /// <summary>Runs one measurement in a fresh process of this program; null (after printing why) when it failed.</summary>
    private static Measurement? Child(string name, int run, string engine, params string[] args)
    {
        var self = Environment.ProcessPath ?? throw new InvalidOperationException("The path of this program is not known.");
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (string.Equals(Path.GetFileNameWithoutExtension(self), "dotnet", StringComparison.Ordinal))
        {
            // Started as `dotnet Linkage.Benchmarks.dll`: the child needs the assembly named again.
            start.ArgumentList.Add(typeof(ScaleCommand).Assembly.Location);
        }

        start.ArgumentList.Add(ScaleChild.Verb);
        start.ArgumentList.Add(engine);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("The child process could not be started.");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var last = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        if (process.ExitCode != 0 || last is null || JsonSerializer.Deserialize<Measurement>(last) is not { } m)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"scale: {name} {engine} run {run} failed (exit {process.ExitCode}): {stderr.Result.Trim()} {stdout.Trim()}"));
            return null;
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"  {name} {engine,-8} run {run}: {m.Seconds,8:0.000} s, peak RSS {m.PeakRssBytes / ScaleReport.Mb,7:0.0} MB{(m.Note.Length > 0 ? "  (" + m.Note + ")" : string.Empty)}"));
        return m;
    }

    /// <summary>Builds the CLI in Release (quick when it is up to date) and returns its <c>linkage.dll</c>.</summary>
    private static string BuildCli(string root)
    {
        var project = Path.Combine(root, "src", "Linkage.Cli", "Linkage.Cli.csproj");
        Console.WriteLine("building the Release CLI for the sample-data batch: dotnet build -c Release " + project);
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet") { UseShellExecute = false, RedirectStandardOutput = true };
        foreach (var a in new[] { "build", project, "-c", "Release", "-nologo", "-v", "q" })
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet build could not be started.");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet build of the CLI failed:\n" + output);
        }

        return Path.Combine(root, "src", "Linkage.Cli", "bin", "Release", "net10.0", "linkage.dll");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? "load average " + string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "load average unknown";

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "pipeline.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("pipeline.sln not found above the benchmark's binaries; pass --cli and run from a checkout.");
    }
}
