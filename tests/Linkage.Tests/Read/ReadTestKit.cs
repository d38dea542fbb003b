using System.Security.Cryptography;
using System.Text;

using Linkage.Problems;
using Linkage.Read;

namespace Linkage.Tests.Read;

/// <summary>Shared steps of the read-stage tests: open a file expecting a table or a problem, read all rows.</summary>
internal static class ReadTestKit
{
    static ReadTestKit()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>A Windows code page encoding (registers the code-page provider first).</summary>
    public static Encoding CodePage(int codePage) => Encoding.GetEncoding(codePage);

    /// <summary>Opens <paramref name="path"/> and fails the test when the reader returns a problem.</summary>
    public static ISourceTable OpenTable(string path, ReadOptions options = default)
    {
        var outcome = SourceReader.Open(path, Path.GetFileName(path), options);
        Assert.IsTrue(outcome.IsOpen, outcome.Problem?.Message);
        return outcome.Table;
    }

    /// <summary>Opens <paramref name="path"/> and fails the test unless the reader returns a problem.</summary>
    public static ReadOutcome OpenFailing(string path, ReadOptions options = default)
    {
        var outcome = SourceReader.Open(path, Path.GetFileName(path), options);
        if (outcome.IsOpen)
        {
            outcome.Table.Dispose();
            Assert.Fail($"Expected a problem, but the file opened with header '{string.Join("|", outcome.Table.Header)}'.");
        }

        return outcome;
    }

    /// <summary>Reads every row of a table.</summary>
    public static List<RawRow> ReadAll(ISourceTable table) => [.. table.ReadRows()];

    /// <summary>Asserts that <paramref name="actual"/> holds exactly <paramref name="expected"/>, in order.</summary>
    public static void AssertSequence(IEnumerable<string> actual, params string[] expected) =>
        CollectionAssert.AreEqual(expected, actual.ToArray());

    /// <summary>A row as "line:field|field|…" for compact assertions.</summary>
    public static string Show(RawRow row) => $"{row.Line}:{string.Join("|", row.Fields)}";

    /// <summary>Lowercase hex SHA-256 of a file's bytes, computed independently of the reader.</summary>
    public static string HashOf(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    /// <summary>Asserts the problem's code and that its message names the file.</summary>
    public static void AssertProblem(Problem? problem, string code, string file)
    {
        Assert.IsNotNull(problem);
        Assert.AreEqual(code, problem.Code, problem.Message);
        Assert.AreEqual(file, problem.File);
        Assert.Contains($"'{file}'", problem.Message);
    }
}
