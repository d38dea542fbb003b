using System.Globalization;

namespace Linkage.Cli.Tests.Fuzz;

/// <summary>
/// The regression corpus: every input the fuzzer once broke an invariant with, cut down to a few lines, in
/// <c>Fuzz/corpus/</c> beside a <c>NAME.txt</c> that names the failure and the fix. Each runs through the library
/// stages and the whole CLI and must keep every invariant of <see cref="FuzzHarness"/>.
/// </summary>
[TestClass]
public sealed class FuzzCorpusTests
{
    /// <summary>The corpus as copied next to the test binaries (see the csproj).</summary>
    private static string Folder => Path.Combine(AppContext.BaseDirectory, "Fuzz", "corpus");

    public static IEnumerable<object[]> Inputs() =>
        Directory.EnumerateFiles(Folder)
            .Where(p => !IsSidecar(p))
            .Select(p => new object[] { Path.GetFileName(p) })
            .OrderBy(a => (string)a[0], StringComparer.Ordinal);

    [TestMethod]
    [DynamicData(nameof(Inputs))]
    public void Corpus_input_keeps_every_invariant(string name)
    {
        var path = Path.Combine(Folder, name);
        var why = path + ".txt";
        Assert.IsTrue(File.Exists(why), $"{name} has no {name}.txt naming the failure it was kept for");
        Assert.IsGreaterThan(0, File.ReadAllText(why).Trim().Length, $"{name}.txt is empty");

        var outcome = FuzzHarness.RunInProcess(path, name);
        Assert.IsEmpty(outcome.Violations, $"{name}: {string.Join("; ", outcome.Violations)}");

        // A sidecar line "expect: rows_read=3 rows_rejected=1 exit=1" pins what the fix gives, for failures (such as
        // lines swallowed before the header) that the general invariants cannot see.
        foreach (var (key, value) in Expectations(why))
        {
            var file = outcome.Files!.Single();
            var actual = key switch
            {
                "rows_read" => file.RowsRead,
                "rows_rejected" => file.RowsRejected,
                "exit" => outcome.ExitCode,
                _ => throw new AssertFailedException($"{name}.txt expects an unknown key '{key}'"),
            };
            Assert.AreEqual(value, actual, $"{name}: {key}");
        }

        using var tmp = new TempDir();
        var copy = tmp.File(name);
        File.Copy(path, copy);
        var cli = FuzzHarness.RunCli(copy, tmp.File("out"), expectedExit: FuzzHarness.RunInProcess(copy, copy.Replace('\\', '/')).ExitCode);
        Assert.IsEmpty(cli, $"{name} through the CLI: {string.Join("; ", cli)}");
    }

    [TestMethod]
    public void Corpus_holds_inputs_and_every_sidecar_belongs_to_one()
    {
        var files = Directory.EnumerateFiles(Folder).Select(Path.GetFileName).ToList();
        Assert.IsNotEmpty(Inputs().ToList(), "the corpus folder was not copied to the test output");
        foreach (var sidecar in files.Where(f => f!.EndsWith(".txt", StringComparison.Ordinal) && IsSidecar(Path.Combine(Folder, f))))
        {
            Assert.Contains(sidecar![..^4], files, string.Create(CultureInfo.InvariantCulture, $"{sidecar} names no corpus input"));
        }
    }

    private static IEnumerable<(string Key, long Value)> Expectations(string sidecar) =>
        File.ReadLines(sidecar)
            .Where(l => l.StartsWith("expect:", StringComparison.Ordinal))
            .SelectMany(l => l["expect:".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(pair => pair.Split('='))
            .Select(kv => (kv[0], long.Parse(kv[1], NumberStyles.Integer, CultureInfo.InvariantCulture)));

    private static bool IsSidecar(string path) =>
        path.EndsWith(".txt", StringComparison.Ordinal) && File.Exists(path[..^4]);
}
