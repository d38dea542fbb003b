using System.Text;
using System.Text.RegularExpressions;

using Linkage.Pipeline;
using Linkage.Problems;
using Linkage.Read;
using Linkage.Tests.Pipeline;
using Linkage.Tests.TestSupport;

namespace Linkage.Tests.Problems;

/// <summary>
/// Every problem code of the two catalogues (data problems in <see cref="ProblemCatalogue"/>, run problems in
/// <see cref="RunProblems"/>) is asserted by its code in some test; the codes no other test met are met here, each
/// from an input that makes it, read from memory.
/// </summary>
[TestClass]
public sealed partial class ProblemCodeTests
{
    private static IEnumerable<Problem> All(FileRun run) => run.Report.FileProblems.Concat(run.Report.Rejects).Concat(run.Result?.Warnings ?? []);

    private static string Codes(FileRun run) => string.Join(", ", All(run).Select(p => p.Code).Distinct());

    [TestMethod]
    public void A_case_records_column_that_is_no_role_is_column_ignored()
    {
        var run = PipelineTestKit.RunText("records.csv", "Reporting State,Date of identification,Citizenship,Country of exploitation,Colour code\nFrance,14/11/2019,France,France,blue\nFrance,10/12/2019,Spain,France,red\n");

        var ignored = All(run).Single(p => p.Code == "column-ignored");
        Assert.AreEqual(Severity.Warning, ignored.Severity);
        Assert.AreEqual("Colour code", ignored.Column, Codes(run));
    }

    [TestMethod]
    public void A_mebibyte_of_blank_lines_before_the_header_is_file_no_header()
    {
        var bytes = Encoding.UTF8.GetBytes(new string('\n', (1 << 20) + 10) + "Country,Year,Internal\nFrance,2019,3\n");

        var run = PipelineTestKit.RunBytes("blank.csv", bytes);

        Assert.AreEqual("file-no-header", run.Report.FileProblems.Single().Code, Codes(run));
    }

    [TestMethod]
    public void A_header_row_past_the_data_is_header_row_not_found()
    {
        var run = PipelineTestKit.RunText("short.csv", "Country,Year,Internal\nFrance,2019,3\n", options: new PipelineOptions { Read = new ReadOptions { HeaderRow = 40 } });

        var problem = run.Report.FileProblems.Single();
        Assert.AreEqual("header-row-not-found", problem.Code, Codes(run));
        StringAssert.Contains(problem.Message, "row 40");
    }

    [TestMethod]
    public void An_unclosed_quote_in_the_header_is_header_broken_quote()
    {
        var run = PipelineTestKit.RunText("quote.csv", "Country,\"Year,Internal\nFrance,2019,3\n");

        Assert.IsTrue(All(run).Any(p => p.Code == "header-broken-quote"), Codes(run));
    }

    [TestMethod]
    public void A_year_column_whose_values_are_all_countries_is_header_values_disagree()
    {
        var run = PipelineTestKit.RunText("swapped.csv", "Year,Country,Internal\nFrance,2019,3\nSpain,2019,4\nItaly,2020,5\nGermany,2020,6\nAustria,2021,7\n");

        var problem = All(run).FirstOrDefault(p => p.Code == "header-values-disagree");
        Assert.IsNotNull(problem, Codes(run));
        Assert.AreEqual("Year", problem.Column);
    }

    [TestMethod]
    public void A_stream_that_fails_while_being_read_is_file_read_interrupted_and_its_rows_so_far_are_named()
    {
        var text = "Country,Year,Internal\n" + string.Concat(Enumerable.Range(0, 200_000).Select(i => $"France,{2000 + (i % 20)},{i}\n"));
        using var stream = new FailingStream(Encoding.UTF8.GetBytes(text), failAfter: 2_000_000);

        var outcome = SourceReader.Open(stream, "failing.csv", default);
        Assert.IsNotNull(outcome.Table);
        using var table = outcome.Table;
        var rows = table.ReadRows().Count();

        var problem = table.RowProblems.Single(p => p.Code == "file-read-interrupted");
        Assert.IsGreaterThan(50_000, rows);
        Assert.IsLessThan(200_000, rows);
        StringAssert.Contains(problem.Message, "input/output error");
    }

    /// <summary>A stream that throws an <see cref="IOException"/> once <c>failAfter</c> bytes have been read, like a disk that fails.</summary>
    private sealed class FailingStream(byte[] content, int failAfter) : Stream
    {
        private readonly MemoryStream _inner = new(content, writable: false);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _inner.Position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_inner.Position >= failAfter)
            {
                throw new IOException("Input/output error");
            }

            return _inner.Read(buffer, offset, (int)Math.Min(count, failAfter - _inner.Position));
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            _inner.Dispose();
            base.Dispose(disposing);
        }
    }

    [TestMethod]
    public void Every_code_of_both_catalogues_is_asserted_by_its_code_in_a_test()
    {
        var codes = Directory.EnumerateFiles(Path.Combine(Repository.Root, "src", "Linkage", "Problems"), "*.cs")
            .SelectMany(f => CodeOfFactory().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var tests = string.Concat(Directory.EnumerateFiles(Path.Combine(Repository.Root, "tests"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText));

        Assert.IsGreaterThan(50, codes.Count, "the scan found the catalogues' codes");
        var untested = codes.Where(c => !tests.Contains($"\"{c}\"", StringComparison.Ordinal)).ToList();
        Assert.IsEmpty(untested, "codes no test asserts: " + string.Join(", ", untested));
    }

    [GeneratedRegex(@"""([a-z]+(?:-[a-z0-9]+)*)"",\s*Severity\.", RegexOptions.CultureInvariant)]
    private static partial Regex CodeOfFactory();
}
