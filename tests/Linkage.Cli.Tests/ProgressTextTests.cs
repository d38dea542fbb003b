using Linkage.Pipeline;

namespace Linkage.Cli.Tests;

/// <summary>The progress line's text: rows, rows/s, percent and ETA, whatever the culture, within the line.</summary>
[TestClass]
public sealed class ProgressTextTests
{
    // 12,100,000 rows in 10 s is 1.21M rows/s; 40 % of the bytes in 10 s leaves 60 % for 15 s.
    private static readonly ReadProgress Halfway = new(1, 3, "records.csv", 12_100_000, 40_000_000, 100_000_000);

    [TestMethod]
    public void ProgressText_shows_rows_rows_per_second_percent_and_eta()
    {
        Assert.AreEqual(
            "reading 1/3: records.csv  12,100,000 rows  1.21M rows/s  40%  ETA 0:15",
            ProgressText.Reading(Halfway, TimeSpan.FromSeconds(10)));
    }

    [TestMethod]
    [DataRow("de-DE")]
    [DataRow("tr-TR")]
    [DataRow("ru-RU")]
    public void ProgressText_is_the_same_in_every_culture(string culture)
    {
        var text = Cli.WithCulture(culture, () => ProgressText.Reading(Halfway, TimeSpan.FromSeconds(10)));

        Assert.AreEqual("reading 1/3: records.csv  12,100,000 rows  1.21M rows/s  40%  ETA 0:15", text);
    }

    [TestMethod]
    [DataRow(0.0, "0")]
    [DataRow(850.4, "850")]
    [DataRow(999.6, "1.00k")]
    [DataRow(9_996.0, "10.0k")]
    [DataRow(12_345.0, "12.3k")]
    [DataRow(999_499.0, "999k")]
    [DataRow(999_500.0, "1.00M")]
    [DataRow(1_210_000.0, "1.21M")]
    [DataRow(45_600_000.0, "45.6M")]
    public void ProgressText_rate_has_three_significant_digits_and_a_unit(double perSecond, string expected)
    {
        Assert.AreEqual(expected, ProgressText.Rate(perSecond));
    }

    [TestMethod]
    [DataRow(0.0, "0:00")]
    [DataRow(0.2, "0:01")]
    [DataRow(59.0, "0:59")]
    [DataRow(61.5, "1:02")]
    [DataRow(3_725.0, "1:02:05")]
    public void ProgressText_eta_is_minutes_and_seconds_rounded_up(double seconds, string expected)
    {
        Assert.AreEqual(expected, ProgressText.Duration(TimeSpan.FromSeconds(seconds)));
    }

    [TestMethod]
    public void ProgressText_leaves_out_what_cannot_be_known_yet()
    {
        var xlsx = new ReadProgress(2, 2, "book.xlsx", 65_536, 0, 0);

        Assert.AreEqual("reading 2/2: book.xlsx  65,536 rows  32.8k rows/s", ProgressText.Reading(xlsx, TimeSpan.FromSeconds(2)));
        Assert.AreEqual("reading 1/3: records.csv  12,100,000 rows  40%", ProgressText.Reading(Halfway, TimeSpan.Zero));
        Assert.AreEqual("reading 1/3: records.csv", ProgressText.Started(1, 3, "records.csv"));
    }

    [TestMethod]
    public void ProgressText_shortens_a_long_file_name_from_the_left_so_the_figures_fit_the_line()
    {
        var name = "/srv/drop/" + new string('x', 80) + "/records-austria.csv";

        var text = ProgressText.Reading(Halfway with { File = name }, TimeSpan.FromSeconds(10));

        Assert.AreEqual(ProgressText.Width, text.Length);
        StringAssert.StartsWith(text, "reading 1/3: …");
        StringAssert.EndsWith(text, "-austria.csv  12,100,000 rows  1.21M rows/s  40%  ETA 0:15");
        Assert.IsLessThanOrEqualTo(ProgressText.Width, ProgressText.Started(1, 3, name).Length);
    }
}
