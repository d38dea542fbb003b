using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

using Linkage.Analyse;
using Linkage.Normalise;
using Linkage.Output;
using Linkage.Pipeline;
using Linkage.Problems;
using Linkage.Read;
using Linkage.Reconcile;

namespace Linkage.Cli.Tests.Fuzz;

/// <summary>What one input did in-process: the exit code <c>linkage run</c> would give, and every invariant it broke.</summary>
/// <param name="ExitCode">The exit code, computed as <c>RunCommand</c> does.</param>
/// <param name="Violations">Broken invariants, one sentence each; empty when the case passed.</param>
/// <param name="Files">The file reports (null when the pipeline threw).</param>
internal sealed record FuzzOutcome(int ExitCode, IReadOnlyList<string> Violations, IReadOnlyList<FileReport>? Files);

/// <summary>
/// Runs one input through the library stages — read → recognise → normalise → reconcile, then aggregate → protect →
/// analyse and the CSV writers into memory — or through the whole CLI, and checks the invariants of the brief:
/// no exception, exit code in {0, 1, 3}, rows_read = rows_accepted + rows_rejected with every row in exactly one place,
/// and nothing that looks like a stack trace.
/// </summary>
internal static partial class FuzzHarness
{
    /// <summary>The date the CLI runs are as of; the in-process runs use the same latest year.</summary>
    public const string AsOf = "2026-11-28";

    private static readonly int[] AllowedExitCodes = [ExitCodes.Success, ExitCodes.FinishedWithProblems, ExitCodes.DataError];

    /// <summary>The built-in dictionaries with years up to 2027, as <c>--as-of 2026-11-28</c> gives.</summary>
    public static NormaliseContext Context { get; } = NormaliseContext.Default(2027);

    /// <summary>Runs the file in-process through every stage but render and report.</summary>
    public static FuzzOutcome RunInProcess(string path, string name)
    {
        var maxLine = LineBound(path);
        var violations = new List<string>();
        PipelineResult result;
        StatisticsResult? stats = null;
        var exit = -1;
        try
        {
            // The same stages and exit code as linkage run (no folder input, so nothing is skipped).
            var outcome = RunStages.Run([new InputFile(path, name)], Context, new PipelineOptions(), StatisticsOptions.Default);
            (result, stats, exit) = (outcome.Result, outcome.Statistics, outcome.ExitCode);
            using var sink = new MemoryStream();
            if (!result.HasPersonalData)
            {
                CsvTables.WriteObservations(sink, result.Observations);
            }

            CsvTables.WriteRejects(sink, result.Files);
            if (outcome.Publishes)
            {
                PublishCsv.WriteRegionalTrends(sink, outcome.Statistics.Regional);
                PublishCsv.WriteTrendSummary(sink, outcome.Statistics.Trends);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            violations.Add($"unhandled {ex.GetType().Name}: {ex.Message} at {FirstFrame(ex)}");
            return new FuzzOutcome(exit, violations, null);
        }

        if (!AllowedExitCodes.Contains(exit))
        {
            violations.Add(string.Create(CultureInfo.InvariantCulture, $"exit code {exit} is not 0, 1 or 3"));
        }

        foreach (var file in result.Files)
        {
            CheckFile(file, result, maxLine, violations);
        }

        CheckObservations(result, violations);

        var messages = result.Files.SelectMany(f => f.FileProblems.Concat(f.Rejects)).Concat(result.Conflicts).Select(p => p.Message)
            .Concat(stats?.Notes ?? []).Concat(stats?.Breaches.Select(b => b.Message) ?? []);
        foreach (var message in messages.Where(LooksLikeStackTrace).Take(3))
        {
            violations.Add("a message looks like a stack trace: " + Shorten(message));
        }

        // Messages go to stderr as one plain sentence each: a line break (say, from a quoted cell) would split one.
        foreach (var message in messages.Where(m => m.Contains('\n', StringComparison.Ordinal) || m.Contains('\r', StringComparison.Ordinal)).Take(3))
        {
            violations.Add("a message spans more than one line: " + Shorten(message));
        }

        return new FuzzOutcome(exit, violations, result.Files);
    }

    /// <summary>
    /// Runs the file through the whole CLI (<c>linkage run FILE --out DIR --as-of 2026-11-28</c>, render and report
    /// included) and checks the exit code, stderr and the manifest's row accounting; <paramref name="expectedExit"/>
    /// is the exit code of the in-process run of the same file, which the CLI must give too.
    /// </summary>
    public static List<string> RunCli(string path, string outDir, int? expectedExit)
    {
        var violations = new List<string>();
        CliResult run;
        try
        {
            run = Cli.Run("run", path, "--out", outDir, "--as-of", AsOf);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            violations.Add($"linkage run threw {ex.GetType().Name}: {ex.Message} at {FirstFrame(ex)}");
            return violations;
        }

        if (!AllowedExitCodes.Contains(run.ExitCode))
        {
            violations.Add(string.Create(CultureInfo.InvariantCulture, $"linkage run exited {run.ExitCode}, not 0, 1 or 3: {Shorten(run.Error)}"));
        }

        if (expectedExit is { } expected && expected != run.ExitCode)
        {
            violations.Add(string.Create(CultureInfo.InvariantCulture, $"linkage run exited {run.ExitCode} but the library stages give {expected}"));
        }

        if (LooksLikeStackTrace(run.Error) || LooksLikeStackTrace(run.Out))
        {
            violations.Add("linkage run printed a stack trace: " + Shorten(run.Error));
        }

        if (run.Error.Contains("internal error", StringComparison.OrdinalIgnoreCase))
        {
            violations.Add("linkage run met an internal error: " + Shorten(run.Error));
        }

        var manifest = Path.Combine(outDir, "manifest.json");
        if (!File.Exists(manifest))
        {
            violations.Add("linkage run wrote no manifest.json");
            return violations;
        }

        using var doc = JsonDocument.Parse(File.ReadAllText(manifest));
        foreach (var input in doc.RootElement.GetProperty("inputs").EnumerateArray())
        {
            var (read, accepted, rejected) = (input.GetProperty("rows_read").GetInt64(), input.GetProperty("rows_accepted").GetInt64(), input.GetProperty("rows_rejected").GetInt64());
            var setAside = input.GetProperty("rows_set_aside").GetInt64();
            if (read != accepted + setAside + rejected || accepted < 0 || rejected < 0 || setAside < 0)
            {
                violations.Add(string.Create(CultureInfo.InvariantCulture, $"manifest: rows_read {read} != rows_accepted {accepted} + rows_set_aside {setAside} + rows_rejected {rejected}"));
            }
        }

        if (doc.RootElement.GetProperty("exit_code").GetInt32() != run.ExitCode)
        {
            violations.Add("manifest exit_code differs from the process exit code");
        }

        return violations;
    }

    /// <summary>
    /// "Nothing lost" for one file: rows_read = rows_accepted + rows_rejected, both non-negative; each rejected row is
    /// named by a reject; no row is both in an observation and rejected; and every accepted row is in an observation.
    /// </summary>
    private static void CheckFile(FileReport file, PipelineResult result, long maxLine, List<string> violations)
    {
        var inv = CultureInfo.InvariantCulture;

        // Line numbers of a workbook are worksheet rows: the byte bound holds for text files only.
        maxLine = file.Info?.Format == "csv" ? maxLine : int.MaxValue;
        if (file.FileProblems.FirstOrDefault(p => p.Code == "internal-error") is { } internalError)
        {
            violations.Add("the pipeline caught an exception (internal-error): " + Shorten(internalError.Message));
        }

        if (file.RowsRead != file.RowsAccepted + file.RowsSetAside + file.RowsRejected || file.RowsRejected < 0 || file.RowsAccepted < 0 || file.SetAsideLines.Count != file.RowsSetAside)
        {
            violations.Add(string.Create(inv, $"{file.File}: rows_read {file.RowsRead} != rows_accepted {file.RowsAccepted} + rows_set_aside {file.RowsSetAside} + rows_rejected {file.RowsRejected}"));
        }

        var rejected = file.Rejects.Where(p => p.Row is not null).Select(p => p.Row!.Value).ToHashSet();
        if (rejected.Count != file.RowsRejected)
        {
            violations.Add(string.Create(inv, $"{file.File}: {file.RowsRejected} rows rejected but rejects name {rejected.Count} rows"));
        }

        var accepted = result.Observations.Where(o => o.Source.File == file.File).SelectMany(o => o.Source.Lines.Lines()).ToHashSet();
        var both = accepted.Intersect(rejected).Concat(file.SetAsideLines.Where(l => accepted.Contains(l) || rejected.Contains(l))).Take(5).ToList();
        if (both.Count > 0)
        {
            violations.Add($"{file.File}: rows both accepted and rejected: {string.Join(",", both)}");
        }

        if (accepted.Count != file.RowsAccepted)
        {
            violations.Add(string.Create(inv, $"{file.File}: {file.RowsAccepted} rows accepted but observations come from {accepted.Count} rows (a row lost or counted twice)"));
        }

        var headerLine = file.Info?.HeaderLine ?? 0;
        var outside = accepted.Concat(rejected).Where(l => l <= headerLine || l > maxLine).Take(5).ToList();
        if (outside.Count > 0)
        {
            violations.Add(string.Create(inv, $"{file.File}: rows outside the data lines {headerLine + 1}-{maxLine} are counted: {string.Join(",", outside)}"));
        }

        if (file.RowsRead > maxLine)
        {
            violations.Add(string.Create(inv, $"{file.File}: {file.RowsRead} rows read from a file of at most {maxLine} lines"));
        }

        // Bad input gets a sentence that names the file and the row.
        foreach (var reject in file.Rejects.Where(p => p.Row is { } row && !p.Message.Contains(string.Create(inv, $"'{file.File}', row {row}"), StringComparison.Ordinal)).Take(3))
        {
            violations.Add($"{file.File}: the reject '{reject.Code}' does not name the file and row: {Shorten(reject.Message)}");
        }
    }

    /// <summary>What the pipeline accepted is canonical: an OSCE State code, a year in range, a count ≥ 0, known flags.</summary>
    private static void CheckObservations(PipelineResult result, List<string> violations)
    {
        foreach (var o in result.Observations.Where(o => o.State.Length != 3 || !o.State.All(char.IsAsciiLetterUpper)
            || o.Period.Year is < 1990 or > 2027 || o.Count < 0 || o.Flag.Any(f => !"epbcm".Contains(f, StringComparison.Ordinal))
            || (o.Count is null && o.Flag.IndexOfAny(['m', 'c']) < 0)).Take(3))
        {
            violations.Add(string.Create(CultureInfo.InvariantCulture, $"a non-canonical observation was accepted: {o.State} {o.Period} count {o.Count} flag '{o.Flag}' from row {o.Source.Row}"));
        }
    }

    /// <summary>An upper bound of the number of lines in the file: every 0x0A and 0x0D byte may end one.</summary>
    private static long LineBound(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return 1 + bytes.LongCount(b => b is 0x0A or 0x0D);
    }

    /// <summary>True when the text has a line like <c>   at Namespace.Type.Method(...)</c>.</summary>
    public static bool LooksLikeStackTrace(string text) => StackFrame().IsMatch(text);

    private static string FirstFrame(Exception ex) =>
        ex.StackTrace?.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "(no stack)";

    private static string Shorten(string text)
    {
        var oneLine = text.Replace('\r', ' ').Replace('\n', ' ');
        return oneLine.Length <= 300 ? oneLine : oneLine[..300] + "…";
    }

    [GeneratedRegex(@"^\s+at \S+", RegexOptions.Multiline)]
    private static partial Regex StackFrame();
}
