using System.Security.Cryptography;

namespace Linkage.Output;

/// <summary>
/// Writes a run's outputs into a staging folder beside <c>--out</c> and moves them into place only when all are
/// complete, the manifest last, so an interrupted run does not leave a half-written set behind.
/// </summary>
public sealed class OutputFolder : IDisposable
{
    private readonly string _target;
    private readonly string _staging;
    private readonly List<OutputEntry> _written = [];

    /// <summary>Creates the staging folder for <paramref name="target"/>.</summary>
    public OutputFolder(string target)
    {
        _target = Path.GetFullPath(target);
        var parent = Path.GetDirectoryName(_target) ?? _target;
        Directory.CreateDirectory(parent);
        _staging = Path.Combine(parent, "." + Path.GetFileName(_target) + ".staging-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (Directory.Exists(_staging))
        {
            Directory.Delete(_staging, recursive: true);
        }

        Directory.CreateDirectory(_staging);
    }

    /// <summary>Outputs written so far.</summary>
    public IReadOnlyList<OutputEntry> Written => _written;

    /// <summary>Writes one output (path relative to the output folder, forward slashes) and records its hash.</summary>
    public void Write(string relativePath, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var full = StagedPath(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        using (var stream = new FileStream(full, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            write(stream);
        }

        using var read = File.OpenRead(full);
        var hash = Convert.ToHexStringLower(SHA256.HashData(read));
        _written.Add(new OutputEntry(relativePath, read.Length, hash));
    }

    /// <summary>
    /// Moves every staged output into the target folder in the order written (write the manifest last), and removes
    /// files a previous run left in the tool's own folders (<c>internal/</c>, <c>publish/</c>) that this run did not
    /// write, so the folder never mixes runs (e.g. old observations beside a manifest that refused to publish).
    /// </summary>
    public void Commit()
    {
        var written = _written.Select(e => Path.GetFullPath(Path.Combine(_target, e.Path))).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < _written.Count; i++)
        {
            if (i == _written.Count - 1)
            {
                RemoveStale(written);
            }

            var destination = Path.Combine(_target, _written[i].Path);
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Move(StagedPath(_written[i].Path), destination, overwrite: true);
        }
    }

    private void RemoveStale(HashSet<string> written)
    {
        foreach (var owned in new[] { "internal", "publish" })
        {
            var folder = Path.Combine(_target, owned);
            if (!Directory.Exists(folder))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            {
                if (!written.Contains(Path.GetFullPath(file)))
                {
                    File.Delete(file);
                }
            }
        }
    }

    /// <summary>Removes the staging folder.</summary>
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
