using System.Globalization;

using Linkage.Analyse;
using Linkage.Problems;
using Linkage.Read;
using Linkage.Reconcile;

namespace Linkage.Cli.Commands;

/// <summary>What <c>linkage run</c> prints: the data errors before writing, and the row accounting, warnings and closing line after.</summary>
internal static class RunSummary
{
    /// <summary>The data errors, logged before writing so that an output failure (exit 4) cannot hide them.</summary>
    public static void ReportErrors(RunLog log, PipelineResult result)
    {
        foreach (var f in result.Files)
        {
            foreach (var p in f.FileProblems.Where(p => p.Severity != Severity.Warning))
            {
                log.Error("file.problem", p.Message, p.File, p.Row, p.Code);
            }
        }

        foreach (var p in result.Conflicts.Where(p => p.Severity == Severity.Fatal).Take(20))
        {
            log.Error("conflict", p.Message, p.File, p.Row, p.Code);
        }

        if (result.Observations.Count == 0 && !result.HasPersonalData)
        {
            log.Report("data.none", RunProblems.NoUsableData());
        }
    }

    /// <summary>Row accounting, warnings and the closing summary of a run whose outputs were written.</summary>
    public static void Report(RunLog log, PipelineResult result, StatisticsResult? stats, ResolvedInputs resolved, int exit, string target)
    {
        var inv = CultureInfo.InvariantCulture;
        foreach (var f in result.Files)
        {
            log.Info(
                "file.read",
                string.Create(inv, $"{f.File}: read {f.RowsRead}, accepted {f.RowsAccepted}, set aside {f.RowsSetAside}, rejected {f.RowsRejected}"),
                f.File,
                new Dictionary<string, long> { ["rows_read"] = f.RowsRead, ["rows_accepted"] = f.RowsAccepted, ["rows_set_aside"] = f.RowsSetAside, ["rows_rejected"] = f.RowsRejected });
            foreach (var g in f.SetAside.GroupBy(e => e.Reason, StringComparer.Ordinal))
            {
                log.Trace("rows.set_aside", string.Create(inv, $"{g.Sum(e => e.Rows)} row(s) set aside: {g.Key}."), f.File, g.Key, new Dictionary<string, long> { ["rows"] = g.Sum(e => e.Rows) });
            }

            var byCode = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var r in f.Rejects)
            {
                byCode[r.Code] = byCode.GetValueOrDefault(r.Code) + 1;
            }

            foreach (var (code, n) in byCode.OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                log.Trace("rows.rejected", string.Create(inv, $"{n} row(s) rejected: {code}."), f.File, code, new Dictionary<string, long> { ["rows"] = n });
            }

            // In text mode one line says why rows were rejected, by problem code; each row is in internal/rejects.csv.
            if (byCode.Count > 0 && log.Format == LogFormat.Text)
            {
                var why = string.Join(", ", byCode.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => string.Create(inv, $"{kv.Value} {kv.Key}")));
                log.Info("file.rejected", $"  problems: {why} (each row in internal/rejects.csv)", f.File);
            }
        }

        foreach (var w in result.Warnings)
        {
            log.Warning("data.warning", w.Message, w.File, w.Row, w.Code);
        }

        foreach (var w in resolved.ConfigWarnings)
        {
            log.Report("config.warning", RunProblems.ConfigNoEffect(w));
        }

        foreach (var s in resolved.Skipped.Where(s => s.IsWarning))
        {
            log.Report("input.skipped", RunProblems.InputSkipped(s.Name, s.Reason), s.Name);
        }

        foreach (var note in stats?.Notes ?? [])
        {
            log.Report("statistics.note", RunProblems.StatisticsNote(note));
        }

        var counts = new Dictionary<string, long>
        {
            ["exit_code"] = exit,
            ["files"] = result.Files.Count,
            ["rows_read"] = result.Files.Sum(f => f.RowsRead),
            ["rows_accepted"] = result.Files.Sum(f => f.RowsAccepted),
            ["rows_set_aside"] = result.Files.Sum(f => f.RowsSetAside),
            ["rows_rejected"] = result.Files.Sum(f => f.RowsRejected),
            ["observations"] = result.Observations.Count,
        };
        if (stats is { MayPublish: true })
        {
            counts["primary_suppressed"] = stats.Protection.PrimaryCount;
            counts["secondary_suppressed"] = stats.Protection.SecondaryCount;
        }

        log.Info(
            "run.finished",
            result.HasPersonalData
                ? string.Create(inv, $"Nothing published: an input has personal-data columns; the manifest and internal/rejects.csv in {target} say which; exit code {exit}.")
                : string.Create(inv, $"{result.Observations.Count} observations written to {Path.Combine(target, "internal")}{Published(stats, target)}; exit code {exit}."),
            counts: counts);
    }

    private static string Published(StatisticsResult? stats, string target) => stats is { MayPublish: true }
        ? string.Create(
            CultureInfo.InvariantCulture,
            $", regional tables to {Path.Combine(target, "publish")} (k = {stats.Protection.MinCell}: {stats.Protection.PrimaryCount} small counts suppressed, {stats.Protection.SecondaryCount} more to protect them)")
        : string.Empty;
}
