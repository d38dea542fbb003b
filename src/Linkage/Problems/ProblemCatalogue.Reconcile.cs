namespace Linkage.Problems;

/// <summary>Problems of the reconcile stage: the same figure given differently by two submissions.</summary>
public static partial class ProblemCatalogue
{
    /// <summary>Two submissions disagree on a figure, under <c>--on-conflict error</c>.</summary>
    public static Problem Conflict(string file, int row, string column, string value, string otherFile, int otherRow, string otherValue, string key) => new(
        "conflict", Severity.Fatal, file, row, column, value,
        $"File {Where(file, row, column)} has {Quote(value)} for {key}, but {Where(otherFile, otherRow)} has {Quote(otherValue)}; correct one submission, or pass --on-conflict latest to let the later file win.");

    /// <summary>A figure replaced by a later submission, under <c>--on-conflict latest</c>.</summary>
    public static Problem Superseded(string file, int row, string column, string value, string winnerFile, int winnerRow, string winnerValue, string key) => new(
        "superseded", Severity.Error, file, row, column, value,
        $"File {Where(file, row, column)} has {Quote(value)} for {key}, replaced by {Quote(winnerValue)} from the later {Where(winnerFile, winnerRow)} (--on-conflict latest).");

    /// <summary>A year given both whole and in quarters or months, under <c>--on-conflict error</c>.</summary>
    public static Problem PartsConflict(string file, int row, string column, string period, string otherFile, int otherRow, string otherPeriod, string key) => new(
        "conflict-year-parts", Severity.Fatal, file, row, column, period,
        $"File {Where(file, row, column)} gives {key} for {period}, but {Where(otherFile, otherRow)} gives the same year as {otherPeriod}; a year must come either whole or in parts, so drop one, or pass --on-conflict latest.");
}
