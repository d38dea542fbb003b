using System.Globalization;

namespace Linkage.Read;

/// <summary>Turns worksheet cell values into text the same way whatever the current culture.</summary>
internal static class CellText
{
    /// <summary>Days between the 1900 and the 1904 date systems of Excel (a 1904 workbook's serial 0 is 1904-01-01).</summary>
    private const int Date1904Offset = 1462;

    /// <summary>
    /// Whole serial numbers in this range in a date-formatted cell are years typed into the cell (2020 shows as a
    /// date in 1905), not dates: no submission reports on 1905–1906.
    /// </summary>
    private const int TypedYearMin = 1900;

    /// <summary>The last serial number read as a typed year (see <see cref="TypedYearMin"/>).</summary>
    private const int TypedYearMax = 2100;

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The letters of an elapsed-time section such as [h] or [mm].</summary>
    private static readonly System.Buffers.SearchValues<char> ElapsedTime = System.Buffers.SearchValues.Create("hHmMsS");

    /// <summary>How much of a date a number format shows.</summary>
    internal enum DateShown
    {
        /// <summary>The day (or a time), or a format this reader does not recognise.</summary>
        Full,

        /// <summary>The year and the month only, e.g. <c>mmm yyyy</c>.</summary>
        YearMonth,

        /// <summary>The year only, e.g. <c>yyyy</c>.</summary>
        Year,
    }

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

    /// <summary>
    /// A date cell as the period it shows: "2020" when its number format shows only the year (<c>yyyy</c>),
    /// "2020-03" when it shows the year and month (<c>mmm yyyy</c>), otherwise as <see cref="Format"/> does.
    /// A whole serial number from 1900 to 2100 is a year typed into a date-formatted cell and is returned as that year.
    /// </summary>
    /// <param name="value">The date as ExcelDataReader returns it.</param>
    /// <param name="numberFormat">The cell's number format code, or null when unknown.</param>
    /// <param name="date1904">Whether the workbook counts serial numbers from 1904 (old Mac Excel).</param>
    public static string FormatDate(DateTime value, string? numberFormat, bool date1904)
    {
        var serial = value.ToOADate() - (date1904 ? Date1904Offset : 0);
        if (serial is >= TypedYearMin and <= TypedYearMax && serial == Math.Floor(serial))
        {
            return ((int)serial).ToString(Inv);
        }

        return Shows(numberFormat) switch
        {
            DateShown.Year => value.ToString("yyyy", Inv),
            DateShown.YearMonth => value.ToString("yyyy-MM", Inv),
            _ => Format(value),
        };
    }

    /// <summary>
    /// How much of a date the number format <paramref name="format"/> shows, judged from its first section: quoted
    /// text, escaped and padding characters and bracketed parts (colours, locales) are ignored; y is a year, m a month
    /// unless a day, hour, second or AM/PM appears too (then the format is <see cref="DateShown.Full"/>).
    /// </summary>
    internal static DateShown Shows(string? format)
    {
        if (string.IsNullOrEmpty(format))
        {
            return DateShown.Full;
        }

        bool year = false, month = false, more = false;
        for (var i = 0; i < format.Length && format[i] != ';'; i++)
        {
            switch (format[i])
            {
                case '"':
                    var close = format.IndexOf('"', i + 1);
                    i = close < 0 ? format.Length : close;
                    break;
                case '\\' or '_' or '*':
                    i++;
                    break;
                case '[':
                    var end = format.IndexOf(']', i + 1);
                    end = end < 0 ? format.Length : end;
                    // [h], [mm], [ss]: elapsed time. [Red], [$-409], [$€-2]: colour, locale, currency.
                    more |= end > i + 1 && format.AsSpan(i + 1, end - i - 1).IndexOfAnyExcept(ElapsedTime) < 0;
                    i = end;
                    break;
                case 'y' or 'Y':
                    year = true;
                    break;
                case 'm' or 'M':
                    month = true;
                    break;
                case 'd' or 'D' or 'h' or 'H' or 's' or 'S' or 'a' or 'A':
                    // Day, hour, second, AM/PM or A/P (and aaa/aaaa, the weekday in some locales).
                    more = true;
                    break;
            }
        }

        if (!year || more)
        {
            return DateShown.Full;
        }

        return month ? DateShown.YearMonth : DateShown.Year;
    }

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
