using System.Diagnostics;
using System.Globalization;

namespace Linkage.Cli.Tests;

/// <summary>The outcome of one CLI invocation.</summary>
internal sealed record CliResult(int ExitCode, string Out, string Error);

/// <summary>A fresh temporary folder, deleted when disposed.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "linkage-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Write(string name, string text)
    {
        var path = File(name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Runs the CLI in-process (fast) or as the real binary in a child process.</summary>
internal static class Cli
{
    private static readonly Lazy<string> RepoRootLazy = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "pipeline.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("pipeline.sln not found above the test binaries.");
    });

    /// <summary>The repository root (the folder with pipeline.sln).</summary>
    public static string RepoRoot => RepoRootLazy.Value;

    /// <summary>The committed sample-data folder.</summary>
    public static string SampleData => System.IO.Path.Combine(RepoRoot, "sample-data");

    /// <summary>A clock fixed at 2026-11-28, so "next year" is 2027 in every test.</summary>
    public static TimeProvider Clock { get; } = new FixedClock(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));

    /// <summary>Runs <c>linkage</c> in-process.</summary>
    public static CliResult Run(params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var code = Program.Run(args, output, error, Clock);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>Runs <c>linkage</c> in-process as if stderr were a terminal (progress is drawn), timed by <paramref name="clock"/>.</summary>
    public static CliResult RunOnTerminal(TimeProvider clock, params string[] args)
    {
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var code = Program.Run(args, output, error, clock, errorIsTerminal: true);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>Runs the real <c>linkage</c> binary as a child process in <paramref name="workingDirectory"/>.</summary>
    public static CliResult RunProcess(string workingDirectory, params string[] args) =>
        RunProcess(workingDirectory, new Dictionary<string, string?>(StringComparer.Ordinal), args);

    /// <summary>
    /// Runs the real <c>linkage</c> binary as a child process in <paramref name="workingDirectory"/>, with
    /// <paramref name="environment"/> set on top of this process's variables (a null value removes a variable).
    /// </summary>
    public static CliResult RunProcess(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var dll = System.IO.Path.Combine(AppContext.BaseDirectory, "linkage.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        start.ArgumentList.Add(dll);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("linkage did not finish within 3 minutes.");
        }

        return new CliResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Runs a program (e.g. <c>dotnet pwsh</c>) in <paramref name="workingDirectory"/> and waits up to <paramref name="minutes"/>.</summary>
    public static CliResult RunProgram(string workingDirectory, string program, IEnumerable<string> args, int minutes = 5)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(minutes)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} did not finish within {minutes} minutes.");
        }

        return new CliResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Runs an action under a culture and restores the previous one.</summary>
    public static T WithCulture<T>(string name, Func<T> action)
    {
        var (culture, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
            return action();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, ui);
        }
    }

    /// <summary>
    /// A clock for progress: the wall time of <see cref="Clock"/>, and a timestamp that moves by <paramref name="step"/>
    /// each time it is read (and by <see cref="Advance"/>), so rates and redraws do not depend on the machine's speed.
    /// </summary>
    internal sealed class SteppingClock(TimeSpan step) : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override DateTimeOffset GetUtcNow() => Clock.GetUtcNow();

        public override long GetTimestamp() => Interlocked.Add(ref _ticks, step.Ticks) - step.Ticks;

        public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
