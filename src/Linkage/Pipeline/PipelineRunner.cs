using System.Diagnostics;

using Linkage.Config;
using Linkage.Normalise;
using Linkage.Problems;
using Linkage.Read;
using Linkage.Recognise;
using Linkage.Reconcile;

namespace Linkage.Pipeline;

/// <summary>
/// Runs the stages read → recognise → normalise for each file (streaming its rows once), then reconcile over
/// all files. Returns results and problems as values; never throws for bad data.
/// </summary>
public static class PipelineRunner
{
    /// <summary>Processes the inputs in order.</summary>
    public static PipelineResult Run(IReadOnlyList<InputFile> inputs, NormaliseContext context, PipelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var reports = new List<FileReport>();
        var results = new List<FileResult>();
        var reportOfResult = new List<int>();
        for (var i = 0; i < inputs.Count; i++)
        {
            options.OnFileStarted?.Invoke(i + 1, inputs.Count, inputs[i].Name);
            var (report, result) = RunFileGuarded(inputs[i], i, inputs.Count, context, options);
            reports.Add(report);
            if (result is not null)
            {
                results.Add(result);
                reportOfResult.Add(i);
            }
        }

        var readTime = clock.ElapsedMilliseconds;
        clock.Restart();
        var reconciled = Reconciler.Run(results, options.OnConflict);

        // Reconciling adds rejects (conflicts) and warnings (superseded figures) to the files they belong to;
        // the reconciler returns the files in the order it was given them.
        for (var r = 0; r < reconciled.Files.Count; r++)
        {
            var (before, after) = (results[r], reconciled.Files[r]);
            var i = reportOfResult[r];
            reports[i] = reports[i] with
            {
                Rejects = after.Rejects,
                RowsRejected = after.RowsRejected,
                FileProblems = [.. reports[i].FileProblems, .. after.Warnings.Skip(before.Warnings.Count)],
            };
        }

        var timings = new Dictionary<string, long>(StringComparer.Ordinal)
        {
            ["read_recognise_normalise"] = readTime,
            ["reconcile"] = clock.ElapsedMilliseconds,
        };
        return new PipelineResult(reports, reconciled.Observations, reconciled.Conflicts, reconciled.DuplicatesCollapsed, timings);
    }

    /// <summary>
    /// Runs one file so that a bug met in it stops that file, not the night's run: the file is reported with a
    /// fatal problem (nothing is published) and the other files are still read and reported.
    /// </summary>
    private static (FileReport Report, FileResult? Result) RunFileGuarded(InputFile input, int index, int count, NormaliseContext context, PipelineOptions options)
    {
        try
        {
            return RunFile(input, index, context, options, count);
        }
        catch (Exception ex) when (ex is not (OutOfMemoryException or StackOverflowException))
        {
            return (new FileReport(input.Name, null, null, [ProblemCatalogue.InternalError(input.Name, ex)], [], 0, 0, null), null);
        }
    }

    /// <summary>Reads, recognises and normalises one file.</summary>
    /// <param name="input">The file.</param>
    /// <param name="index">Its 0-based position in argument/name order.</param>
    /// <param name="context">Dictionaries, States, regions and user choices.</param>
    /// <param name="options">The user's choices.</param>
    /// <param name="fileCount">Number of files in the run (for progress).</param>
    public static (FileReport Report, FileResult? Result) RunFile(InputFile input, int index, NormaliseContext context, PipelineOptions options, int fileCount = 1)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(options);
        var outcome = input.Content is { } content ? SourceReader.Open(content, input.Name, options.Read) : SourceReader.Open(input.Path, input.Name, options.Read);
        if (!outcome.IsOpen)
        {
            return (new FileReport(input.Name, null, null, [outcome.Problem], [], 0, 0, outcome.Sha256), null);
        }

        using var table = outcome.Table;

        // Periods as columns (Eurostat's TSV, "Country,2019,2020,…") are read as the long table they stand for.
        using var periods = PeriodColumnsTable.TryWrap(table);
        ISourceTable view = periods is null ? table : periods;

        // A publisher's standard export is read with its profile: a config laid under the user's.
        (SourceProfile Profile, string Why)? profile = options.Profile switch
        {
            null => SourceProfile.Match(view.Header),
            "none" => null,
            var name => SourceProfile.Find(name) is { } named ? (named, "--profile") : null,
        };
        if (profile is { } p)
        {
            context = context.With(p.Profile.Under(context.Config), out _) with { Profile = (p.Profile.Name, p.Why) };
        }

        // The guard sees the header only: no value of a personal-data file is read.
        var personal = PersonalDataGuard.Check(input.Name, table.Info.HeaderLine, table.Header, context.Vocabulary);
        if (personal.Count > 0)
        {
            // Hashing streams the bytes without parsing them, so the manifest can still say which file it was.
            return (new FileReport(input.Name, table.Info, null, personal, [], 0, 0, table.Sha256), null);
        }

        // The first rows are looked at before roles are assigned: values confirm what a header proposes, and decide
        // where it says nothing. They are still read as rows, once.
        using var peeked = new PeekedSourceTable(view, ValueProfiler.SampleRows);
        var source = peeked;
        var sample = peeked.Sample.Select(r => r.Fields).ToList();
        var stateGiven = context.FixedState is not null ? "fixed" : context.StateFromExploitation ? "exploitation" : null;
        var plan = LayoutDetector.Detect(input.Name, table.Info.HeaderLine, peeked.Header, context.Vocabulary, options.Layout, sample, context.Geography, stateGiven);
        if (periods is not null)
        {
            plan = plan with { LayoutReason = $"{periods.Reason}; {plan.LayoutReason}" };
        }
        // A title above the header is worth a warning when it could be data; a header that a source profile's signature
        // names is the header for certain, and the rows above it the publisher's title (validate shows them).
        if (table.Info.PreambleRows > 0 && context.Profile is null)
        {
            plan = plan with { Problems = [ProblemCatalogue.PreambleSkipped(input.Name, table.Info.HeaderLine, table.Info.PreambleRows), .. plan.Problems] };
        }

        if (table.Info.HeaderQuoteBroken)
        {
            plan = plan with { Problems = [ProblemCatalogue.HeaderBrokenQuote(input.Name, table.Info.HeaderLine), .. plan.Problems] };
        }

        // The pipeline's own SDMX publication has regions where States belong, and sums of them: it is told apart by
        // its dataflow in the first row.
        var structureColumn = StructureColumn(view.Header);
        if (structureColumn >= 0 && peeked.First is { } first && PublicationInput(input.Name, view.Header[structureColumn], structureColumn, first) is { } publication)
        {
            plan = plan with { Problems = [publication] };
        }

        if (!plan.IsUsable)
        {
            // Every row is still counted and listed: nothing is dropped silently.
            var cause = plan.Problems.First(p => p.Severity != Severity.Warning).Code;
            var rejects = new RejectCollection();
            long read = 0;
            foreach (var row in source.ReadRows())
            {
                read++;
                rejects.Add(cause == ProblemCatalogue.PublicationInputCode
                    ? ProblemCatalogue.RowOfPublication(input.Name, row.Line)
                    : ProblemCatalogue.RowOfUnusableFile(input.Name, row.Line, cause));
            }

            foreach (var broken in view.RowProblems)
            {
                read++;
                rejects.Add(broken);
            }

            return (new FileReport(input.Name, table.Info, plan, plan.Problems, rejects, read, read, table.Sha256) { Profile = context.Profile, Source = context.Source }, null);
        }

        Action<long, long, long>? progress = options.OnReadProgress is { } report
            ? (rows, bytes, total) => report(new ReadProgress(index + 1, fileCount, input.Name, rows, bytes, total))
            : null;
        var threads = options.ReadThreads ?? Environment.ProcessorCount;
        // The parallel reader reads the file itself, so an input in memory takes the one-thread path (the same result).
        var (result, sha) = input.Content is null && ParallelRecords.TryRun(input.Path, source, plan, index, context, threads, progress) is { } parallel
            ? parallel
            : (FileNormaliser.Run(source, plan, index, context, progress), table.Sha256);
        var problems = plan.Problems.Concat(result.Warnings).ToList();
        return (new FileReport(input.Name, table.Info, plan, problems, result.Rejects, result.RowsRead, result.RowsRejected, sha) { RowsSetAside = result.RowsSetAside, SetAside = result.SetAside, SetAsideLines = result.SetAsideLines, Profile = context.Profile, Source = context.Source }, result);
    }

    /// <summary>The column naming each row's dataflow: <c>STRUCTURE_ID</c> (SDMX-CSV 2.0) or a first <c>DATAFLOW</c> (1.0); -1 when none.</summary>
    private static int StructureColumn(IReadOnlyList<string> header)
    {
        for (var i = 0; i < header.Count; i++)
        {
            if (TextFold.Fold(header[i]) == "structure id")
            {
                return i;
            }
        }

        return header.Count > 0 && TextFold.Fold(header[0]) == "dataflow" ? 0 : -1;
    }

    /// <summary>The problem that makes a file unusable when its first row names the dataflow of the pipeline's own publication.</summary>
    private static Problem? PublicationInput(string file, string header, int column, RawRow first) =>
        column < first.Fields.Length && Output.SdmxDataflow.IsThisDataflow(first.Fields[column])
            ? ProblemCatalogue.PublicationInput(file, first.Line, header, first.Fields[column], Output.SdmxDataflow.StructureId)
            : null;
}
