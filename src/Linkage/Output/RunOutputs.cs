using System.Diagnostics;

namespace Linkage.Output;

/// <summary>The output stage: the only code that writes a run's files.</summary>
public static class RunOutputs
{
    /// <summary>
    /// Writes <paramref name="files"/> into a staging folder beside <paramref name="target"/>, then the manifest that
    /// <paramref name="manifest"/> makes from the files as written and the milliseconds writing them took, and puts the
    /// whole set in the place of <paramref name="target"/> in one step (<see cref="OutputFolder.Commit"/>). On an
    /// exception nothing in <paramref name="target"/> has changed. Returns every file written, manifest last.
    /// </summary>
    public static IReadOnlyList<OutputEntry> Commit(string target, IReadOnlyList<OutputFile> files, Func<IReadOnlyList<OutputEntry>, long, OutputFile> manifest)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(manifest);
        var clock = Stopwatch.StartNew();
        using var folder = new OutputFolder(target);
        foreach (var file in files)
        {
            folder.Write(file.Path, s => s.Write(file.Bytes));
        }

        var body = manifest([.. folder.Written], clock.ElapsedMilliseconds);
        folder.Write(body.Path, s => s.Write(body.Bytes));
        folder.Commit();
        return [.. folder.Written];
    }
}
