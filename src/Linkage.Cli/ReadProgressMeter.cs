using Linkage.Pipeline;

namespace Linkage.Cli;

/// <summary>
/// Turns the pipeline's read-progress calls into the terminal's progress line: it times each file from its start,
/// and redraws at most every <see cref="MinInterval"/>, since the pipeline calls back every 65,536 rows (many times
/// a second on a fast disk) and a terminal that is written faster than it is read only costs time. The calls may
/// come from a reading thread, so the state is guarded.
/// </summary>
internal sealed class ReadProgressMeter
{
    /// <summary>Shortest time between two redraws (at most five a second).</summary>
    public static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(200);

    private readonly TimeProvider _clock;
    private readonly Action<string> _draw;
    private readonly Lock _gate = new();
    private int _file;
    private long _fileStarted;
    private long _lastDrawn;

    /// <summary>A meter reading the time from <paramref name="clock"/> (tests pass one they move) and drawing with <paramref name="draw"/>.</summary>
    public ReadProgressMeter(TimeProvider clock, Action<string> draw)
    {
        _clock = clock;
        _draw = draw;
    }

    /// <summary>
    /// The options with the meter attached when <paramref name="log"/> shows progress (a terminal, text log, not
    /// quiet); otherwise the options unchanged, so a log file, a pipe or a JSON log costs the reader no calls.
    /// </summary>
    public static PipelineOptions Attach(PipelineOptions options, RunLog log, TimeProvider clock)
    {
        if (!log.ShowsProgress)
        {
            return options;
        }

        var meter = new ReadProgressMeter(clock, log.Progress);
        return options with { OnFileStarted = meter.FileStarted, OnReadProgress = meter.Report };
    }

    /// <summary>A file is about to be read: start its timing and say so at once.</summary>
    public void FileStarted(int fileNumber, int fileCount, string file)
    {
        lock (_gate)
        {
            _file = fileNumber;
            _fileStarted = _lastDrawn = _clock.GetTimestamp();
            _draw(ProgressText.Started(fileNumber, fileCount, file));
        }
    }

    /// <summary>Rows and bytes read so far: redraws unless the last redraw was under <see cref="MinInterval"/> ago.</summary>
    public void Report(ReadProgress progress)
    {
        lock (_gate)
        {
            var now = _clock.GetTimestamp();
            if (progress.FileNumber != _file)
            {
                // No start was announced for this file: time it from here (its rate shows from the next redraw).
                _file = progress.FileNumber;
                _fileStarted = now;
            }
            else if (_clock.GetElapsedTime(_lastDrawn, now) < MinInterval)
            {
                return;
            }

            _lastDrawn = now;
            _draw(ProgressText.Reading(progress, _clock.GetElapsedTime(_fileStarted, now)));
        }
    }
}
