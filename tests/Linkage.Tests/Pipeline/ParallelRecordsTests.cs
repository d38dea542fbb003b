using System.Globalization;
using System.Text;

using Linkage.Model;
using Linkage.Normalise;
using Linkage.Pipeline;
using Linkage.Problems;
using Linkage.Read;
using Linkage.Recognise;
using Linkage.Reconcile;
using Linkage.Tests.TestSupport;

namespace Linkage.Tests.Pipeline;

/// <summary>
/// The parallel case-record path (chunks of lines split and parsed on several threads, applied in file order)
/// against the single-threaded path (CsvHelper, one row at a time): the same observations with the same
/// provenance, the same rejects in the same order, the same row accounting and hash. And the structures that
/// keep memory bounded: rejects spill to disk and come back in row order; record lines live on disk.
/// </summary>
[TestClass]
public sealed class ParallelRecordsTests
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>
    /// A records file with what real exports have: States as codes and names, ISO and slash dates (ambiguous ones
    /// before the first day above 12 settles the order), quoted fields with the delimiter and doubled quotes,
    /// blank lines, and bad rows of every kind the records layout rejects.
    /// </summary>
    private static string Generate(int rows, int seed, bool withSlashDates = true)
    {
        var rng = new Random(seed);
        string[] states = ["AUT", "DE", "France", "Italia", "ESP", "POL", "Türkiye", "Czech Republic", "Moldova", "SWE", "\"Bosnia and Herzegovina\""];
        string[] countries = ["AUT", "DEU", "FRA", "MAR", "NGA", "ROU", "UKR", "Brazil", "", "n/a", "\"Korea, Republic of\""];
        var sb = new StringBuilder("state,date,citizenship,country of exploitation\n");
        for (var i = 0; i < rows; i++)
        {
            var state = states[rng.Next(states.Length)];
            var day = new DateOnly(2014, 1, 1).AddDays(rng.Next(0, 3650));
            var date = withSlashDates && rng.Next(4) == 0
                ? string.Create(Inv, $"{day.Day:D2}/{day.Month:D2}/{day.Year}")
                : day.ToString("yyyy-MM-dd", Inv);
            var citizenship = countries[rng.Next(countries.Length)];
            var exploitation = rng.Next(3) == 0 ? countries[rng.Next(countries.Length)] : state.Trim('"');
            switch (rng.Next(400))
            {
                case 0: state = "Atlantis"; break;
                case 1: date = "31/02/20x1"; break;
                case 2: citizenship = "Narnia"; break;
                case 3: exploitation += ",extra,fields"; break;
                case 4: sb.Append('\n'); break;
                case 5: state = "\"Aus\"\"tria\""; break;
                case 6: date = "2031-01-01"; break;
            }

            sb.Append(Inv, $"{state},{date},{citizenship},{exploitation}\n");
        }

        return sb.ToString();
    }

    private static (FileReport Report, FileResult Result) Open(string path, string name, Func<ISourceTable, LayoutPlan, (FileResult, string)?> read)
    {
        var context = PipelineTestKit.DefaultContext();
        var outcome = SourceReader.Open(path, name, default);
        Assert.IsTrue(outcome.IsOpen);
        using var table = outcome.Table;
        var plan = LayoutDetector.Detect(name, table.Info.HeaderLine, table.Header, context.Vocabulary, null);
        Assert.AreEqual(Layout.Records, plan.Layout);
        var (result, sha) = read(table, plan) ?? throw new AssertFailedException("the parallel path did not take the file");
        return (new FileReport(name, table.Info, plan, [], result.Rejects, result.RowsRead, result.RowsRejected, sha), result);
    }

    private static (FileReport Report, FileResult Result) SingleThreaded(string path, string name) =>
        Open(path, name, (table, plan) => (FileNormaliser.Run(table, plan, 0, PipelineTestKit.DefaultContext()), table.Sha256));

    private static (FileReport Report, FileResult Result) Parallel(string path, string name, int workers, int chunkBytes) =>
        Open(path, name, (table, plan) => ParallelRecords.TryRun(path, table, plan, 0, PipelineTestKit.DefaultContext(), workers, null, chunkBytes));

    private static string Describe(Observation o) => string.Create(
        Inv,
        $"{o.State}|{o.Area}|{o.Region}|{o.Period}|{o.Measure}|{o.Linkage}|{o.Count}|{o.Flag}|{o.Source.File}|{o.Source.Row}|{o.Source.Column}|{o.Source.Records}|{string.Join(' ', o.Source.Lines.Lines())}");

    private static string Describe(Problem p) => string.Create(Inv, $"{p.Code}|{p.Severity}|{p.File}|{p.Row}|{p.Column}|{p.Value}|{p.Message}");

    private static void AssertSame((FileReport Report, FileResult Result) expected, (FileReport Report, FileResult Result) actual)
    {
        Assert.AreEqual(expected.Result.RowsRead, actual.Result.RowsRead, "rows read");
        Assert.AreEqual(expected.Result.RowsRejected, actual.Result.RowsRejected, "rows rejected");
        Assert.AreEqual(expected.Report.Sha256, actual.Report.Sha256, "SHA-256 of the bytes read");
        CollectionAssert.AreEqual(expected.Result.Observations.Select(Describe).ToList(), actual.Result.Observations.Select(Describe).ToList(), "observations, in order, with provenance");
        CollectionAssert.AreEqual(expected.Result.Rejects.Select(Describe).ToList(), actual.Result.Rejects.Select(Describe).ToList(), "rejects, in order");
        CollectionAssert.AreEqual(expected.Result.Warnings.Select(Describe).ToList(), actual.Result.Warnings.Select(Describe).ToList(), "warnings");
    }

    [TestMethod]
    [DataRow(2, 4096)]
    [DataRow(4, 1024)]
    [DataRow(3, 65536)]
    public void Parallel_and_single_threaded_paths_give_identical_aggregates_rejects_and_accounting(int workers, int chunkBytes)
    {
        using var dir = new TempFolder();
        var path = dir.WriteText("records.csv", Generate(30_000, seed: 7));

        var one = SingleThreaded(path, "records.csv");
        var many = Parallel(path, "records.csv", workers, chunkBytes);

        AssertSame(one, many);

        // The file has every kind of row: the comparison is not of two empty results.
        Assert.IsGreaterThan(100, one.Result.Observations.Count);
        Assert.IsGreaterThan(50L, one.Result.RowsRejected);
        var codes = one.Result.Rejects.Select(p => p.Code).ToHashSet();
        foreach (var code in new[] { "not-osce-state", "bad-date", "unknown-country", "ragged-row", "bad-period" })
        {
            Assert.Contains(code, codes);
        }

        Assert.AreEqual(0, one.Result.RowsSetAside, "case records set nothing aside");
        Assert.AreEqual(one.Result.RowsRead, one.Result.RowsAccepted + one.Result.RowsRejected);
        Assert.AreEqual(one.Result.RowsAccepted, one.Result.Observations.Sum(o => o.Count ?? 0), "every accepted record is counted once");
    }

    [TestMethod]
    public void The_whole_pipeline_gives_the_same_result_on_one_thread_and_on_four()
    {
        using var dir = new TempFolder();
        var path = dir.WriteText("records.csv", Generate(20_000, seed: 11));
        var one = PipelineTestKit.RunPath(path, "records.csv", options: new PipelineOptions { ReadThreads = 1 });
        var four = PipelineTestKit.RunPath(path, "records.csv", options: new PipelineOptions { ReadThreads = 4 });

        AssertSame((one.Report, one.Result!), (four.Report, four.Result!));
        PipelineTestKit.AssertAccounting(four, one.Report.RowsRead, one.Report.RowsRejected);
    }

    [TestMethod]
    public void Slash_dates_settled_late_are_held_back_in_the_same_order_on_every_path()
    {
        // Hundreds of ambiguous dd/mm rows come before the first day above 12; chunks of 512 bytes put them on many threads.
        var sb = new StringBuilder("state,date,citizenship,country of exploitation\n");
        for (var i = 0; i < 600; i++)
        {
            sb.Append(Inv, $"AUT,{1 + (i % 12):D2}/{1 + (i % 9):D2}/2020,AUT,AUT\n");
        }

        sb.Append("AUT,25/03/2020,ROU,AUT\n");
        sb.Append("AUT,03/25/2020,ROU,AUT\n"); // Contradicts the settled order.
        using var dir = new TempFolder();
        var path = dir.WriteText("dates.csv", sb.ToString());

        var one = SingleThreaded(path, "dates.csv");
        var many = Parallel(path, "dates.csv", 3, 512);

        AssertSame(one, many);
        Assert.AreEqual(601L, one.Result.RowsAccepted);
        var contradiction = one.Result.Rejects.Single();
        Assert.AreEqual(603, contradiction.Row);
        Assert.Contains("dd/mm/yyyy", contradiction.Message);
    }

    [TestMethod]
    [DataRow("state,date,citizenship,country of exploitation\nAUT,2020-01-01,\"two\nlines\",AUT\n", DisplayName = "a quoted field over two lines")]
    [DataRow("state,date,citizenship,country of exploitation\nAUT,2020-01-01,AU\"T,AUT\n", DisplayName = "a quote inside a field")]
    [DataRow("state,date,citizenship,country of exploitation\r\nAUT,2020-01-01,AUT,AUT\rDEU,2020-01-01,AUT,DEU\r\n", DisplayName = "a lone carriage return")]
    [DataRow("state,date,citizenship,country of exploitation\nAUT,2020-01-01,\"AUT\" ,AUT\n", DisplayName = "text after a closing quote")]
    public void A_file_the_parallel_path_cannot_read_exactly_is_left_to_the_full_reader(string text)
    {
        using var dir = new TempFolder();
        var path = dir.WriteText("odd.csv", text);
        var context = PipelineTestKit.DefaultContext();
        var outcome = SourceReader.Open(path, "odd.csv", default);
        Assert.IsTrue(outcome.IsOpen);
        using var table = outcome.Table;
        var plan = LayoutDetector.Detect("odd.csv", table.Info.HeaderLine, table.Header, context.Vocabulary, null);

        Assert.IsNull(ParallelRecords.TryRun(path, table, plan, 0, context, 2, null, 4096));

        // And the pipeline still reads it, the same on one thread and on two.
        var one = PipelineTestKit.RunPath(path, "odd.csv", options: new PipelineOptions { ReadThreads = 1 });
        var two = PipelineTestKit.RunPath(path, "odd.csv", options: new PipelineOptions { ReadThreads = 2 });
        AssertSame((one.Report, one.Result!), (two.Report, two.Result!));
    }

    [TestMethod]
    public void Invalid_utf8_bytes_after_the_detection_prefix_are_left_to_the_full_reader_which_rejects_the_row()
    {
        // Valid UTF-8 for the first megabyte (so the file is detected as UTF-8), then one row with a broken sequence.
        var good = new StringBuilder("state,date,citizenship,country of exploitation\n");
        while (good.Length < SourceReader.DetectionBytes + 1000)
        {
            good.Append("AUT,2020-01-01,AUT,AUT\n");
        }

        byte[] bytes = [.. Encoding.UTF8.GetBytes(good.ToString()), .. "AUT,2020-01-01,"u8, 0xC3, 0x28, .. ",AUT\n"u8];
        using var dir = new TempFolder();
        var path = dir.WriteBytes("bad.csv", bytes);
        var context = PipelineTestKit.DefaultContext();
        var outcome = SourceReader.Open(path, "bad.csv", default);
        Assert.IsTrue(outcome.IsOpen);
        using (var table = outcome.Table)
        {
            Assert.AreEqual("utf-8", table.Info.Encoding);
            var plan = LayoutDetector.Detect("bad.csv", table.Info.HeaderLine, table.Header, context.Vocabulary, null);
            Assert.IsNull(ParallelRecords.TryRun(path, table, plan, 0, context, 2, null, 4096));
        }

        // Whatever the chunking, a bail in the last chunk must not leave a partial result (workers stopped mid-way
        // once dropped the chunks they held, and the rows read before were returned as the whole file).
        foreach (var chunkBytes in new[] { 1024, 65536, ParallelRecords.DefaultChunkBytes })
        {
            var again = SourceReader.Open(path, "bad.csv", default);
            Assert.IsTrue(again.IsOpen);
            using var table = again.Table;
            var plan = LayoutDetector.Detect("bad.csv", table.Info.HeaderLine, table.Header, context.Vocabulary, null);
            Assert.IsNull(ParallelRecords.TryRun(path, table, plan, 0, context, 4, null, chunkBytes), $"chunks of {chunkBytes} bytes");
        }

        var two = PipelineTestKit.RunPath(path, "bad.csv", options: new PipelineOptions { ReadThreads = 2 });
        var rows = good.ToString().Count(c => c == '\n') - 1;
        PipelineTestKit.AssertAccounting(two, read: rows + 1, rejected: 1);
        Assert.AreEqual("row-invalid-encoding", two.Report.Rejects.Single().Code);
    }

    [TestMethod]
    public void A_byte_order_mark_and_a_last_line_without_a_line_break_read_the_same()
    {
        using var dir = new TempFolder();
        var path = dir.WriteText("bom.csv", "state;date;citizenship;country of exploitation\nAUT;2020-01-01;AUT;AUT\n\nDEU;2021-05-05;;DEU", new UTF8Encoding(true), bom: true);

        AssertSame(SingleThreaded(path, "bom.csv"), Parallel(path, "bom.csv", 2, 16));
    }

    [TestMethod]
    public void Rejects_beyond_the_memory_limit_are_written_to_disk_and_come_back_in_row_order()
    {
        var rng = new Random(3);
        var problems = Enumerable.Range(0, 1000)
            .Select(i => new Problem("code-" + (i % 3), Severity.Error, "f.csv", rng.Next(1, 200), i % 2 == 0 ? "col" : null, i % 5 == 0 ? null : "v" + i, "message " + i))
            .ToList();
        var store = new RejectCollection(memoryLimit: 64);
        store.AddRange(problems);

        Assert.IsLessThan(64, store.InMemory, "at most the limit stays in memory");
        Assert.AreEqual(1000 / 64, store.RunsOnDisk, "every full buffer was flushed to disk as a run");
        Assert.HasCount(1000, store);

        // Stable by row: what OrderBy over the whole list in insertion order gives.
        CollectionAssert.AreEqual(problems.OrderBy(p => p.Row).ToList(), store.ToList());
        CollectionAssert.AreEqual(store.ToList(), store.ToList(), "enumerating twice gives the same");
    }

    [TestMethod]
    public void A_records_file_of_many_bad_rows_keeps_few_rejects_in_memory_and_its_lines_on_disk()
    {
        var sb = new StringBuilder("state,date,citizenship,country of exploitation\n");
        for (var i = 0; i < 20_000; i++)
        {
            sb.Append(i % 2 == 0 ? "Atlantis,2020-01-01,AUT,AUT\n" : i % 4 == 1 ? "AUT,2020-01-01,AUT,AUT\n" : "DEU,2020-01-01,AUT,DEU\n");
        }

        var run = PipelineTestKit.RunText("many.csv", sb.ToString());

        var rejects = (RejectCollection)run.Report.Rejects;
        Assert.AreEqual(10_000, rejects.Count);
        Assert.IsLessThan(RejectCollection.DefaultMemoryLimit, rejects.InMemory);
        Assert.IsGreaterThan(0, rejects.RunsOnDisk, "the reject writer flushed to disk");
        Assert.IsEmpty(run.Result!.RejectedLines, "rejected case records are counted, not remembered");
        PipelineTestKit.AssertAccounting(run, read: 20_000, rejected: 10_000);

        // Each cell's lines come back from disk: AUT (internal) on lines 3, 7, 11, …; DEU (Austrians exploited in Germany) on 5, 9, ….
        var aut = run.Observations.Single(o => o.State == "AUT");
        var deu = run.Observations.Single(o => o.State == "DEU");
        Assert.IsTrue(aut.Source.Lines.IsExclusive);
        CollectionAssert.AreEqual(Enumerable.Range(0, 5000).Select(k => 3 + (4 * k)).ToList(), aut.Source.Lines.Lines().ToList());
        CollectionAssert.AreEqual(Enumerable.Range(0, 5000).Select(k => 5 + (4 * k)).ToList(), deu.Source.Lines.Lines().ToList());
        Assert.AreEqual(LinkageCategory.International, deu.Linkage);
    }
}
