using System.Diagnostics;
using System.Globalization;

namespace Linkage.Benchmarks.Scale;

/// <summary>
/// Engines that are other programs: <c>wc -l FILE</c> (the floor: one pass over the bytes) and the whole
/// <c>linkage run</c> batch, each started and watched by a child process of the benchmark.
/// </summary>
/// <remarks>
/// Peak memory is polled from <c>/proc/PID/status</c> (<c>VmHWM</c>) about every millisecond while the program runs,
/// keeping only readings taken after the program's <c>exec</c>. <c>getrusage(RUSAGE_CHILDREN)</c> was tried first and
/// gave 37 MB for <c>wc</c>: <c>ru_maxrss</c> also counts the forked copy of the .NET process that lives until
/// <c>exec</c>. <c>VmHWM</c> is the kernel's own high-water mark, so a peak between two readings is not lost; only
/// growth in the last millisecond before exit could be. A program that ends before the first reading after its exec
/// has a peak of 0, shown as not measured.
/// </remarks>
internal static class ProgramEngine
{
    private static readonly Lazy<byte[]> OwnCommandLine = new(() => File.ReadAllBytes("/proc/self/cmdline"));

    /// <summary><c>wc -l FILE</c>: rows read are the lines counted less the header.</summary>
    public static Measurement WordCount(string file)
    {
        var run = Watch("wc", ["-l", file]);
        var lines = long.Parse(run.Out.Trim().Split(' ')[0], NumberStyles.None, CultureInfo.InvariantCulture);
        return new Measurement("wc", run.Seconds, run.PeakRssBytes, lines - 1, 0, 0, 0, 0, 0, 0, run.ExitCode, string.Empty);
    }

    /// <summary>
    /// <c>dotnet CLI run INPUT --out OUT</c> with every stage, chart and report; the time includes the runtime's start-up,
    /// as a user's run does. <paramref name="output"/> is emptied first so each run writes a fresh set.
    /// </summary>
    public static Measurement Batch(string cli, string input, string output)
    {
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var run = Watch(dotnet, [cli, "run", input, "--out", output]);
        var summary = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? string.Empty;
        var note = run.ExitCode is 0 or 1 ? summary : $"exit {run.ExitCode.ToString(CultureInfo.InvariantCulture)} (its message is on stderr)";
        return new Measurement("batch", run.Seconds, run.PeakRssBytes, 0, 0, 0, 0, 0, 0, 0, run.ExitCode, note);
    }

    private static Watched Watch(string program, string[] args)
    {
        // The first process a .NET program starts, reads and watches pays for loading and compiling all that (tens
        // of milliseconds, longer than wc -l on 10^6 rows): pay it on `true`, whose tiny peak is not kept.
        WatchOnce("true", []);
        return WatchOnce(program, args);
    }

    private static Watched WatchOnce(string program, string[] args)
    {
        // Stdout is read by a thread that already runs when the clock starts: setting up an asynchronous read after
        // the start took 12 ms, longer than wc -l needs for 10^6 rows. Stderr is not redirected (it goes to the
        // benchmark, which prints it when a run fails), so the one pipe cannot fill up and block the program.
        Process? process = null;
        var output = string.Empty;
        using var started = new ManualResetEventSlim();
        var reader = new Thread(() =>
        {
            started.Wait();
            output = process!.StandardOutput.ReadToEnd();
        })
        { IsBackground = true };
        reader.Start();

        var clock = Stopwatch.StartNew();
        process = Start(program, args);
        using var _ = process;
        started.Set();
        long peak = 0;
        var status = $"/proc/{process.Id.ToString(CultureInfo.InvariantCulture)}/status";
        var commandLine = $"/proc/{process.Id.ToString(CultureInfo.InvariantCulture)}/cmdline";
        var execed = false;
        while (!process.HasExited)
        {
            try
            {
                // Before exec the child is a copy of this process, with its command line; its VmHWM is not the program's.
                execed = execed || !File.ReadAllBytes(commandLine).AsSpan().SequenceEqual(OwnCommandLine.Value);
                if (execed)
                {
                    peak = Math.Max(peak, ProcessMemory.PeakOf(status));
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                // The program ended between HasExited and the reading.
            }

            // Poll without sleeping for the first 50 ms, so that a program that ends within a few milliseconds (wc on a
            // small file) is still read after its exec; then every millisecond, to leave the cores to the program.
            if (clock.ElapsedMilliseconds < 50)
            {
                Thread.Yield();
            }
            else
            {
                Thread.Sleep(1);
            }
        }

        process.WaitForExit();
        clock.Stop();
        reader.Join();
        return new Watched(clock.Elapsed.TotalSeconds, peak, process.ExitCode, output);
    }

    private static Process Start(string program, string[] args)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        return Process.Start(start) ?? throw new InvalidOperationException($"'{program}' could not be started.");
    }

    private sealed record Watched(double Seconds, long PeakRssBytes, int ExitCode, string Out);
}
