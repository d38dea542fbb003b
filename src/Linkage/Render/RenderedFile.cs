namespace Linkage.Render;

/// <summary>One rendered chart file, for the caller to write (the render stage's library part does no file I/O).</summary>
/// <param name="FileName">File name without folder, e.g. <c>linkage-by-region-children.png</c>.</param>
/// <param name="Bytes">The file's content.</param>
public sealed record RenderedFile(string FileName, byte[] Bytes);
