using System.Globalization;

using Linkage.Analyse;
using Linkage.Tests.TestSupport;

namespace Linkage.Tests.Analyse;

[TestClass]
public sealed class AnalyseCultureTests
{
    // de-DE writes 0,5 for 0.5 and tr-TR has the dotless-i casing rules: neither may change a result or its text.
    [TestMethod]
    [DataRow("de-DE")]
    [DataRow("tr-TR")]
    public void Analyse_results_and_their_text_do_not_depend_on_the_current_culture(string culture)
    {
        string[] expected;
        using (new CultureScope(string.Empty))
        {
            expected = Compute();
        }

        string[] actual;
        using (new CultureScope(culture))
        {
            actual = Compute();
        }

        CollectionAssert.AreEqual(expected, actual, culture);
        Assert.StartsWith("Interval { Low = 0.0623863995", actual[0], culture);
        Assert.StartsWith("MannKendallResult { S = 12, VarianceS = 27.333333333333332, Z = ", actual[1], culture);
        Assert.Contains(", N = 5 }", actual[3], culture);
    }

    /// <summary>Each function's result as invariant text (R-format doubles, so any change in a bit shows).</summary>
    private static string[] Compute() =>
    [
        Wilson.Interval95(15, 148).ToString(),
        MannKendall.Test([3.5, 1.25, 4.0, 4.0, 5.5, 9.75]).ToString(),
        SenSlope.Estimate([0.5, 1.5, 4.0], [1.25, 3.5, 2.0]).ToString("R", CultureInfo.InvariantCulture),
        TrendModel.Apc([2010, 2011, 2013, 2014, 2015], [10.5, 14, 19, 25, 27])!.ToString(),
        PoissonGlm.Fit(new double[,] { { 1, 0 }, { 1, 1 }, { 1, 2 } }, [2.5, 4, 9])!.ToString(),
    ];
}
