using Linkage.Normalise;
using Linkage.Read;
using Linkage.Recognise;
using Linkage.Reconcile;

namespace Linkage.Pipeline;

/// <summary>The user's choices for reading, recognising, normalising and reconciling.</summary>
public sealed record PipelineOptions
{
    /// <summary>Encoding, delimiter and sheet overrides.</summary>
    public ReadOptions Read { get; init; }

    /// <summary>Forced layout (<c>--layout</c>); null to detect.</summary>
    public Layout? Layout { get; init; }

    /// <summary>Conflict policy (<c>--on-conflict</c>).</summary>
    public OnConflict OnConflict { get; init; } = OnConflict.Error;

    /// <summary>The source profile to read every file with (<c>--profile NAME</c>), <c>none</c> for no profile; null matches each file's header.</summary>
    public string? Profile { get; init; }

    /// <summary>Called before each file is read with its 1-based number, the file count and its name (progress on a terminal).</summary>
    public Action<int, int, string>? OnFileStarted { get; init; }

    /// <summary>
    /// Called from the reading thread while a file's rows are read, about every <see cref="ProgressEveryRows"/> rows
    /// (progress with rows/s and ETA on a terminal). Never called for files that are not read row by row.
    /// </summary>
    public Action<ReadProgress>? OnReadProgress { get; init; }

    /// <summary>
    /// Threads that split and parse the rows of a large UTF-8 records file: null for one per processor; 1 reads every
    /// file on one thread. The results are the same either way (a test holds the two paths to it).
    /// </summary>
    public int? ReadThreads { get; init; }

    /// <summary>Rows between two <see cref="OnReadProgress"/> calls.</summary>
    public const int ProgressEveryRows = Normalise.FileNormaliser.ProgressEveryRows;
}
