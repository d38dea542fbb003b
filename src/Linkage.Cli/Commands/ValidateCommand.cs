using System.CommandLine;
using System.Globalization;
using System.Text.Json;

using Linkage.Output;
using Linkage.Pipeline;
using Linkage.Problems;
using Linkage.Read;
using Linkage.Recognise;
using Linkage.Reconcile;

namespace Linkage.Cli.Commands;

/// <summary>
/// <c>linkage validate INPUT... [--json]</c>: reads, recognises, normalises and reconciles the inputs and reports, per
/// file, the layout, encoding, delimiter, each column's role and why, the row accounting and every problem.
/// Writes nothing. Exit codes as for <c>run</c>.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create(CliContext cli)
    {
        var inputs = new InputOptions();
        var json = new Option<bool>("--json") { Description = "Print the report as JSON instead of text." };
        var command = new Command("validate", "Check submissions and explain how they are read; writes nothing.");
        inputs.AddTo(command);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            var resolved = inputs.Resolve(parse, cli.Clock, out var error);
            if (resolved is null)
            {
                return cli.UsageError(error!);
            }

            // Progress on a terminal's stderr, as for run; not with --json, which is for scripts.
            var progress = new RunLog(cli, parse.GetValue(json) ? LogFormat.Json : LogFormat.Text, quiet: false);
            var result = PipelineRunner.Run(resolved.Inputs, resolved.Context, ReadProgressMeter.Attach(resolved.Options, progress, cli.Clock));
            progress.ClearProgress();
            var exit = resolved.ExitCode(result);
            if (parse.GetValue(json))
            {
                WriteJson(cli.Out, resolved, result, exit);
            }
            else
            {
                WriteText(cli.Out, resolved, result, exit);
            }

            return exit;
        });
        return command;
    }

    private static void WriteText(TextWriter w, ResolvedInputs resolved, PipelineResult result, int exit)
    {
        var inv = CultureInfo.InvariantCulture;
        foreach (var f in result.Files)
        {
            w.WriteLine($"file: {f.File}");
            if (f.Info is { } info)
            {
                w.WriteLine($"  format: {info.Format}");
                if (info.Encoding is not null)
                {
                    w.WriteLine($"  encoding: {info.Encoding} ({info.EncodingReason})");
                }

                if (info.Delimiter is { } d)
                {
                    w.WriteLine($"  delimiter: {DelimiterName(d)} ({info.DelimiterReason})");
                }

                if (info.Sheet is not null)
                {
                    w.WriteLine($"  sheet: {info.Sheet}");
                }

                w.WriteLine(info.PreambleRows > 0
                    ? string.Create(inv, $"  header: line {info.HeaderLine} ({info.PreambleRows} non-blank title row(s) above it, not read as data)")
                    : string.Create(inv, $"  header: line {info.HeaderLine}"));
            }

            if (f.Profile is { } profile)
            {
                w.WriteLine($"  profile: {profile.Name} ({profile.Why}; --profile none reads it without)");
            }

            if (f.Plan is { } plan)
            {
                w.WriteLine($"  layout: {(plan.Layout is { } l ? LayoutPlan.NameOf(l) : "not recognised")} ({plan.LayoutReason})");
                w.WriteLine("  columns:");
                foreach (var c in plan.Columns)
                {
                    w.WriteLine(string.Create(inv, $"    {c.Index + 1,3}. {Show(c.Header)} -> {RoleText(c)} ({c.Reason})"));
                    if (c.ValueEvidence is { Length: > 0 } evidence)
                    {
                        w.WriteLine($"         values: {evidence}");
                    }
                }
            }

            w.WriteLine(string.Create(inv, $"  rows: read {f.RowsRead}, accepted {f.RowsAccepted}, set aside {f.RowsSetAside}, rejected {f.RowsRejected}"));
            if (f.SetAside.Count > 0)
            {
                w.WriteLine("  set aside (outside the publication, not errors):");
                foreach (var g in f.SetAside.GroupBy(e => (e.Reason, e.Column)))
                {
                    var values = g.OrderByDescending(e => e.Rows).ToList();
                    var shown = string.Join(", ", values.Take(5).Select(e => string.Create(inv, $"'{e.Value}' {e.Rows}")));
                    var more = values.Count > 5 ? string.Create(inv, $" and {values.Count - 5} other value(s)") : string.Empty;
                    w.WriteLine(string.Create(inv, $"    [{g.Key.Reason}] {g.Sum(e => e.Rows)} row(s) by column {Show(g.Key.Column)}: {shown}{more}"));
                }
            }

            var problemCount = f.FileProblems.Count + f.Rejects.Count;
            if (problemCount > 0)
            {
                // Identical problems (code, column, value) are shown once, with how many rows have them and where.
                w.WriteLine(string.Create(inv, $"  problems ({problemCount}):"));
                foreach (var p in f.FileProblems)
                {
                    w.WriteLine($"    [{p.Code}] {p.Message}");
                }

                var groups = new Dictionary<(string, string?, string?), (Problem First, long Count, List<int?> Rows)>();
                var order = new List<(string, string?, string?)>();
                long notShown = 0;
                foreach (var p in RejectCollection.InRowOrder(f.Rejects))
                {
                    var key = (p.Code, p.Column, p.Value);
                    if (groups.TryGetValue(key, out var g))
                    {
                        if (g.Rows.Count < 3)
                        {
                            g.Rows.Add(p.Row);
                        }

                        groups[key] = (g.First, g.Count + 1, g.Rows);
                    }
                    else if (groups.Count < MaxProblemGroups)
                    {
                        groups[key] = (p, 1, [p.Row]);
                        order.Add(key);
                    }
                    else
                    {
                        notShown++;
                    }
                }

                foreach (var key in order)
                {
                    var (first, n, rows) = groups[key];
                    var where = n > 1 ? string.Create(inv, $" (×{n}: rows {string.Join(", ", rows)}{(n > 3 ? ", …" : string.Empty)})") : string.Empty;
                    w.WriteLine($"    [{first.Code}] {first.Message}{where}");
                }

                if (notShown > 0)
                {
                    w.WriteLine(string.Create(inv, $"    … and {notShown} more problem(s) of other kinds; internal/rejects.csv of a run lists every one."));
                }
            }

            w.WriteLine();
        }

        foreach (var s in resolved.Skipped)
        {
            w.WriteLine($"{(s.IsWarning ? "warning: skipped" : "skipped")}: {s.Name} ({s.Reason})");
        }

        foreach (var c in resolved.ConfigWarnings)
        {
            w.WriteLine($"warning: {c}");
        }

        w.WriteLine(string.Create(inv, $"summary: {result.Files.Count} file(s), {result.Files.Sum(f => f.RowsRead)} rows read, {result.Files.Sum(f => f.RowsAccepted)} accepted, {result.Files.Sum(f => f.RowsSetAside)} set aside, {result.Files.Sum(f => f.RowsRejected)} rejected; {result.Observations.Count} observations; {result.DuplicatesCollapsed} duplicates collapsed; {result.Conflicts.Count} conflict(s); exit code {exit}"));
    }

    /// <summary>Kinds of row problem (code, column, value) listed in full; beyond them, problems are only counted.</summary>
    private const int MaxProblemGroups = 200;

    private static void WriteJson(TextWriter w, ResolvedInputs resolved, PipelineResult result, int exit)
    {
        using var stream = new MemoryStream();
        using (var j = new Utf8JsonWriter(stream, ReportJson.WriterOptions))
        {
            j.WriteStartObject();
            j.WriteStartArray("files");
            foreach (var f in result.Files)
            {
                j.WriteStartObject();
                ReportJson.WriteFileAccounting(j, f);
                j.WriteString("encoding_reason", f.Info?.EncodingReason);
                j.WriteString("delimiter_reason", f.Info?.DelimiterReason);
                j.WriteString("sheet", f.Info?.Sheet);
                if (f.Info is { } info)
                {
                    j.WriteNumber("header_line", info.HeaderLine);
                }

                j.WriteString("layout_reason", f.Plan?.LayoutReason);
                j.WriteStartArray("columns");
                foreach (var c in f.Plan?.Columns ?? [])
                {
                    j.WriteStartObject();
                    j.WriteNumber("index", c.Index + 1);
                    j.WriteString("header", c.Header);
                    j.WriteString("role", RoleText(c));
                    j.WriteString("reason", c.Reason);
                    j.WriteEndObject();
                }

                j.WriteEndArray();
                j.WriteStartArray("problems");
                foreach (var p in f.FileProblems.Concat(f.Rejects))
                {
                    ReportJson.WriteProblem(j, p);
                }

                j.WriteEndArray();
                j.WriteEndObject();
            }

            j.WriteEndArray();
            ReportJson.WriteSkipped(j, resolved.Skipped);
            j.WriteStartArray("config_warnings");
            foreach (var c in resolved.ConfigWarnings)
            {
                j.WriteStringValue(c);
            }

            j.WriteEndArray();
            j.WriteNumber("observations", result.Observations.Count);
            j.WriteNumber("duplicates_collapsed", result.DuplicatesCollapsed);
            j.WriteNumber("conflicts", result.Conflicts.Count);
            j.WriteNumber("exit_code", exit);
            j.WriteEndObject();
        }

        w.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static string RoleText(ColumnAssignment c)
    {
        var role = c.Role == ColumnRole.Category ? Model.Codes.Of(c.Category!.Value) : LayoutDetector.RoleName(c.Role);
        return c.MeasureHint is { } m ? $"{role} ({Model.Codes.Of(m)})" : role;
    }

    private static string DelimiterName(char d) => d == '\t' ? "tab" : $"'{d}'";

    private static string Show(string header) => ProblemCatalogue.Quote(header);
}
