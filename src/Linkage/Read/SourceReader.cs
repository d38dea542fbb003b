using System.Text;

using Linkage.Problems;

namespace Linkage.Read;

/// <summary>
/// The read stage: the only code that opens input files. It recognises the file type, encoding, delimiter and
/// header row, and returns an <see cref="ISourceTable"/> that streams the data rows, or the problem that makes the
/// file unusable. It never throws for bad data.
/// </summary>
public static class SourceReader
{
    /// <summary>How many bytes at the start of a file are read to detect its type, encoding, delimiter and header.</summary>
    public const int DetectionBytes = 1 << 20;

    /// <summary>The file extensions the reader accepts (lowercase, with the dot); a file without extension is judged by content.</summary>
    public static IReadOnlyList<string> SupportedExtensions { get; } = [".csv", ".tsv", ".txt", ".xlsx"];

    static SourceReader()
    {
        // ExcelDataReader and the windows-125x decoders need the code-page encodings, which .NET does not load by default.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>Opens <paramref name="path"/> for reading; problems name the file as <paramref name="displayName"/>.</summary>
    /// <param name="path">Path of the file to open.</param>
    /// <param name="displayName">File name as the user gave it, used in messages and provenance.</param>
    /// <param name="options">Overrides of detection (<c>--encoding</c>, <c>--delimiter</c>, <c>--sheet</c>).</param>
    /// <returns>An open table (the caller disposes it) or a file-level problem.</returns>
    /// <exception cref="ArgumentException"><paramref name="options"/> forces a delimiter that is not an ASCII character other than a quote or a line break.</exception>
    public static ReadOutcome Open(string path, string displayName, ReadOptions options) =>
        Open(path, displayName, options, CsvSourceTable.DefaultMaxRecordMiB);

    /// <summary>
    /// Reads a file's content already in memory (a caller with the bytes in hand, tests): the same detection, problems
    /// and hash as <see cref="Open(string, string, ReadOptions)"/>; the type is taken from <paramref name="displayName"/>'s
    /// extension.
    /// </summary>
    /// <param name="content">The file's bytes.</param>
    /// <param name="displayName">File name as the user gave it, used in messages and provenance.</param>
    /// <param name="options">Overrides of detection.</param>
    public static ReadOutcome Open(byte[] content, string displayName, ReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(content);
        return Open(new MemoryStream(content, writable: false), displayName, options);
    }

    /// <summary>
    /// Reads a file's content from a stream, in one pass from its current position: the same detection, problems and
    /// hash as <see cref="Open(string, string, ReadOptions)"/>, the type taken from <paramref name="displayName"/>'s
    /// extension. The outcome's table owns the stream (it is disposed with the table, or here when no table is
    /// returned). A workbook is read from a copy in memory when the stream cannot seek.
    /// </summary>
    /// <param name="content">The file's content.</param>
    /// <param name="displayName">File name as the user gave it, used in messages and provenance.</param>
    /// <param name="options">Overrides of detection.</param>
    public static ReadOutcome Open(Stream content, string displayName, ReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(displayName);
        var stream = content;
        var handedOver = false;
        try
        {
            CheckDelimiter(options);
            var extension = Path.GetExtension(displayName).ToLowerInvariant();
            if (extension.Length > 0 && !SupportedExtensions.Contains(extension))
            {
                return ReadOutcome.Failed(ProblemCatalogue.UnsupportedType(displayName, extension));
            }

            if (extension == ".xlsx" && !stream.CanSeek)
            {
                var copy = new MemoryStream();
                stream.CopyTo(copy);
                stream.Dispose();
                copy.Position = 0;
                stream = copy;
            }

            return Open(stream, extension, displayName, options, CsvSourceTable.DefaultMaxRecordMiB, out handedOver);
        }
        finally
        {
            if (!handedOver)
            {
                stream.Dispose();
            }
        }
    }

    private static void CheckDelimiter(ReadOptions options)
    {
        if (options.Delimiter is { } forced && (forced > 127 || forced is '"' or '\r' or '\n'))
        {
            throw new ArgumentException($"The delimiter must be an ASCII character other than a quote or a line break, not U+{(int)forced:X4}.", nameof(options));
        }
    }

    /// <summary>Opens a file with a chosen limit on the size of one CSV record (tests use a small one).</summary>
    internal static ReadOutcome Open(string path, string displayName, ReadOptions options, int maxRecordMiB)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(displayName);
        CheckDelimiter(options);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension.Length > 0 && !SupportedExtensions.Contains(extension))
        {
            return ReadOutcome.Failed(ProblemCatalogue.UnsupportedType(displayName, extension));
        }

        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.SequentialScan);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ReadOutcome.Failed(ProblemCatalogue.FileUnreadable(displayName, Describe(ex)));
        }

        var handedOver = false;
        try
        {
            return Open(file, extension, displayName, options, maxRecordMiB, out handedOver);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ReadOutcome.Failed(ProblemCatalogue.FileUnreadable(displayName, Describe(ex)));
        }
        finally
        {
            if (!handedOver)
            {
                file.Dispose();
            }
        }
    }

    private static ReadOutcome Open(Stream file, string extension, string displayName, ReadOptions options, int maxRecordMiB, out bool handedOver)
    {
        handedOver = false;
        var hashing = new HashingStream(file, leaveOpen: true);
        // A small file needs no 1 MiB buffer; if it grows while being read, the rest is still read after the prefix.
        var prefix = new byte[file.CanSeek ? (int)Math.Min(file.Length, DetectionBytes) : DetectionBytes];
        var length = hashing.ReadFully(prefix);
        var atEnd = length < DetectionBytes;
        var bytes = prefix.AsSpan(0, length);

        if (length == 0)
        {
            return Failed(ProblemCatalogue.FileEmpty(displayName), hashing);
        }

        if (ContentSniffer.IsZip(bytes) && !file.CanSeek)
        {
            // A workbook under a text name, from a stream that cannot go back to its start: it cannot be opened as one.
            return Failed(ProblemCatalogue.FileBinary(displayName), hashing);
        }

        if (ContentSniffer.IsZip(bytes))
        {
            // Content first: a zip package is read as a workbook whatever its text extension says.
            var sha = hashing.Drain();
            hashing.Dispose();
            file.Seek(0, SeekOrigin.Begin);
            handedOver = true;
            return XlsxSourceTable.Open(displayName, file, sha, options);
        }

        if (extension == ".xlsx")
        {
            return Failed(ProblemCatalogue.NotXlsx(displayName), hashing);
        }

        var encoding = options.Encoding is { } forced
            ? EncodingGuess.Forced(forced, bytes)
            : EncodingDetector.Detect(bytes, atEnd);
        if (!encoding.IsUtf16 && ContentSniffer.LooksBinary(bytes))
        {
            return Failed(ProblemCatalogue.FileBinary(displayName), hashing);
        }

        var text = Decode(encoding.Encoding.GetDecoder(), bytes[encoding.BomLength..], atEnd);
        var (delimiter, delimiterReason) = options.Delimiter is { } d
            ? (d, "--delimiter")
            : DelimiterDetector.Detect(text, atEnd);
        var hinted = DelimiterDetector.SeparatorHint(text) is not null;
        var rows = ProbeSplitter.Split(text, delimiter, atEnd, HeaderDetector.SearchRows + 2)
            .Where(r => !r.IsBlank && !(hinted && r.Line == 1))
            .ToList();
        if (rows.Count == 0)
        {
            return Failed(atEnd ? ProblemCatalogue.FileEmpty(displayName) : ProblemCatalogue.NoHeader(displayName), hashing);
        }

        var headerIndex = options.HeaderRow is { } forcedHeader ? HeaderDetector.FindLine(rows, forcedHeader) : HeaderDetector.Find(rows);
        if (headerIndex < 0)
        {
            return Failed(ProblemCatalogue.HeaderRowNotFound(displayName, options.HeaderRow!.Value, HeaderDetector.SearchRows + 2), hashing);
        }

        var headerLine = rows[headerIndex].Line;
        handedOver = true;
        return CsvSourceTable.Open(displayName, hashing, prefix, length, encoding, delimiter, delimiterReason, headerLine, maxRecordMiB);
    }

    private static string Decode(Decoder decoder, ReadOnlySpan<byte> bytes, bool flush)
    {
        var chars = new char[decoder.GetCharCount(bytes, flush)];
        var n = decoder.GetChars(bytes, chars, flush);
        return new string(chars, 0, n);
    }

    private static ReadOutcome Failed(Problem problem, HashingStream hashing)
    {
        var sha = hashing.Drain();
        hashing.Dispose();
        return ReadOutcome.Failed(problem, sha);
    }

    /// <summary>A short reason for an I/O failure that does not repeat the full path (messages name the file as the user gave it).</summary>
    private static string Describe(Exception ex) => ex switch
    {
        FileNotFoundException => "no such file",
        DirectoryNotFoundException => "no such folder",
        PathTooLongException => "the path is too long",
        UnauthorizedAccessException => "access denied, or it is a folder",
        _ => "input/output error",
    };
}
