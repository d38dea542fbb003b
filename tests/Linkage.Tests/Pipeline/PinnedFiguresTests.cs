using Linkage.Pipeline;
using Linkage.Read;
using Linkage.Tests.TestSupport;

using static Linkage.Tests.Pipeline.PipelineTestKit;

namespace Linkage.Tests.Pipeline;

/// <summary>
/// Every figure that <c>sample-data/</c> and the real UN SDG file give today, pinned (<c>Data/pinned/</c>, written from
/// the CLI's <c>internal/observations.csv</c> on 2026-12-07): a change to recognition that alters any of them fails here,
/// and the pinned file is rewritten only on purpose, with the reason in the commit.
/// </summary>
[TestClass]
public sealed class PinnedFiguresTests
{
    private static string RepoRoot() => Repository.Root;

    private static string[] Pinned(string name) => File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", "pinned", name));

    [TestMethod]
    public void Sample_data_gives_exactly_the_pinned_observations()
    {
        var folder = Path.Combine(RepoRoot(), "sample-data");
        var inputs = Directory.GetFiles(folder).Where(f => !f.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .Select(f => new InputFile(f, "sample-data/" + Path.GetFileName(f))).ToList();

        var result = PipelineRunner.Run(inputs, DefaultContext(), new PipelineOptions());

        CollectionAssert.AreEqual(Pinned("sample-data.observations.txt"), Show(result.Observations));
    }

    [TestMethod]
    public void The_real_sdg_file_gives_exactly_the_pinned_observations()
    {
        var run = RunPath(Path.Combine(AppContext.BaseDirectory, "Data", "real", "un-sdg-vc-htf-detv.ddf.csv"), "sdg.csv");

        CollectionAssert.AreEqual(Pinned("un-sdg-ddf.observations.txt"), Show(run.Observations));
    }
}
