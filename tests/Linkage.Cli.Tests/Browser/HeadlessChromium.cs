using System.Diagnostics;

using PuppeteerSharp;

namespace Linkage.Cli.Tests.Browser;

/// <summary>One image of a page as the browser loaded it.</summary>
internal sealed record PageImage(bool Complete, bool Decoded, int NaturalWidth, int NaturalHeight);

/// <summary>The document's width against the window's, at one window width.</summary>
internal sealed record PageWidth(int WindowWidth, int ScrollWidth, int InnerWidth);

/// <summary>What headless Chromium saw when it opened a page: images, messages, failed requests, widths and a screenshot.</summary>
internal sealed record PageCheck(
    IReadOnlyList<PageImage> Images,
    IReadOnlyList<string> ConsoleErrors,
    IReadOnlyList<string> ConsoleOther,
    IReadOnlyList<string> PageErrors,
    IReadOnlyList<string> FailedRequests,
    IReadOnlyList<PageWidth> Widths,
    int DocumentHeight,
    byte[] Screenshot);

/// <summary>
/// Opens a local HTML file in Debian's Chromium (no browser download: PuppeteerSharp starts the given executable
/// over a pipe, so no port is opened either) and reports what a reader's browser would show.
/// </summary>
internal static class HeadlessChromium
{
    /// <summary>The environment variable that names another Chromium executable.</summary>
    public const string PathVariable = "CHROMIUM_PATH";

    /// <summary>Set to <c>1</c> (CI does) to fail instead of skipping when Chromium is missing.</summary>
    public const string RequiredVariable = "LINKAGE_REQUIRE_CHROMIUM";

    private const string DefaultPath = "/usr/bin/chromium";

    // As root Chromium runs only without its sandbox; the rest keeps it from calling out on a closed network
    // (each refused connection costs time and log noise). The page is a local file and runs no script of ours.
    private static readonly string[] Flags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    ];

    /// <summary>The Chromium executable to use: <c>CHROMIUM_PATH</c> if set, else <c>/usr/bin/chromium</c>.</summary>
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } path ? path : DefaultPath;

    /// <summary>
    /// Skips the calling test (inconclusive, counted as skipped) when Chromium is missing, or fails it when
    /// <c>LINKAGE_REQUIRE_CHROMIUM=1</c>, so that CI cannot pass without having run the browser check.
    /// </summary>
    public static string RequireExecutable()
    {
        var path = ExecutablePath;
        if (File.Exists(path))
        {
            return path;
        }

        var message = $"Chromium not found at {path}; install Debian's chromium package (CI does) to run the browser check"
            + $" (or set {PathVariable} to a Chromium executable).";
        if (Environment.GetEnvironmentVariable(RequiredVariable) == "1")
        {
            Assert.Fail(message + $" {RequiredVariable}=1 makes this a failure.");
        }

        Assert.Inconclusive(message);
        return path;
    }

    /// <summary>
    /// Opens <paramref name="htmlFile"/> from a <c>file://</c> URL at each of <paramref name="windowWidths"/> (the
    /// first is used for the full-page screenshot), waits for load, decoding and fonts, and collects everything
    /// the page reported. The browser is killed and its profile folder removed whatever happens.
    /// </summary>
    public static async Task<PageCheck> OpenAsync(string executable, string htmlFile, IReadOnlyList<int> windowWidths, TimeSpan timeout)
    {
        ArgumentOutOfRangeException.ThrowIfZero(windowWidths.Count);
        var profile = Directory.CreateTempSubdirectory("linkage-chromium-");
        IBrowser? browser = null;
        try
        {
            var options = new LaunchOptions
            {
                ExecutablePath = executable,
                Headless = true,
                Pipe = true,
                UserDataDir = profile.FullName,
                Args = Flags,
                Timeout = (int)timeout.TotalMilliseconds,
                ProtocolTimeout = (int)timeout.TotalMilliseconds,
            };
            browser = await Puppeteer.LaunchAsync(options).WaitAsync(timeout);
            return await InspectAsync(browser, new Uri(Path.GetFullPath(htmlFile)).AbsoluteUri, windowWidths, timeout).WaitAsync(timeout);
        }
        finally
        {
            await StopAsync(browser);
            DeleteProfile(profile);
        }
    }

    private static async Task<PageCheck> InspectAsync(IBrowser browser, string url, IReadOnlyList<int> windowWidths, TimeSpan timeout)
    {
        var consoleErrors = new List<string>();
        var consoleOther = new List<string>();
        var pageErrors = new List<string>();
        var failedRequests = new List<string>();
        var gate = new Lock();
        var page = await browser.NewPageAsync();
        page.Console += (_, e) =>
        {
            var text = $"{e.Message.Type}: {e.Message.Text} ({e.Message.Location?.URL})";
            lock (gate)
            {
                (e.Message.Type is ConsoleType.Error or ConsoleType.Assert ? consoleErrors : consoleOther).Add(text);
            }
        };
        page.PageError += (_, e) =>
        {
            lock (gate)
            {
                pageErrors.Add(e.Message);
            }
        };
        page.Error += (_, e) =>
        {
            lock (gate)
            {
                pageErrors.Add("page crashed: " + e.Error);
            }
        };
        page.RequestFailed += (_, e) =>
        {
            lock (gate)
            {
                failedRequests.Add($"{Shorten(e.Request.Url)}: {e.Request.FailureText}");
            }
        };
        page.Response += (_, e) =>
        {
            if (e.Response.Status >= System.Net.HttpStatusCode.BadRequest)
            {
                lock (gate)
                {
                    failedRequests.Add($"{Shorten(e.Response.Url)}: HTTP {(int)e.Response.Status}");
                }
            }
        };

        await page.SetViewportAsync(new ViewPortOptions { Width = windowWidths[0], Height = 800 });
        await page.GoToAsync(url, new NavigationOptions { Timeout = (int)timeout.TotalMilliseconds, WaitUntil = [WaitUntilNavigation.Load] });

        // "complete" is true for a broken image too; decode() settles only once the bytes are a picture.
        var decoded = await page.EvaluateExpressionAsync<bool[]>(
            "Promise.all(Array.from(document.images).map(i => i.decode().then(() => true, () => false)))");
        await page.EvaluateExpressionAsync<bool>("document.fonts.ready.then(() => true)");
        var images = await page.EvaluateExpressionAsync<int[][]>(
            "Array.from(document.images).map(i => [i.complete ? 1 : 0, i.naturalWidth, i.naturalHeight])");

        var widths = new List<PageWidth>();
        var height = 0;
        byte[]? screenshot = null;
        foreach (var width in windowWidths)
        {
            await page.SetViewportAsync(new ViewPortOptions { Width = width, Height = 800 });
            var measured = await page.EvaluateExpressionAsync<int[]>(
                "[document.documentElement.scrollWidth, window.innerWidth, document.documentElement.scrollHeight]");
            widths.Add(new PageWidth(width, measured[0], measured[1]));
            if (screenshot is null)
            {
                height = measured[2];
                screenshot = await page.ScreenshotDataAsync(new ScreenshotOptions { FullPage = true, Type = ScreenshotType.Png });
            }
        }

        lock (gate)
        {
            return new PageCheck(
                [.. images.Select((m, i) => new PageImage(m[0] == 1, i < decoded.Length && decoded[i], m[1], m[2]))],
                [.. consoleErrors], [.. consoleOther], [.. pageErrors], [.. failedRequests], widths, height, screenshot!);
        }
    }

    private static async Task StopAsync(IBrowser? browser)
    {
        if (browser is null)
        {
            return;
        }

        Process? process = browser.Process;
        try
        {
            await browser.CloseAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception e) when (e is TimeoutException or PuppeteerException or IOException or ObjectDisposedException)
        {
            // Killed below.
        }

        try
        {
            if (process is { HasExited: false })
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }

        await browser.DisposeAsync();
    }

    private static void DeleteProfile(DirectoryInfo profile)
    {
        // Chromium's helper processes may still be letting go of files for a moment after the main one exits.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            try
            {
                profile.Refresh();
                if (profile.Exists)
                {
                    profile.Delete(recursive: true);
                }

                return;
            }
            catch (IOException)
            {
                Thread.Sleep(200);
            }
        }
    }

    private static string Shorten(string url) => url.Length <= 120 ? url : url[..120] + "…";
}
