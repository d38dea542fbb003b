using System.Globalization;

namespace Linkage.Tests.Analyse;

/// <summary>The pyMannKendall test series (mmhs013/pyMannKendall, tests/test_pymannkendall.py), missing values dropped.</summary>
internal static class MannKendallSeries
{
    /// <summary>The points (t, value) of Data/mann-kendall-series.csv that have a value, in file order.</summary>
    public static (double[] T, double[] Values) Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Analyse", "Data", "mann-kendall-series.csv");
        var lines = File.ReadAllLines(path);
        Assert.AreEqual("t,value", lines[0]);
        var t = new List<double>();
        var values = new List<double>();
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var fields = line.Split(',');
            if (fields[1].Length > 0)
            {
                t.Add(double.Parse(fields[0], NumberStyles.Float, CultureInfo.InvariantCulture));
                values.Add(double.Parse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture));
            }
        }

        return (t.ToArray(), values.ToArray());
    }
}
