using System.Globalization;

using SkiaSharp;

namespace Linkage.Cli.Tests.Browser;

/// <summary>
/// <c>publish/report.html</c> as a reader sees it: the real binary writes it from the sample data, headless Chromium
/// opens it from disk, and the test checks that every chart loaded, nothing went wrong and the layout holds.
/// Skipped when Chromium is missing (CI installs Debian's <c>chromium</c> and requires it).
/// </summary>
[TestClass]
public sealed class ReportInBrowserTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    // A desktop window, and a narrow one (half a laptop screen), where the 17 year columns used to widen the page.
    private static readonly int[] WindowWidths = [1280, 800];

    public TestContext TestContext { get; set; } = null!;

    // English, and Russian: Cyrillic text and the longest headers of the six languages, which widen the tables most.
    [TestMethod]
    [DataRow("en")]
    [DataRow("ru")]
    public async Task Report_html_opens_in_Chromium_with_every_chart_loaded_no_error_and_no_sideways_scroll(string lang)
    {
        var chromium = HeadlessChromium.RequireExecutable();
        using var tmp = new TempDir();
        var run = Cli.RunProcess(tmp.Path, "run", Cli.SampleData, "--out", "out", "--as-of", "2026-11-28", "--lang", lang);
        Assert.AreEqual(0, run.ExitCode, run.Error);
        var report = tmp.File("out/publish/report.html");
        var charts = Directory.GetFiles(tmp.File("out/publish/charts"), "*.png")
            .Where(f => !f.EndsWith("-full.png", StringComparison.Ordinal))
            .Select(PngSize)
            .ToList();
        Assert.AreEqual(8, charts.Count, "four charts for each of the two measures");

        var page = await HeadlessChromium.OpenAsync(chromium, report, WindowWidths, Timeout);

        var shot = SaveScreenshot(page.Screenshot, $"report-{lang}-1280.png");
        Log(page);
        Assert.HasCount(charts.Count, page.Images, "one <img> per chart of the report");
        foreach (var (image, i) in page.Images.Select((image, i) => (image, i)))
        {
            Assert.IsTrue(image.Complete && image.Decoded && image.NaturalWidth > 0, $"image {i + 1} did not load: {image}");
        }

        CollectionAssert.AreEquivalent(
            charts, page.Images.Select(im => (im.NaturalWidth, im.NaturalHeight)).ToList(),
            "the browser decoded each embedded chart at the size of its PNG in publish/charts");
        Assert.IsEmpty(page.ConsoleErrors, string.Join("\n", page.ConsoleErrors));
        Assert.IsEmpty(page.PageErrors, string.Join("\n", page.PageErrors));
        Assert.IsEmpty(page.FailedRequests, string.Join("\n", page.FailedRequests));
        foreach (var width in page.Widths)
        {
            Assert.IsLessThanOrEqualTo(width.InnerWidth, width.ScrollWidth, $"the page scrolls sideways in a {width.WindowWidth} px window: {width}");
        }

        AssertRealScreenshot(page, shot);
    }

    [TestMethod]
    public async Task The_browser_check_catches_a_broken_image_a_console_error_a_script_error_a_missing_file_and_overflow()
    {
        // The same check on a page that has each fault, so a passing report test means the faults are absent,
        // not that the check cannot see them.
        var chromium = HeadlessChromium.RequireExecutable();
        using var tmp = new TempDir();
        var page = tmp.Write("faults.html", """
            <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>faults</title></head><body>
            <img alt="not a PNG" src="data:image/png;base64,AAAA">
            <img alt="not there" src="missing-chart.png">
            <div style="width: 3000px">wider than any window</div>
            <script>console.error("drawn wrong"); throw new Error("thrown on load");</script>
            </body></html>
            """);

        var seen = await HeadlessChromium.OpenAsync(chromium, page, WindowWidths, Timeout);

        Log(seen);
        Assert.HasCount(2, seen.Images);
        Assert.IsTrue(seen.Images.All(im => !im.Decoded && im.NaturalWidth == 0), string.Join(", ", seen.Images));
        Assert.IsTrue(seen.ConsoleErrors.Any(e => e.Contains("drawn wrong", StringComparison.Ordinal)), string.Join("\n", seen.ConsoleErrors));
        Assert.IsTrue(seen.PageErrors.Any(e => e.Contains("thrown on load", StringComparison.Ordinal)), string.Join("\n", seen.PageErrors));
        Assert.IsTrue(seen.FailedRequests.Any(e => e.Contains("missing-chart.png", StringComparison.Ordinal)), string.Join("\n", seen.FailedRequests));
        Assert.IsTrue(seen.Widths.All(w => w.ScrollWidth > w.InnerWidth), string.Join(", ", seen.Widths));
    }

    private static (int Width, int Height) PngSize(string path)
    {
        using var codec = SKCodec.Create(path);
        return (codec.Info.Width, codec.Info.Height);
    }

    /// <summary>The screenshot is a PNG of the whole page at 1280 px, and every band of it shows something.</summary>
    private static void AssertRealScreenshot(PageCheck page, string path)
    {
        Assert.IsTrue(page.Screenshot.AsSpan().StartsWith((byte[])[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]), "PNG signature");
        Assert.IsGreaterThan(100_000, page.Screenshot.Length, $"{path} is too small for a report with eight charts");
        using var decoded = SKBitmap.Decode(page.Screenshot);
        Assert.IsNotNull(decoded, $"{path} does not decode");
        using var bitmap = decoded.Copy(SKColorType.Rgba8888);
        Assert.AreEqual(WindowWidths[0], bitmap.Width);
        Assert.AreEqual(page.DocumentHeight, bitmap.Height, "the screenshot covers the whole page");
        Assert.IsGreaterThan(3000, bitmap.Height, "the report runs over several screens");

        // Cut into bands a screen high: each must have ink (a blank or cut-off tail of the page fails), and the
        // whole must vary like text and charts do, not like one flat colour. Every second pixel of every second row.
        const int Band = 800;
        var pixels = bitmap.GetPixelSpan();
        double sum = 0, sumSquares = 0;
        long count = 0;
        for (var top = 0; top < bitmap.Height; top += Band)
        {
            var ink = 0;
            for (var y = top; y < Math.Min(top + Band, bitmap.Height); y += 2)
            {
                var row = pixels.Slice(y * bitmap.RowBytes, bitmap.Width * 4);
                for (var x = 0; x < row.Length; x += 8)
                {
                    var luma = (0.299 * row[x]) + (0.587 * row[x + 1]) + (0.114 * row[x + 2]);
                    sum += luma;
                    sumSquares += luma * luma;
                    count++;
                    if (luma < 200)
                    {
                        ink++;
                    }
                }
            }

            Assert.IsGreaterThan(100, ink, string.Create(CultureInfo.InvariantCulture, $"{path}: rows {top}–{top + Band} are blank"));
        }

        var mean = sum / count;
        var deviation = Math.Sqrt((sumSquares / count) - (mean * mean));
        Assert.IsGreaterThan(15.0, deviation, string.Create(CultureInfo.InvariantCulture, $"{path}: brightness varies by only {deviation:0.0}"));
    }

    /// <summary>Keeps the screenshot as a result file: the test host copies it into the results folder (TestResults/ in CI).</summary>
    private string SaveScreenshot(byte[] png, string name)
    {
        var path = Path.Combine(TestContext.TestTempDirectory ?? Path.GetTempPath(), name);
        File.WriteAllBytes(path, png);
        TestContext.AddResultFile(path);
        TestContext.WriteLine($"screenshot: {path} ({png.Length} bytes)");
        return path;
    }

    private void Log(PageCheck page)
    {
        TestContext.WriteLine($"images: {string.Join(", ", page.Images)}");
        TestContext.WriteLine($"widths: {string.Join(", ", page.Widths)}");
        foreach (var line in page.ConsoleErrors.Concat(page.ConsoleOther).Concat(page.PageErrors).Concat(page.FailedRequests))
        {
            TestContext.WriteLine(line);
        }
    }
}
