using System.Globalization;
using System.Text.RegularExpressions;

using Linkage.Model;

namespace Linkage.Normalise;

/// <summary>Parses periods: <c>YYYY</c>, <c>YYYY-Qn</c>, <c>YYYYQn</c>, <c>YYYY-MM</c> (and SDMX's <c>YYYY-Mmm</c>).</summary>
public static partial class PeriodParser
{
    /// <summary>The earliest year accepted.</summary>
    public const int MinYear = 1990;

    /// <summary>Parses a period cell, checking the year lies in <see cref="MinYear"/>…<paramref name="maxYear"/>.</summary>
    public static bool TryParse(string raw, int maxYear, out Period period, out string? error)
    {
        period = default;
        var text = raw.Trim();
        var m = PeriodPattern().Match(text);
        if (!m.Success)
        {
            error = "a period written YYYY, YYYY-Qn or YYYY-MM";
            return false;
        }

        var year = int.Parse(m.Groups["y"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
        if (!CheckYear(year, maxYear, out error))
        {
            return false;
        }

        if (m.Groups["q"].Success)
        {
            var q = int.Parse(m.Groups["q"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
            if (q is < 1 or > 4)
            {
                error = "a quarter from Q1 to Q4";
                return false;
            }

            period = new Period(year, PeriodKind.Quarter, q);
        }
        else if (m.Groups["m"].Success)
        {
            var month = int.Parse(m.Groups["m"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
            if (month is < 1 or > 12)
            {
                error = "a month from 01 to 12";
                return false;
            }

            period = new Period(year, PeriodKind.Month, month);
        }
        else
        {
            period = Period.OfYear(year);
        }

        return true;
    }

    /// <summary>Refines a year with a separate quarter or month cell (<c>Q3</c>, <c>3</c>, <c>03</c>).</summary>
    public static bool TryRefine(Period year, string raw, PeriodKind kind, out Period period, out string? error)
    {
        period = year;
        error = null;
        var text = raw.Trim().TrimStart('Q', 'q', 'M', 'm');
        if (raw.Trim().Length == 0)
        {
            return true;
        }

        var max = kind == PeriodKind.Quarter ? 4 : 12;
        if (year.Kind != PeriodKind.Year)
        {
            error = "a year in the period column when a separate quarter or month column is given";
            return false;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var part) || part < 1 || part > max)
        {
            error = kind == PeriodKind.Quarter ? "a quarter from 1 to 4" : "a month from 1 to 12";
            return false;
        }

        period = new Period(year.Year, kind, part);
        return true;
    }

    /// <summary>Checks that a year lies in the accepted range.</summary>
    public static bool CheckYear(int year, int maxYear, out string? error)
    {
        if (year < MinYear || year > maxYear)
        {
            error = string.Create(CultureInfo.InvariantCulture, $"a year from {MinYear} to {maxYear}");
            return false;
        }

        error = null;
        return true;
    }

    [GeneratedRegex(@"^(?<y>[0-9]{4})(?:\.0+)?(?:\s*-?\s*[Qq](?<q>[0-9])|-M?(?<m>[0-9]{1,2}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex PeriodPattern();
}
