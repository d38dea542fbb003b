using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Linkage.Cli;

/// <summary>How <c>linkage run</c> logs: plain short lines, or one JSON object per line on stderr.</summary>
internal enum LogFormat
{
    /// <summary>Errors as one sentence on stderr, the summary and warnings on stdout.</summary>
    Text,

    /// <summary>Every event as one JSON object per line on stderr; nothing on stdout.</summary>
    Json,
}

/// <summary>How much an event matters.</summary>
internal enum LogLevel
{
    /// <summary>Progress and results.</summary>
    Info,

    /// <summary>Data was kept or skipped; a person should look.</summary>
    Warning,

    /// <summary>Rows, a file or the run failed.</summary>
    Error,
}

/// <summary>
/// The run's log. Each event has a stable name (listed in the README) so that a scheduler or a log collector can
/// match on it. In text mode it keeps the tool's short plain lines; in JSON mode each event is one object with the
/// keys <c>time, level, event, file, row, code, message, counts</c> (absent ones are null). Thread-safe: progress may
/// be reported from a reading thread while the main thread logs.
/// </summary>
internal sealed class RunLog
{
    private static readonly JsonWriterOptions LineOptions = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly CliContext _cli;
    private readonly bool _quiet;
    private readonly Lock _gate = new();
    private bool _progressShown;

    public RunLog(CliContext cli, LogFormat format, bool quiet)
    {
        _cli = cli;
        Format = format;
        _quiet = quiet;
    }

    public LogFormat Format { get; }

    /// <summary>Progress is for a person watching a terminal: never in JSON, with --quiet, or into a file or pipe.</summary>
    public bool ShowsProgress => Format == LogFormat.Text && !_quiet && _cli.ErrorIsTerminal;

    /// <summary>A summary or result line (stdout in text mode, unless --quiet).</summary>
    public void Info(string evt, string message, string? file = null, IReadOnlyDictionary<string, long>? counts = null) =>
        Emit(LogLevel.Info, evt, message, file, null, null, counts);

    /// <summary>A warning (stdout as "warning: ..." in text mode, unless --quiet).</summary>
    public void Warning(string evt, string message, string? file = null, int? row = null, string? code = null, IReadOnlyDictionary<string, long>? counts = null) =>
        Emit(LogLevel.Warning, evt, message, file, row, code, counts);

    /// <summary>A run-level problem of the catalogue (<see cref="Problems.RunProblems"/>), as a warning or an error by its severity.</summary>
    public void Report(string evt, Problems.RunProblem problem, string? file = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        Emit(problem.Severity == Problems.Severity.Warning ? LogLevel.Warning : LogLevel.Error, evt, problem.Message, file, null, problem.Code, null);
    }

    /// <summary>An error: always shown, on stderr.</summary>
    public void Error(string evt, string message, string? file = null, int? row = null, string? code = null, IReadOnlyDictionary<string, long>? counts = null) =>
        Emit(LogLevel.Error, evt, message, file, row, code, counts);

    /// <summary>A detail for machines only: written in JSON mode, silent in text mode (which stays short).</summary>
    public void Trace(string evt, string message, string? file = null, string? code = null, IReadOnlyDictionary<string, long>? counts = null)
    {
        if (Format == LogFormat.Json)
        {
            Emit(LogLevel.Info, evt, message, file, null, code, counts);
        }
    }

    /// <summary>Overwrites the progress line on a terminal; does nothing otherwise.</summary>
    public void Progress(string message)
    {
        if (!ShowsProgress)
        {
            return;
        }

        var line = message.Length > 78 ? message[..77] + "…" : message;
        lock (_gate)
        {
            _cli.Error.Write("\r" + line.PadRight(79));
            _cli.Error.Flush();
            _progressShown = true;
        }
    }

    /// <summary>Clears the progress line, if one is shown, so that what is written next starts on a clean line.</summary>
    public void ClearProgress()
    {
        lock (_gate)
        {
            ClearProgressLocked();
        }
    }

    private void ClearProgressLocked()
    {
        if (_progressShown)
        {
            _cli.Error.Write("\r" + new string(' ', 79) + "\r");
            _cli.Error.Flush();
            _progressShown = false;
        }
    }

    private void Emit(LogLevel level, string evt, string message, string? file, int? row, string? code, IReadOnlyDictionary<string, long>? counts)
    {
        lock (_gate)
        {
            EmitLocked(level, evt, message, file, row, code, counts);
        }
    }

    private void EmitLocked(LogLevel level, string evt, string message, string? file, int? row, string? code, IReadOnlyDictionary<string, long>? counts)
    {
        ClearProgressLocked();
        if (Format == LogFormat.Json)
        {
            _cli.Error.WriteLine(JsonLine(level, evt, message, file, row, code, counts));
            return;
        }

        switch (level)
        {
            case LogLevel.Error:
                _cli.Error.WriteLine($"linkage: {message}");
                break;
            case LogLevel.Warning when !_quiet:
                _cli.Out.WriteLine($"warning: {message}");
                break;
            case LogLevel.Info when !_quiet:
                _cli.Out.WriteLine(message);
                break;
        }
    }

    private string JsonLine(LogLevel level, string evt, string message, string? file, int? row, string? code, IReadOnlyDictionary<string, long>? counts)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, LineOptions))
        {
            w.WriteStartObject();
            w.WriteString("time", _cli.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            w.WriteString("level", level.ToString().ToLowerInvariant());
            w.WriteString("event", evt);
            w.WriteString("file", file);
            if (row is { } r)
            {
                w.WriteNumber("row", r);
            }
            else
            {
                w.WriteNull("row");
            }

            w.WriteString("code", code);
            w.WriteString("message", message);
            if (counts is null)
            {
                w.WriteNull("counts");
            }
            else
            {
                w.WriteStartObject("counts");
                foreach (var (key, value) in counts)
                {
                    w.WriteNumber(key, value);
                }

                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
