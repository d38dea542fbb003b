using System.Globalization;
using System.Text;

using Linkage.Config;
using Linkage.Model;
using Linkage.Normalise;
using Linkage.Pipeline;
using Linkage.Problems;
using Linkage.Read;
using Linkage.Recognise;
using Linkage.Reconcile;
using Linkage.Tests.TestSupport;

namespace Linkage.Tests.Pipeline;

/// <summary>One file run through read → recognise → normalise by <see cref="PipelineRunner.RunFile"/>.</summary>
/// <param name="Report">The file's report (plan, problems, accounting).</param>
/// <param name="Result">The normaliser's result; null when the file could not be used.</param>
internal sealed record FileRun(FileReport Report, FileResult? Result)
{
    /// <summary>The file's observations (none when it could not be used).</summary>
    public IReadOnlyList<Observation> Observations => Result?.Observations ?? [];

    /// <summary>The detected (or forced) layout.</summary>
    public Layout? Layout => Report.Plan?.Layout;

    /// <summary>The row-level problems with a given code.</summary>
    public List<Problem> RejectsWith(string code) => [.. Report.Rejects.Where(p => p.Code == code)];

    /// <summary>The one observation for a State, period, linkage and measure; fails the test when there is not exactly one.</summary>
    public Observation Get(string state, string period, LinkageCategory linkage, Measure measure = Measure.Children)
    {
        var found = Observations.Where(o => o.State == state && o.Period.ToString() == period && o.Linkage == linkage && o.Measure == measure).ToList();
        Assert.HasCount(1, found, $"observations for {state} {period} {Codes.Of(measure)} {Codes.Of(linkage)}");
        return found[0];
    }
}

/// <summary>
/// Shared steps of the stage tests that need files: write a small submission into a fresh temporary folder, run it
/// through the pipeline with <c>NormaliseContext.Default(2027)</c>, and check the row accounting of design.md "Nothing lost".
/// </summary>
internal static class PipelineTestKit
{
    /// <summary>The latest year the tests accept (as if the run happened in 2026).</summary>
    public const int MaxYear = 2027;

    static PipelineTestKit()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>A Windows code page encoding (the code-page provider is registered first).</summary>
    public static Encoding CodePage(int codePage) => Encoding.GetEncoding(codePage);

    /// <summary>The built-in dictionaries with years up to <see cref="MaxYear"/>.</summary>
    public static NormaliseContext DefaultContext() => NormaliseContext.Default(MaxYear);

    /// <summary>A path under the test data folder copied beside the tests (<c>Data/…</c>).</summary>
    public static string DataPath(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "Data", .. parts]);

    /// <summary>A context built from a user config given as JSON; fails the test when the config has errors.</summary>
    public static NormaliseContext ContextFrom(string json, DateOrder dateOrder = DateOrder.Auto)
    {
        var config = ConfigLoader.Parse(json, "test-config.json", out var error);
        Assert.IsNotNull(config, error);
        var vocabulary = Vocabulary.WithConfig(config, out var vocabularyErrors);
        var geography = Geography.Build(config, out var geographyErrors);
        var regions = RegionMap.From(config, geography, out var regionErrors);
        Assert.IsEmpty(vocabularyErrors.Concat(geographyErrors).Concat(regionErrors).ToList());

        // As the CLI builds it: the config's select, stateFrom, state and source too, and kept for a profile to lie under.
        var context = new NormaliseContext(vocabulary, geography, regions, MaxYear, dateOrder) { Config = config }.With(config, out var contextErrors);
        Assert.IsEmpty(contextErrors);
        return context;
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 without BOM and runs it as one file.</summary>
    public static FileRun RunText(string name, string text, NormaliseContext? context = null, PipelineOptions? options = null) =>
        RunBytes(name, new UTF8Encoding(false).GetBytes(text), context, options);

    /// <summary>Writes <paramref name="text"/> in <paramref name="encoding"/> (with its byte order mark when <paramref name="bom"/>) and runs it.</summary>
    public static FileRun RunEncoded(string name, string text, Encoding encoding, bool bom, NormaliseContext? context = null)
    {
        // Encodings built with "no BOM" (new UTF8Encoding(false)) have an empty preamble: take the code page's own.
        byte[] body = [.. bom ? Encoding.GetEncoding(encoding.CodePage).GetPreamble() : [], .. encoding.GetBytes(text)];
        return RunBytes(name, body, context);
    }

    /// <summary>Runs <paramref name="bytes"/> as a file called <paramref name="name"/>, from memory: nothing is written to disk.</summary>
    public static FileRun RunBytes(string name, byte[] bytes, NormaliseContext? context = null, PipelineOptions? options = null) =>
        RunInput(InputFile.FromBytes(name, bytes), context, options);

    /// <summary>Runs an existing file.</summary>
    public static FileRun RunPath(string path, string name, NormaliseContext? context = null, PipelineOptions? options = null) =>
        RunInput(new InputFile(path, name), context, options);

    /// <summary>Runs one input, from a file or from memory.</summary>
    public static FileRun RunInput(InputFile input, NormaliseContext? context = null, PipelineOptions? options = null)
    {
        var (report, result) = PipelineRunner.RunFile(input, 0, context ?? DefaultContext(), options ?? new PipelineOptions());
        return new FileRun(report, result);
    }

    /// <summary>Runs several texts (UTF-8) together as files, in the order given, from memory.</summary>
    public static PipelineResult RunAll(OnConflict onConflict, params (string Name, string Text)[] files)
    {
        var inputs = files.Select(f => InputFile.FromText(f.Name, f.Text)).ToList();
        return PipelineRunner.Run(inputs, DefaultContext(), new PipelineOptions { OnConflict = onConflict });
    }

    /// <summary>
    /// Checks the accounting of one file: rows read and rejected as expected, rows read = accepted + rejected, every
    /// rejected row named by at least one reject, and no observation drawn from a rejected row.
    /// </summary>
    public static void AssertAccounting(FileRun run, long read, long rejected, long setAside = 0)
    {
        AssertAccounting(run.Report, read, rejected, setAside);
        if (run.Result is { } result)
        {
            Assert.AreEqual(result.RowsRead, run.Report.RowsRead);
            var named = RejectedRows(run.Report).ToHashSet();
            Assert.AreEqual(result.RowsRejected, (long)named.Count, "rows rejected vs rows named by rejects");
            if (run.Report.Plan?.Layout != Layout.Records)
            {
                // Case records are only counted when rejected (memory must not grow with bad rows); aggregate rows keep their lines.
                CollectionAssert.AreEquivalent(result.RejectedLines.ToList(), named.ToList(), "rejected lines vs rows named by rejects");
            }

            var overlap = run.Observations.SelectMany(o => o.Source.Lines.Lines()).Where(named.Contains).Distinct().ToList();
            Assert.IsEmpty(overlap, "a row is both accepted (in an observation) and rejected");
            var asideAndUsed = run.Observations.SelectMany(o => o.Source.Lines.Lines()).Concat(named).Where(result.SetAsideLines.Contains).Distinct().ToList();
            Assert.IsEmpty(asideAndUsed, "a row is both set aside and accepted or rejected");
        }
    }

    /// <summary>Checks that <paramref name="line"/> was set aside for <paramref name="reason"/>, and returns its entry.</summary>
    public static SetAsideEntry AssertSetAside(FileRun run, int line, string reason)
    {
        Assert.Contains(line, run.Report.SetAsideLines, $"row {line} is not set aside");
        var entries = run.Report.SetAside.Where(e => e.Reason == reason && e.FirstRow <= line && line <= e.LastRow).ToList();
        Assert.IsNotEmpty(entries, $"no set-aside entry for {reason} covers row {line}: {string.Join("; ", run.Report.SetAside)}");
        return entries[0];
    }

    /// <summary>Checks a file report's accounting (also for files in a multi-file run).</summary>
    public static void AssertAccounting(FileReport report, long read, long rejected, long setAside = 0)
    {
        Assert.AreEqual(read, report.RowsRead, $"rows read of {report.File}");
        Assert.AreEqual(rejected, report.RowsRejected, $"rows rejected of {report.File}");
        Assert.AreEqual(setAside, report.RowsSetAside, $"rows set aside of {report.File}");
        Assert.AreEqual(read - rejected - setAside, report.RowsAccepted, $"rows accepted of {report.File}");
        Assert.AreEqual(report.RowsSetAside, report.SetAside.Sum(e => e.Rows), "set-aside.csv counts every set-aside row");
        if (report.Plan?.LayoutReason.StartsWith("periods as columns", StringComparison.Ordinal) == true)
        {
            // A row is a cell there: a line holds one per period.
            Assert.IsLessThanOrEqualTo(report.RowsSetAside, (long)report.SetAsideLines.Count, "set-aside lines");
        }
        else
        {
            Assert.AreEqual(report.RowsSetAside, (long)report.SetAsideLines.Count, "each set-aside row is one line");
        }
        Assert.AreEqual(report.RowsRejected, RejectedRows(report).Count, $"every rejected row of {report.File} has a reject naming it: {Describe(report.Rejects)}");
    }

    /// <summary>Checks that every data line of the file is in exactly one place: an observation or a reject.</summary>
    public static void AssertEveryLinePlaced(FileRun run, params int[] dataLines)
    {
        var accepted = run.Observations.SelectMany(o => o.Source.Lines.Lines()).ToHashSet();
        var rejected = RejectedRows(run.Report);
        var aside = run.Report.SetAsideLines;
        foreach (var line in dataLines)
        {
            var places = (accepted.Contains(line) ? 1 : 0) + (rejected.Contains(line) ? 1 : 0) + (aside.Contains(line) ? 1 : 0);
            Assert.AreEqual(1, places, $"line {line}: accepted={accepted.Contains(line)}, set aside={aside.Contains(line)}, rejected={rejected.Contains(line)}");
        }

        Assert.AreEqual(dataLines.Length, accepted.Count + rejected.Count + aside.Count, "lines outside the data rows");
    }

    /// <summary>The observations as sorted one-line texts: <c>STATE[/area] period measure linkage count[ flag]</c>, count <c>_</c> when withheld.</summary>
    public static List<string> Show(IEnumerable<Observation> observations) =>
        [.. observations.Select(Show).Order(StringComparer.Ordinal)];

    /// <summary>One observation as <c>STATE[/area] period measure linkage count[ flag]</c>.</summary>
    public static string Show(Observation o)
    {
        var count = o.Count?.ToString(CultureInfo.InvariantCulture) ?? "_";
        var area = o.Area.Length > 0 ? "/" + o.Area : string.Empty;
        var flag = o.Flag.Length > 0 ? " " + o.Flag : string.Empty;
        return $"{o.State}{area} {o.Period} {Codes.Of(o.Measure)} {Codes.Of(o.Linkage)} {count}{flag}";
    }

    /// <summary>Asserts that the file's observations are exactly <paramref name="expected"/> (in any order).</summary>
    public static void AssertObservations(FileRun run, params string[] expected) => AssertObservations(run.Observations, expected);

    /// <summary>Asserts that the observations are exactly <paramref name="expected"/> (in any order).</summary>
    public static void AssertObservations(IEnumerable<Observation> observations, params string[] expected)
    {
        var actual = Show(observations);
        CollectionAssert.AreEqual(expected.Order(StringComparer.Ordinal).ToList(), actual, "observations were: " + string.Join(" | ", actual));
    }

    /// <summary>Asserts that <paramref name="line"/> was rejected with <paramref name="code"/> and returns that problem.</summary>
    public static Problem AssertRejected(FileRun run, int line, string code) => AssertRejected(run.Report, line, code);

    /// <summary>Asserts that <paramref name="line"/> of a file was rejected with <paramref name="code"/> and returns that problem.</summary>
    public static Problem AssertRejected(FileReport report, int line, string code)
    {
        var found = report.Rejects.Where(p => p.Row == line && p.Code == code).ToList();
        Assert.IsNotEmpty(found, $"no '{code}' reject on line {line} of {report.File}; rejects were: {Describe(report.Rejects)}");
        Assert.Contains($"'{report.File}', row {line.ToString(CultureInfo.InvariantCulture)}", found[0].Message);
        return found[0];
    }

    /// <summary>Runs <paramref name="action"/> under each culture (invariant, en-US, de-DE, tr-TR, ru-RU), restoring the culture afterwards.</summary>
    public static void InEachCulture(Action<string> action)
    {
        foreach (var name in new[] { "", "en-US", "de-DE", "tr-TR", "ru-RU" })
        {
            var culture = CultureInfo.CurrentCulture;
            var uiCulture = CultureInfo.CurrentUICulture;
            try
            {
                CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(name);
                CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
                action(name);
            }
            finally
            {
                CultureInfo.CurrentCulture = culture;
                CultureInfo.CurrentUICulture = uiCulture;
            }
        }
    }

    private static HashSet<int> RejectedRows(FileReport report) =>
        [.. report.Rejects.Where(p => p.Row is not null).Select(p => p.Row!.Value)];

    private static string Describe(IEnumerable<Problem> problems) =>
        string.Join(" | ", problems.Select(p => $"{p.Code}@{p.Row}"));
}
