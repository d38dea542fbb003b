using System.Globalization;

using Linkage.Aggregate;
using Linkage.Config;
using Linkage.Model;
using Linkage.Recognise;

namespace Linkage.Tests.Aggregate;

/// <summary>Builds canonical observations from short text for the statistics stage tests.</summary>
internal static class StatsKit
{
    /// <summary>The default region map (UN M49 sub-regions).</summary>
    public static RegionMap DefaultRegions { get; } = RegionMap.Default(Geography.BuiltIn);

    private static int _row = 1;

    /// <summary>
    /// Observations from lines such as <c>FRA 2019 internal 3 p</c>, <c>DEU/Bavaria 2019-Q1 unknown - m</c> or
    /// <c>FRA 2019 total:investigations international 4</c>: State[/area], period, linkage[:measure], count (<c>-</c>
    /// for none), optional flags. The region comes from <paramref name="regions"/> (default M49).
    /// </summary>
    public static List<Observation> Obs(string lines, RegionMap? regions = null)
    {
        var map = regions ?? DefaultRegions;
        var list = new List<Observation>();
        foreach (var line in lines.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var p = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var stateArea = p[0].Split('/');
            var (state, area) = (stateArea[0], stateArea.Length > 1 ? stateArea[1] : string.Empty);
            var linkageMeasure = p[2].Split(':');
            var measure = linkageMeasure.Length > 1 && linkageMeasure[1] == "investigations" ? Measure.Investigations : Measure.Children;
            var linkage = linkageMeasure[0] switch
            {
                "internal" => LinkageCategory.Internal,
                "international" => LinkageCategory.International,
                "not_trafficked" => LinkageCategory.NotTrafficked,
                _ => LinkageCategory.Unknown,
            };
            long? count = p[3] == "-" ? null : long.Parse(p[3], CultureInfo.InvariantCulture);
            var flag = p.Length > 4 ? p[4] : string.Empty;
            var region = map.RegionOf(state, area) ?? throw new InvalidOperationException($"no region for {state}");
            var row = _row++;
            list.Add(new Observation(state, area, region, ParsePeriod(p[1]), measure, linkage, count, flag,
                new SourceRef("test.csv", row, "count", 0, 0, LineSet.Of(row))));
        }

        return list;
    }

    /// <summary>Parses <c>2019</c>, <c>2019-Q2</c> or <c>2019-07</c>.</summary>
    public static Period ParsePeriod(string text)
    {
        var year = int.Parse(text[..4], CultureInfo.InvariantCulture);
        if (text.Length == 4)
        {
            return Period.OfYear(year);
        }

        return text[5] == 'Q'
            ? new Period(year, PeriodKind.Quarter, text[6] - '0')
            : new Period(year, PeriodKind.Month, int.Parse(text[5..], CultureInfo.InvariantCulture));
    }

    /// <summary>The one region-year of the result; fails the test otherwise.</summary>
    public static RegionYear Region(AggregateResult result, string region, int year, Measure measure = Measure.Children)
    {
        var found = result.Regions.Where(r => r.Region == region && r.Year == year && r.Measure == measure).ToList();
        Assert.HasCount(1, found, $"{region} {year}");
        return found[0];
    }

    /// <summary>The figures as "internal international not_trafficked unknown total", with flags after a value (e.g. <c>3p</c>) and <c>-</c> for none.</summary>
    public static string Show(LinkageFigures f) =>
        string.Join(' ', f.Categories.Append(f.Total).Select(x => (x.Value?.ToString(CultureInfo.InvariantCulture) ?? "-") + x.Flags));
}
