using System.Globalization;

using Linkage.Localisation;

using ScottPlot;
using ScottPlot.TickGenerators;

namespace Linkage.Render;

/// <summary>
/// Tick generators that never depend on the current culture: whole years (no "2,015", no half years), counts without
/// thousands separators (the same in every language), percentages and signed percent changes with the decimal
/// separator of the chart's language.
/// </summary>
internal static class ChartTicks
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private static readonly int[] YearSteps = [1, 2, 5, 10];
    private static readonly int[] PercentTicks = [0, 25, 50, 75, 100];

    /// <summary>
    /// Whole-year ticks from <paramref name="first"/> to <paramref name="last"/>, every 1, 2, 5, 10 or 20 years: the
    /// smallest step whose labels do not touch at <paramref name="widthPerYear"/> CSS pixels per year.
    /// </summary>
    public static NumericManual Years(int first, int last, float widthPerYear)
    {
        var room = ChartStyle.TextWidth("2000", ChartStyle.TickSize) + 3;
        var step = YearSteps.FirstOrDefault(s => s * widthPerYear >= room, 20);
        var ticks = new NumericManual();
        var start = (int)Math.Ceiling(first / (double)step) * step;
        for (var year = start; year <= last; year += step)
        {
            ticks.AddMajor(year, year.ToString(Inv));
        }

        // A short mark at every year in between, so a bar or point can be read to its year.
        for (var year = first; year <= last && step > 1; year++)
        {
            if (year % step != 0)
            {
                ticks.AddMinor(year);
            }
        }

        return ticks;
    }

    /// <summary>Whole-number ticks with a plain invariant label (1500, not 1,500 or 1.500).</summary>
    public static NumericAutomatic Counts() => new()
    {
        IntegerTicksOnly = true,
        TargetTickCount = 5,
        LabelFormatter = v => Math.Round(v).ToString("0", Inv),
    };

    /// <summary>Ticks at 0, 25, 50, 75 and 100 %, labelled at 0, 50 and 100 % as the language writes a percentage.</summary>
    public static NumericManual Percent(NumberText numbers)
    {
        var ticks = new NumericManual();
        foreach (var p in PercentTicks)
        {
            ticks.AddMajor(p, p % 50 == 0 ? numbers.PercentSign(numbers.Whole(p)) : string.Empty);
        }

        return ticks;
    }

    /// <summary>Automatic ticks for a percent change, labelled like <c>-2.5</c>, <c>0</c>, <c>5</c> (<c>-2,5</c> in a language with a decimal comma).</summary>
    public static NumericAutomatic PercentChange(NumberText numbers) => new()
    {
        TargetTickCount = 6,
        LabelFormatter = v => numbers.Format(Math.Abs(v) < 1e-9 ? 0 : v, "0.##"),
    };

    /// <summary>Labels at given positions (category axes such as regions or States).</summary>
    public static NumericManual Labels(IEnumerable<(double Position, string Label)> labels)
    {
        var ticks = new NumericManual();
        foreach (var (position, label) in labels)
        {
            ticks.AddMajor(position, label);
        }

        return ticks;
    }
}
