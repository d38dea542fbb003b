using System.Globalization;
using System.Security.Cryptography;

namespace Linkage.Output;

/// <summary>
/// Writes a run's outputs into a staging folder beside <c>--out</c> (<c>.NAME.staging-PID</c>) and, when all are
/// complete, puts the staging folder in the place of the output folder in one step. A run killed at any moment leaves
/// the previous complete set in place and readable; the next run removes what the killed one left
/// (<see cref="Recover"/>). The output folder belongs to the tool: it holds only <c>manifest.json</c>,
/// <c>internal/</c> and <c>publish/</c>, and a run never mixes its files with an earlier run's.
/// Call it only while holding the folder's <see cref="RunLock"/>.
/// </summary>
public sealed class OutputFolder : IDisposable
{
    private readonly string _target;
    private readonly string _staging;
    private readonly Func<string, Stream> _create;
    private readonly List<OutputEntry> _written = [];

    /// <summary>Creates the staging folder for <paramref name="target"/>.</summary>
    /// <param name="target">The output folder.</param>
    /// <param name="create">Opens a staged file for writing; tests pass one that fails like a full disk.</param>
    public OutputFolder(string target, Func<string, Stream>? create = null)
    {
        _target = Resolve(target);
        _staging = SiblingPath(_target, "staging-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        _create = create ?? (path => new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None));
        if (Directory.Exists(_staging))
        {
            Directory.Delete(_staging, recursive: true);
        }

        Directory.CreateDirectory(_staging);
    }

    /// <summary>The entries a run writes at the top of the output folder; nothing else belongs there.</summary>
    public static IReadOnlyList<string> OwnedEntries { get; } = ["manifest.json", "internal", "publish"];

    /// <summary>Outputs written so far.</summary>
    public IReadOnlyList<OutputEntry> Written => _written;

    /// <summary>Whether to try the one-step exchange; tests turn it off to exercise the two-rename fallback.</summary>
    internal bool ExchangeInOneStep { get; init; } = true;

    /// <summary>The full path of the output folder, following a symbolic link to the folder it names.</summary>
    public static string Resolve(string target)
    {
        var full = Path.GetFullPath(target).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        if (Path.GetDirectoryName(full) is null)
        {
            throw new ArgumentException($"--out '{target}' is the root of a drive; give a folder of its own.");
        }

        for (var up = Path.GetDirectoryName(full); up is not null; up = Path.GetDirectoryName(up))
        {
            if (File.Exists(up))
            {
                throw new ArgumentException($"--out '{target}' lies inside the file '{up}'; expected a folder.");
            }
        }

        return Directory.Exists(full) ? new DirectoryInfo(full).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full : full;
    }

    /// <summary>
    /// The first file or folder of an existing output folder that linkage did not write (e.g. a user's notes, a file
    /// put into <c>publish/</c>), or null. Every file must be the manifest or listed among its outputs, and the
    /// manifest must be linkage's. A run replaces the whole folder, so it refuses to start over anything else rather
    /// than remove what it did not write. Throws <see cref="ArgumentException"/> when <paramref name="target"/> is a file.
    /// </summary>
    public static string? ForeignEntry(string target)
    {
        var full = Resolve(target);
        if (File.Exists(full))
        {
            throw new ArgumentException($"--out '{target}' is a file; expected a folder.");
        }

        if (!Directory.Exists(full))
        {
            return null;
        }

        // Without a linkage manifest nothing in the folder is linkage's, the manifest.json included.
        var manifest = ManifestOutputs(Path.Combine(full, "manifest.json"));
        var listed = manifest ?? new HashSet<string>(StringComparer.Ordinal);
        var folders = listed
            .SelectMany(p => Ancestors(p))
            .Concat(OwnedEntries.Where(e => e != "manifest.json"))
            .ToHashSet(StringComparer.Ordinal);
        if (manifest is not null)
        {
            listed.Add("manifest.json");
        }

        return FirstForeign(full, string.Empty, listed, folders);
    }

    /// <summary>
    /// Walks the folder depth first in name order without following links and returns the first entry that is a link,
    /// an unlisted file or a folder no listed output lies in; stops there, so a huge foreign tree costs nothing.
    /// </summary>
    private static string? FirstForeign(string root, string relative, HashSet<string> files, HashSet<string> folders)
    {
        var here = relative.Length == 0 ? root : Path.Combine(root, relative);
        foreach (var entry in new DirectoryInfo(here).EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var path = relative.Length == 0 ? entry.Name : relative + "/" + entry.Name;
            if (entry.LinkTarget is not null)
            {
                return path;
            }

            if (entry is DirectoryInfo)
            {
                if (!folders.Contains(path))
                {
                    return path;
                }

                if (FirstForeign(root, path, files, folders) is { } inner)
                {
                    return inner;
                }
            }
            else if (!files.Contains(path))
            {
                return path;
            }
        }

        return null;
    }

    /// <summary>The folders a relative output path lies in: <c>publish/charts/x.png</c> gives <c>publish</c>, <c>publish/charts</c>.</summary>
    private static IEnumerable<string> Ancestors(string relative)
    {
        for (var slash = relative.IndexOf('/', StringComparison.Ordinal); slash > 0; slash = relative.IndexOf('/', slash + 1))
        {
            yield return relative[..slash];
        }
    }

    /// <summary>
    /// True when <paramref name="target"/> is a mount point (Linux, from <c>/proc/self/mountinfo</c>): the staging
    /// folder beside it would be on another file system, so the swap could not happen, and that is better said before
    /// the run than after it. False where this cannot be told.
    /// </summary>
    public static bool IsMountPoint(string target)
    {
        const string MountInfo = "/proc/self/mountinfo";
        if (!OperatingSystem.IsLinux() || !File.Exists(MountInfo))
        {
            return false;
        }

        var full = Resolve(target);
        try
        {
            // Field 5 is the mount point, with space, tab, newline and backslash written as octal escapes.
            return File.ReadLines(MountInfo)
                .Select(line => line.Split(' '))
                .Where(fields => fields.Length > 4)
                .Any(fields => string.Equals(Unescape(fields[4]), full, StringComparison.Ordinal));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        static string Unescape(string field) => System.Text.RegularExpressions.Regex.Replace(
            field,
            @"\\([0-7]{3})",
            m => ((char)Convert.ToInt32(m.Groups[1].Value, 8)).ToString(),
            System.Text.RegularExpressions.RegexOptions.None,
            TimeSpan.FromSeconds(1));
    }

    /// <summary>The outputs a linkage manifest lists; null when the file is absent, unreadable or not linkage's.</summary>
    private static HashSet<string>? ManifestOutputs(string manifest)
    {
        if (!File.Exists(manifest))
        {
            return null;
        }

        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(manifest));
            if (!doc.RootElement.TryGetProperty("tool", out var tool) || tool.GetString() != "linkage")
            {
                return null;
            }

            return doc.RootElement.GetProperty("outputs").EnumerateArray()
                .Select(o => o.GetProperty("path").GetString() ?? string.Empty)
                .ToHashSet(StringComparer.Ordinal);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or InvalidOperationException or KeyNotFoundException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Repairs what an interrupted run left beside <paramref name="target"/>: puts back the previous results when a run
    /// died between moving them aside and moving its own in (only where the folder swap is two renames), then removes
    /// leftover staging and previous folders. Returns one sentence per repair, for the log.
    /// </summary>
    public static IReadOnlyList<string> Recover(string target)
    {
        var full = Resolve(target);
        var parent = Path.GetDirectoryName(full)!;
        var prefix = "." + Path.GetFileName(full) + ".";
        var notes = new List<string>();
        if (!Directory.Exists(parent))
        {
            return notes;
        }

        var leftovers = Directory.EnumerateDirectories(parent, prefix + "*")
            .Where(d => Path.GetFileName(d) is var n && (n.StartsWith(prefix + "staging-", StringComparison.Ordinal) || n.StartsWith(prefix + "previous-", StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (!Directory.Exists(full) && leftovers.FirstOrDefault(d => Path.GetFileName(d).StartsWith(prefix + "previous-", StringComparison.Ordinal)) is { } previous)
        {
            Directory.Move(previous, full);
            leftovers.Remove(previous);
            notes.Add($"restored the previous results in '{full}', which an interrupted run had moved aside");
        }

        foreach (var leftover in leftovers)
        {
            Directory.Delete(leftover, recursive: true);
            notes.Add($"removed '{Path.GetFileName(leftover)}', left by an interrupted run");
        }

        return notes;
    }

    /// <summary>Writes one output (path relative to the output folder, forward slashes) and records its hash.</summary>
    public void Write(string relativePath, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var full = StagedPath(relativePath);
        EnsureStagingIntact();
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        using (var stream = _create(full))
        {
            write(stream);
            if (stream is FileStream file)
            {
                // On disk before the swap, so a power cut after it cannot leave an empty file in the new set.
                file.Flush(flushToDisk: true);
            }
        }

        using var read = File.OpenRead(full);
        var hash = Convert.ToHexStringLower(SHA256.HashData(read));
        _written.Add(new OutputEntry(relativePath, read.Length, hash));
    }

    /// <summary>
    /// Puts the staged set in the place of the output folder. On Linux the two folders are exchanged in one step;
    /// elsewhere the old folder is renamed aside and the new one renamed in, and a failure between the two puts the
    /// old one back. The old set is then removed (by <see cref="Dispose"/>, with the staging folder).
    /// </summary>
    public void Commit()
    {
        EnsureStagingIntact();
        foreach (var entry in _written)
        {
            var staged = StagedPath(entry.Path);
            if (RunFingerprint.HashFile(staged) != entry.Sha256)
            {
                throw new IOException($"the staged '{entry.Path}' is missing or changed; something outside this run touched '{_staging}'");
            }
        }

        if (File.Exists(_target))
        {
            throw new IOException($"'{_target}' became a file during the run");
        }

        if (ForeignEntry(_target) is { } foreign)
        {
            throw new IOException($"'{foreign}' appeared in the output folder during the run, and the run would remove it");
        }

        if (!Directory.Exists(_target))
        {
            Directory.Move(_staging, _target);
            return;
        }

        if (ExchangeInOneStep && DirectorySwap.TryExchange(_staging, _target))
        {
            return;
        }

        var previous = SiblingPath(_target, "previous-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.Move(_target, previous);
        try
        {
            Directory.Move(_staging, _target);
        }
        catch
        {
            Directory.Move(previous, _target);
            throw;
        }

        Directory.Delete(previous, recursive: true);
    }

    /// <summary>Removes the staging folder (after a commit on Linux it holds the previous set).</summary>
    public void Dispose()
    {
        try
        {
            if (Directory.Exists(_staging))
            {
                Directory.Delete(_staging, recursive: true);
            }
        }
        catch (IOException)
        {
            // Left for the next run to clean up; never hides the run's own result.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }

    /// <summary>The staging folder is created once; if it vanished (someone removed it), the run fails rather than commit a partial set.</summary>
    private void EnsureStagingIntact()
    {
        if (!Directory.Exists(_staging))
        {
            throw new IOException($"the staging folder '{_staging}' was removed during the run");
        }
    }

    private static string SiblingPath(string target, string suffix) =>
        Path.Combine(Path.GetDirectoryName(target)!, "." + Path.GetFileName(target) + "." + suffix);

    private string StagedPath(string relativePath)
    {
        var full = Path.GetFullPath(Path.Combine(_staging, relativePath));
        if (!full.StartsWith(_staging + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Output path '{relativePath}' leaves the output folder.", nameof(relativePath));
        }

        return full;
    }
}
