namespace Linkage.Pipeline;

/// <summary>How far the reading of one input file has got (progress for a person at a terminal).</summary>
/// <param name="FileNumber">1-based number of the file being read.</param>
/// <param name="FileCount">Number of files in the run.</param>
/// <param name="File">File name as given.</param>
/// <param name="Rows">Data rows read so far in this file.</param>
/// <param name="Bytes">Bytes of the file read so far (0 when the reader cannot tell).</param>
/// <param name="TotalBytes">The file's size in bytes (0 when not known).</param>
public readonly record struct ReadProgress(int FileNumber, int FileCount, string File, long Rows, long Bytes, long TotalBytes);
