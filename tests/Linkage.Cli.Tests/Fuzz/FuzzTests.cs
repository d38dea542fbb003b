using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Linkage.Cli.Tests.Fuzz;

/// <summary>
/// A seeded fuzzer: valid submissions of every layout are mutated (truncation, byte flips, re-encoding, delimiter
/// swaps, stray quotes, huge fields, 10^5 columns, long lines, NUL bytes, mixed line endings, empty and header-only
/// files, duplicate headers, XLSX cut short) and each case must keep the invariants of <see cref="FuzzHarness"/>.
/// Most cases run in-process through the library stages (fast); a few run through the whole CLI with render and
/// report. Set <c>LINKAGE_FUZZ_CASES</c> to run more cases, <c>LINKAGE_FUZZ_SEED</c> to replay one seed, and
/// <c>LINKAGE_FUZZ_SAVE</c> to a folder to keep the inputs of failing cases there (for the corpus).
/// </summary>
[TestClass]
public sealed class FuzzTests
{
    /// <summary>In-process cases per run; seeds FirstSeed … FirstSeed + cases − 1.</summary>
    private const int DefaultCases = 500;

    /// <summary>Full CLI cases per run; seeds FirstCliSeed onwards.</summary>
    private const int DefaultCliCases = 16;

    private const int FirstSeed = 1;

    private const int FirstCliSeed = 100_001;

    /// <summary>A case that takes longer than this is reported as a hang.</summary>
    private static readonly TimeSpan CaseTimeout = TimeSpan.FromSeconds(60);

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void Fuzzed_submissions_keep_the_invariants_through_the_library_stages()
    {
        var (seeds, replay) = Seeds(FirstSeed, DefaultCases);
        using var tmp = new TempDir();
        var failures = new List<string>();
        var applied = new Dictionary<Mutation, int>();
        var exits = new int[4];
        var verbose = Environment.GetEnvironmentVariable("LINKAGE_FUZZ_VERBOSE") == "1";
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < seeds.Count; i++)
        {
            var started = clock.ElapsedMilliseconds;
            var fuzz = FuzzMutator.Generate(seeds[i]);
            foreach (var m in fuzz.Mutations.Distinct())
            {
                applied[m] = applied.GetValueOrDefault(m) + 1;
            }

            var path = tmp.File(string.Create(Inv, $"case-{fuzz.Seed}{fuzz.Extension}"));
            File.WriteAllBytes(path, fuzz.Bytes);
            var outcome = WithTimeout(() => FuzzHarness.RunInProcess(path, Path.GetFileName(path)), fuzz);
            File.Delete(path);
            if (verbose)
            {
                var codes = outcome.Files?.SelectMany(f => f.FileProblems).Select(p => p.Code).Distinct() ?? [];
                var rows = outcome.Files?.Sum(f => f.RowsRead) ?? 0;
                TestContext.WriteLine(string.Create(Inv, $"{clock.ElapsedMilliseconds - started,6} ms exit {outcome.ExitCode} rows {rows} [{string.Join(",", codes)}] {fuzz.Describe()}"));
            }

            if (outcome.ExitCode is >= 0 and <= 3)
            {
                exits[outcome.ExitCode]++;
            }

            if (outcome.Violations.Count > 0)
            {
                failures.Add(Failure(fuzz, i, outcome.Violations));
            }
        }

        clock.Stop();
        TestContext.WriteLine(string.Create(Inv, $"{seeds.Count} in-process fuzz cases in {clock.ElapsedMilliseconds} ms ({(double)clock.ElapsedMilliseconds / seeds.Count:0.0} ms each); exit codes 0: {exits[0]}, 1: {exits[1]}, 3: {exits[3]}"));
        TestContext.WriteLine("mutations applied: " + string.Join(", ", applied.OrderBy(a => a.Key).Select(a => string.Create(Inv, $"{a.Key} {a.Value}"))));
        Assert.IsEmpty(failures, $"{failures.Count} of {seeds.Count} fuzz cases broke an invariant (replay one with LINKAGE_FUZZ_SEED):{Environment.NewLine}{string.Join(Environment.NewLine, failures.Take(15))}");
        if (!replay)
        {
            var missing = Enum.GetValues<Mutation>().Where(m => applied.GetValueOrDefault(m) == 0).ToList();
            Assert.IsEmpty(missing, "the generator never applied: " + string.Join(", ", missing));
            Assert.IsGreaterThan(0, exits[0], "no fuzz case ran clean (exit 0): the mutations leave nothing valid to compare with");
            Assert.IsGreaterThan(0, exits[3], "no fuzz case made an unusable run (exit 3)");
        }
    }

    [TestMethod]
    public void Fuzzed_submissions_keep_the_invariants_through_the_whole_cli()
    {
        var (seeds, _) = Seeds(FirstCliSeed, DefaultCliCases, scale: 32);
        using var tmp = new TempDir();
        var failures = new List<string>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < seeds.Count; i++)
        {
            var fuzz = FuzzMutator.Generate(seeds[i]);
            var path = tmp.File(string.Create(Inv, $"case-{fuzz.Seed}{fuzz.Extension}"));
            File.WriteAllBytes(path, fuzz.Bytes);
            var expected = WithTimeout(() => FuzzHarness.RunInProcess(path, path.Replace('\\', '/')), fuzz);
            var outDir = tmp.File(string.Create(Inv, $"out-{fuzz.Seed}"));
            var violations = expected.Violations.Concat(WithTimeout(() => FuzzHarness.RunCli(path, outDir, expected.ExitCode), fuzz)).ToList();
            if (violations.Count > 0)
            {
                failures.Add(Failure(fuzz, i, violations));
            }

            File.Delete(path);
            Directory.Delete(outDir, recursive: true);
        }

        clock.Stop();
        TestContext.WriteLine(string.Create(Inv, $"{seeds.Count} full CLI fuzz cases in {clock.ElapsedMilliseconds} ms ({(double)clock.ElapsedMilliseconds / seeds.Count:0} ms each)"));
        Assert.IsEmpty(failures, $"{failures.Count} of {seeds.Count} CLI fuzz cases broke an invariant (replay one with LINKAGE_FUZZ_SEED):{Environment.NewLine}{string.Join(Environment.NewLine, failures)}");
    }

    [TestMethod]
    public void Mutator_gives_the_same_bytes_for_a_seed()
    {
        for (var seed = FirstSeed; seed < FirstSeed + 30; seed++)
        {
            var (a, b) = (FuzzMutator.Generate(seed), FuzzMutator.Generate(seed));
            Assert.AreEqual(a.Describe(), b.Describe(), $"seed {seed}");
            CollectionAssert.AreEqual(a.Bytes, b.Bytes, $"seed {seed}");
        }
    }

    [TestMethod]
    public void Unmutated_submissions_pass_the_invariants_and_run_clean()
    {
        // The harness must not fail good input: each sample file, as written by linkage sample, gives exit 0.
        foreach (var name in new[] { "01-wide-en.csv", "02-wide-de.csv", "03-long-fr.csv", "04-long-it.xlsx", "05-records-es.txt", "06-sdmx-v1.csv", "07-sdmx-v2.csv", "08-wide-ru.csv" })
        {
            var outcome = FuzzHarness.RunInProcess(Path.Combine(Cli.SampleData, name), name);
            Assert.IsEmpty(outcome.Violations, name + ": " + string.Join("; ", outcome.Violations));
            Assert.AreEqual(0, outcome.ExitCode, name);
            Assert.IsGreaterThan(0L, outcome.Files!.Single().RowsAccepted, name);
        }
    }

    /// <summary>The seeds to run: one replayed seed, or <paramref name="cases"/> from <paramref name="first"/> (LINKAGE_FUZZ_CASES scales them).</summary>
    private static (List<int> Seeds, bool Replay) Seeds(int first, int cases, int scale = 1)
    {
        if (int.TryParse(Environment.GetEnvironmentVariable("LINKAGE_FUZZ_SEED"), NumberStyles.Integer, Inv, out var one))
        {
            return ([one], true);
        }

        if (int.TryParse(Environment.GetEnvironmentVariable("LINKAGE_FUZZ_CASES"), NumberStyles.Integer, Inv, out var n) && n > 0)
        {
            cases = Math.Max(cases, n / scale);
        }

        return ([.. Enumerable.Range(first, cases)], false);
    }

    private static T WithTimeout<T>(Func<T> action, FuzzCase fuzz)
    {
        var task = Task.Run(action);
        if (!task.Wait(CaseTimeout))
        {
            Assert.Fail($"{fuzz.Describe()} did not finish within {CaseTimeout.TotalSeconds.ToString(Inv)} s (replay with LINKAGE_FUZZ_SEED={fuzz.Seed.ToString(Inv)}).");
        }

        return task.Result;
    }

    private static string Failure(FuzzCase fuzz, int index, IEnumerable<string> violations)
    {
        if (Environment.GetEnvironmentVariable("LINKAGE_FUZZ_SAVE") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, string.Create(Inv, $"seed-{fuzz.Seed}{fuzz.Extension}")), fuzz.Bytes);
        }

        var text = new StringBuilder();
        text.Append(Inv, $"case {index}, LINKAGE_FUZZ_SEED={fuzz.Seed}: {fuzz.Describe()}");
        foreach (var v in violations)
        {
            text.Append(Environment.NewLine).Append("    - ").Append(v);
        }

        return text.ToString();
    }
}
