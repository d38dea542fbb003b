using System.Globalization;

namespace Linkage.Read;

/// <summary>Turns worksheet cell values into text the same way whatever the current culture.</summary>
internal static class CellText
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>
    /// Whole numbers as integers ("12", not "12.0"), other numbers in round-trip form, dates as yyyy-MM-dd
    /// (with the time when it is not midnight), booleans as TRUE/FALSE, empty cells as "".
    /// </summary>
    public static string Format(object? value) => value switch
    {
        null => "",
        string s => s,
        double d => FormatNumber(d),
        float f => FormatNumber(f),
        DateTime dt => dt.TimeOfDay == TimeSpan.Zero
            ? dt.ToString("yyyy-MM-dd", Inv)
            : dt.ToString("yyyy-MM-dd'T'HH:mm:ss", Inv),
        TimeSpan ts => ts.ToString("c", Inv),
        bool b => b ? "TRUE" : "FALSE",
        IFormattable formattable => formattable.ToString(null, Inv),
        _ => value.ToString() ?? "",
    };

    private static string FormatNumber(double d)
    {
        // Whole numbers below 2^53 are exact in a double; print them as integers (no "E+" notation).
        if (Math.Abs(d) < 9007199254740992d && d == Math.Floor(d))
        {
            return ((long)d).ToString(Inv);
        }

        return d.ToString("R", Inv);
    }
}
