namespace Linkage.Read;

/// <summary>A record seen while detecting the layout of a file: where it starts, how many lines it spans, its fields.</summary>
/// <param name="Line">1-based line where the record starts.</param>
/// <param name="LineCount">Number of physical lines the record spans (more than 1 when a quoted field holds line breaks).</param>
/// <param name="Fields">Raw field values (unquoted, not trimmed).</param>
internal sealed record ProbeRecord(int Line, int LineCount, IReadOnlyList<string> Fields)
{
    /// <summary>Number of fields that are not empty after trimming whitespace.</summary>
    public int NonEmpty { get; } = Fields.Count(static f => FieldText.Clean(f).Length > 0);

    /// <summary>Whether every field is empty or whitespace: a blank line, which is not a row.</summary>
    public bool IsBlank => NonEmpty == 0;
}
