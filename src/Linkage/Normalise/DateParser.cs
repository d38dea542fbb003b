using System.Globalization;
using System.Text.RegularExpressions;

namespace Linkage.Normalise;

/// <summary>Day/month order of slash dates (<c>--date-format</c>).</summary>
public enum DateOrder
{
    /// <summary>Not stated: decided from the file's own values when they settle it.</summary>
    Auto,

    /// <summary><c>dd/mm/yyyy</c>.</summary>
    DayFirst,

    /// <summary><c>mm/dd/yyyy</c>.</summary>
    MonthFirst,
}

/// <summary>What a date cell holds before the day/month order is known.</summary>
/// <param name="Year">The year (its position never depends on the order).</param>
/// <param name="First">First number of a slash date, or the month of an unambiguous date.</param>
/// <param name="Second">Second number of a slash date, or the day of an unambiguous date.</param>
/// <param name="IsSlash">True for <c>a/b/yyyy</c>, whose order may be unknown.</param>
public readonly record struct DateCell(int Year, int First, int Second, bool IsSlash)
{
    /// <summary>True when the date is a real calendar date read in <paramref name="order"/> (or unambiguous).</summary>
    public bool IsValid(DateOrder order)
    {
        var (month, day) = !IsSlash || order == DateOrder.MonthFirst ? (First, Second) : (Second, First);
        return Year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(Year, month);
    }

    /// <summary>What this slash date says about the order: a first number above 12 means day first, a second above 12 month first.</summary>
    public DateOrder Evidence => !IsSlash ? DateOrder.Auto : First > 12 ? DateOrder.DayFirst : Second > 12 ? DateOrder.MonthFirst : DateOrder.Auto;
}

/// <summary>Parses case dates: <c>yyyy-mm-dd</c>, <c>dd.mm.yyyy</c>, <c>dd/mm/yyyy</c> or <c>mm/dd/yyyy</c>.</summary>
public static partial class DateParser
{
    /// <summary>Parses the shape of a date cell; the day/month order of slash dates is settled later.</summary>
    public static bool TryParse(string raw, out DateCell cell)
    {
        var text = raw.Trim();

        // Spreadsheets often add a midnight time to dates.
        var space = text.IndexOfAny([' ', 'T']);
        if (space > 0)
        {
            text = text[..space];
        }

        var m = Iso().Match(text);
        if (m.Success)
        {
            cell = new DateCell(Int(m, "y"), Int(m, "m"), Int(m, "d"), false);
            return cell.IsValid(DateOrder.Auto);
        }

        m = Dotted().Match(text);
        if (m.Success)
        {
            cell = new DateCell(Int(m, "y"), Int(m, "m"), Int(m, "d"), false);
            return cell.IsValid(DateOrder.Auto);
        }

        m = Slashed().Match(text);
        if (m.Success)
        {
            cell = new DateCell(Int(m, "y"), Int(m, "a"), Int(m, "b"), true);
            return cell.IsValid(DateOrder.DayFirst) || cell.IsValid(DateOrder.MonthFirst);
        }

        cell = default;
        return false;
    }

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<y>[0-9]{4})-(?<m>[0-9]{1,2})-(?<d>[0-9]{1,2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Iso();

    [GeneratedRegex(@"^(?<d>[0-9]{1,2})\.(?<m>[0-9]{1,2})\.(?<y>[0-9]{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex Dotted();

    [GeneratedRegex(@"^(?<a>[0-9]{1,2})/(?<b>[0-9]{1,2})/(?<y>[0-9]{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex Slashed();
}
