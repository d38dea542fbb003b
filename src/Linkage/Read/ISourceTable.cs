using Linkage.Problems;

namespace Linkage.Read;

/// <summary>
/// An opened input file: its header is known, its data rows are streamed once.
/// Only the read stage opens files; later stages see this interface (tests can fake it).
/// </summary>
public interface ISourceTable : IDisposable
{
    /// <summary>File name as shown in messages and provenance (as the user gave it).</summary>
    string File { get; }

    /// <summary>Detected format, encoding and delimiter, with reasons.</summary>
    SourceInfo Info { get; }

    /// <summary>Header fields, trailing empty fields removed.</summary>
    IReadOnlyList<string> Header { get; }

    /// <summary>
    /// Streams the data rows after the header, once. Blank lines are skipped. A row the reader cannot
    /// split (e.g. a quote never closed) is reported in <see cref="RowProblems"/> with its line and not yielded
    /// as a row; the caller counts it as a rejected row.
    /// </summary>
    IEnumerable<RawRow> ReadRows();

    /// <summary>Row-level read problems found while streaming (one per broken row), available after <see cref="ReadRows"/> ends.</summary>
    IReadOnlyList<Problem> RowProblems { get; }

    /// <summary>Bytes of the file read so far (for progress); 0 when the reader cannot tell.</summary>
    long BytesRead => 0;

    /// <summary>The file's size in bytes (for progress); 0 when not known.</summary>
    long TotalBytes => 0;

    /// <summary>Lowercase hex SHA-256 of the bytes actually read; complete after <see cref="ReadRows"/> has been enumerated to the end.</summary>
    string Sha256 { get; }
}
