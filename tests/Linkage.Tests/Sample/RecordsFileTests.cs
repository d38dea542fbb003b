using System.Security.Cryptography;
using System.Text;

using Linkage.Model;
using Linkage.Normalise;
using Linkage.Pipeline;
using Linkage.Read;
using Linkage.Reconcile;
using Linkage.Sample;
using Linkage.Tests.TestSupport;

using static Linkage.Tests.Pipeline.PipelineTestKit;

namespace Linkage.Tests.Sample;

[TestClass]
public sealed class RecordsFileTests
{
    [TestMethod]
    [DataRow(0L)]
    [DataRow(1L)]
    [DataRow(12_345L)]
    public void WriteRecordsFile_writes_the_header_and_exactly_N_data_rows(long rows)
    {
        using var dir = new TempFolder();
        var path = dir.PathOf("records.csv");

        var summary = SampleGenerator.WriteRecordsFile(path, rows, 5);

        var lines = File.ReadAllLines(path, Encoding.UTF8);
        Assert.AreEqual(SampleGenerator.RecordsFileHeader, lines[0]);
        Assert.AreEqual(rows, lines.Length - 1);
        Assert.AreEqual(rows, summary.Rows);
        Assert.AreEqual(new FileInfo(path).Length, summary.Bytes);
        Assert.AreEqual(summary.GoodRows, summary.Internal + summary.International + summary.Unknown);
    }

    [TestMethod]
    public void WriteRecordsFile_writes_UTF8_without_byte_order_mark()
    {
        using var dir = new TempFolder();
        var path = dir.PathOf("records.csv");

        SampleGenerator.WriteRecordsFile(path, 10, 5);

        CollectionAssert.AreEqual(Encoding.ASCII.GetBytes("state,"), File.ReadAllBytes(path)[..6]);
    }

    [TestMethod]
    public void WriteRecordsFile_gives_the_same_bytes_for_the_same_seed_and_others_for_another()
    {
        using var dir = new TempFolder();

        var a = SampleGenerator.WriteRecordsFile(dir.PathOf("a.csv"), 20_000, 42);
        var b = SampleGenerator.WriteRecordsFile(dir.PathOf("b.csv"), 20_000, 42);
        var c = SampleGenerator.WriteRecordsFile(dir.PathOf("c.csv"), 20_000, 43);

        Assert.AreEqual(a, b);
        Assert.AreEqual(Hash(dir.PathOf("a.csv")), Hash(dir.PathOf("b.csv")));
        Assert.AreNotEqual(Hash(dir.PathOf("a.csv")), Hash(dir.PathOf("c.csv")));
    }

    [TestMethod]
    public void WriteRecordsFile_is_read_by_the_pipeline_with_exactly_the_bad_rows_rejected_and_the_intended_linkage()
    {
        using var dir = new TempFolder();
        var path = dir.PathOf("records.csv");
        var summary = SampleGenerator.WriteRecordsFile(path, 30_000, 7);

        var result = PipelineRunner.Run([new InputFile(path, "records.csv")], DefaultContext(), new PipelineOptions());

        // Each kind of defect occurs with this seed, so each reject reason is exercised.
        Assert.IsGreaterThan(0L, summary.BadState);
        Assert.IsGreaterThan(0L, summary.BadDate);
        Assert.IsGreaterThan(0L, summary.BadCountry);
        var report = result.Files.Single();
        AssertAccounting(report, 30_000, summary.BadRows, setAside: summary.BadState);
        Assert.AreEqual(summary.BadState, report.SetAside.Where(e => e.Reason == SetAsideReason.OutsideOsce).Sum(e => e.Rows));
        Assert.AreEqual(summary.BadDate, report.Rejects.Count(p => p.Code == "bad-date"));
        Assert.AreEqual(summary.BadCountry, report.Rejects.Count(p => p.Code == "unknown-country"));
        Assert.AreEqual(summary.BadRows, report.Rejects.Count);
        Assert.AreEqual(summary.Internal, Sum(result, LinkageCategory.Internal));
        Assert.AreEqual(summary.International, Sum(result, LinkageCategory.International));
        Assert.AreEqual(summary.Unknown, Sum(result, LinkageCategory.Unknown));
        Assert.AreEqual(summary.Groups, result.Observations.Count);
        Assert.IsTrue(result.Observations.All(o => o.Measure == Measure.Children && o.Period.Kind == PeriodKind.Year));
    }

    [TestMethod]
    public void WriteRecords_allocates_nothing_per_row_so_memory_stays_flat_however_many_rows()
    {
        // Warm up: the embedded data, the spelling tables and the writer's buffers are allocated once.
        SampleGenerator.WriteRecords(TextWriter.Null, 1000, 1);

        var small = Allocated(() => SampleGenerator.WriteRecords(TextWriter.Null, 100_000, 1));
        var large = Allocated(() => SampleGenerator.WriteRecords(TextWriter.Null, 1_000_000, 1));

        // Ten times the rows may cost a few kilobytes more (the set of State-year-linkage groups), never per row.
        Assert.IsLessThan(64 * 1024, large - small, $"100,000 rows allocated {small} bytes, 1,000,000 rows {large}");
    }

    private static long Allocated(Action action)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static long Sum(PipelineResult result, LinkageCategory linkage) =>
        result.Observations.Where(o => o.Linkage == linkage).Sum(o => o.Count ?? 0);

    private static string Hash(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
