namespace Linkage.Read;

/// <summary>One data row as read: its 1-based line number in the file (header = line 1 when it is the first line) and its fields.</summary>
/// <param name="Line">1-based line (CSV) or worksheet row (XLSX) number where the row starts.</param>
/// <param name="Fields">Field values as text, trailing empty fields removed; never null entries.</param>
public readonly record struct RawRow(int Line, string[] Fields);
