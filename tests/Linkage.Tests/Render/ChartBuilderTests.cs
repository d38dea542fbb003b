using System.Globalization;

using Linkage.Aggregate;
using Linkage.Analyse;
using Linkage.Model;
using Linkage.Pipeline;
using Linkage.Protect;
using Linkage.Render;
using Linkage.Tests.TestSupport;

using ScottPlot;
using ScottPlot.Plottables;

using static Linkage.Tests.Aggregate.StatsKit;

namespace Linkage.Tests.Render;

[TestClass]
public sealed class ChartBuilderTests
{
    private static readonly ChartSize Standard = ChartSize.FromCentimetres(16, 9);

    private static ChartInput InputOf(string lines, DateOnly? asOf = null)
    {
        var stats = StatisticsRunner.Run(Obs(lines), DefaultRegions, StatisticsOptions.Default);
        return new ChartInput(stats.Regional, stats.Trends, StateCompleteness.Build(stats.Aggregate.States, 5), Measure.Children, 5, asOf);
    }

    private static Plot Panel(ChartFigure figure, string title) =>
        figure.Plots.Select(p => p.Plot).Single(p => p.Axes.Title.Label.Text == title);

    private static List<Bar> Bars(Plot plot) => [.. plot.GetPlottables().OfType<BarPlot>().SelectMany(b => b.Bars)];

    private static List<Text> Texts(Plot plot, string label) => [.. plot.GetPlottables().OfType<Text>().Where(t => t.LabelText == label)];

    [TestMethod]
    public void ChartBuilder_names_the_four_charts_after_the_measure()
    {
        CollectionAssert.AreEqual(
            new[] { "linkage-by-region-investigations", "international-share-investigations", "completeness-heatmap-investigations", "trend-apc-investigations" },
            ChartBuilder.Build(RenderKit.Input(Measure.Investigations)).Select(c => c.Name).ToArray());
    }

    [TestMethod]
    public void ChartBuilder_writes_the_source_note_with_the_as_of_date_only_when_one_is_given()
    {
        const string lines = """
            FRA 2019 internal 10
            DEU 2020 internal 12
            """;

        var dated = ChartBuilder.Build(InputOf(lines, new DateOnly(2026, 11, 28)))[0];
        var undated = ChartBuilder.Build(InputOf(lines))[0];

        Assert.AreEqual("Source: paragraph-23 submissions of 2 reporting States. Data as of 2026-11-28. c: suppressed (a count below 5, or to protect one).", dated.SourceNote);
        Assert.AreEqual("Source: paragraph-23 submissions of 2 reporting States. c: suppressed (a count below 5, or to protect one).", undated.SourceNote);
        Assert.AreEqual("Children, 2019–2020", dated.Subtitle);
    }

    [TestMethod]
    public void ChartBuilder_marks_a_withheld_count_with_c_and_draws_no_zero_height_bar_when_a_count_is_suppressed()
    {
        // International 3 is suppressed and internal 40 with it; the total 173 is published, so the two together
        // (43) are drawn as one grey part on top of the published 60 + 70, and the year is marked "c".
        var input = InputOf("""
            FRA 2019 internal 40
            FRA 2019 international 3
            FRA 2019 not_trafficked 60
            FRA 2019 unknown 70
            FRA 2020 internal 50
            FRA 2020 international 20
            FRA 2020 not_trafficked 30
            FRA 2020 unknown 10
            """);
        Assert.IsTrue(input.Regional.Single(r => r.Region == "Western Europe" && r.Year == 2019 && r.Indicator == "international").Withheld);

        var chart = ChartBuilder.Build(input)[0];
        var panel = Panel(chart.Compose(Standard), "Western Europe");

        var marker = Texts(panel, "c").Single();
        Assert.AreEqual(2019, marker.Location.X);
        Assert.AreEqual(173, marker.Location.Y);
        var bars2019 = Bars(panel).Where(b => b.Position == 2019).Select(b => (b.ValueBase, b.Value)).ToList();
        CollectionAssert.AreEqual(new[] { (0.0, 60.0), (60.0, 130.0), (130.0, 173.0) }, bars2019);
        Assert.IsEmpty(Texts(panel, "c").Where(t => t.Location.X == 2020).ToList(), "2020 is published in full");

        var svg = RenderKit.SvgTexts(ChartRenderer.Render(chart)[2].Bytes);
        CollectionAssert.Contains(svg, "c");
    }

    [TestMethod]
    public void ChartBuilder_draws_no_zero_height_bar_and_marks_every_year_with_a_withheld_count_when_drawing_the_sample()
    {
        var input = RenderKit.Input();
        var figure = ChartBuilder.Build(input)[0].Compose(Standard);
        var withheld = input.Regional.Where(r => r.Measure == Measure.Children && r.IsCount && r.Withheld).Select(r => (r.Region, r.Year)).Distinct().ToList();
        Assert.IsNotEmpty(withheld, "the sample has suppressed counts");

        foreach (var plot in figure.Plots.Select(p => p.Plot))
        {
            Assert.IsEmpty(Bars(plot).Where(b => b.Value <= b.ValueBase).ToList(), "zero-height bars");
        }

        foreach (var (region, year) in withheld)
        {
            var title = region == Aggregator.Osce ? "OSCE (own scale)" : region;
            Assert.IsNotEmpty(Texts(Panel(figure, title), "c").Where(t => t.Location.X == year).ToList(), $"{region} {year}");
        }
    }

    [TestMethod]
    public void ChartBuilder_shows_a_withheld_and_an_insufficient_trend_as_labelled_gaps()
    {
        var apc = new AnnualPercentChange(0, 0, 0, 1, 0.4, -0.6, 1.3, 11);
        static TrendRow Row(string region, string panel, AnnualPercentChange? value, string status, bool withheld = false) =>
            new(region, Measure.Children, Series.Total, panel, 2010, 2020, 11, value, null, null, status) { Withheld = withheld };
        var trends = new[]
        {
            Row("Western Europe", "all", apc, ""),
            Row("Western Europe", "consistent", null, "c", withheld: true),
            Row("OSCE", "all", apc, ""),
            Row("OSCE", "consistent", null, "insufficient"),
        };
        var input = new ChartInput([], trends, [], Measure.Children, 5, null);

        var chart = ChartBuilder.Build(input)[3];
        var plot = chart.Compose(Standard).Plots[^1].Plot;

        Assert.HasCount(1, Texts(plot, "c"));
        Assert.HasCount(1, Texts(plot, "n<5"));
        Assert.AreEqual(0, Texts(plot, "c")[0].Location.X, "a gap sits on the zero line, not at a value");
        Assert.HasCount(2, plot.GetPlottables().OfType<ErrorBar>().ToList());
        using (new CultureScope("de-DE"))
        {
            var texts = RenderKit.SvgTexts(ChartRenderer.Render(chart)[2].Bytes);
            Assert.Contains("0.5", texts, "APC ticks with a '.' decimal point: " + string.Join("|", texts));
            Assert.IsFalse(texts.Any(t => t.Contains("0,5", StringComparison.Ordinal)));
            CollectionAssert.Contains(texts, "n<5");
        }
    }

    [TestMethod]
    public void ChartBuilder_labels_years_as_whole_numbers_when_the_panel_is_narrow()
    {
        var figure = ChartBuilder.Build(RenderKit.Input())[1].Compose(Standard);

        foreach (var plot in figure.Plots.Skip(1).Select(p => p.Plot).Where(p => p.Axes.Title.Label.Text.Length > 0))
        {
            plot.RenderInMemory(120, 110); // ticks are generated at render time, for the size drawn
            var ticks = plot.Axes.Bottom.TickGenerator.Ticks.Where(t => t.IsMajor).ToList();
            Assert.IsNotEmpty(ticks);
            foreach (var tick in ticks)
            {
                Assert.AreEqual(Math.Round(tick.Position), tick.Position);
                Assert.AreEqual(((int)tick.Position).ToString(CultureInfo.InvariantCulture), tick.Label);
            }
        }
    }
}
