using Linkage.Pipeline;
using Linkage.Problems;
using Linkage.Recognise;
using Linkage.Suggest;
using Linkage.Tests.Pipeline;

namespace Linkage.Tests.Suggest;

[TestClass]
public sealed class MappingReviewTests
{
    [TestMethod]
    public void A_run_that_recognised_everything_trains_no_model()
    {
        var run = PipelineTestKit.RunText("a.csv", "country,year,measure,internal,international\nAustria,2020,children,3,4\n");
        var result = new PipelineResult([run.Report], run.Observations, [], 0, new Dictionary<string, long>());
        var before = MappingReview.TrainingCount;

        var rows = MappingReview.Build(result, Vocabulary.BuiltIn);

        Assert.IsEmpty(rows);
        Assert.AreEqual(before, MappingReview.TrainingCount);
    }

    [TestMethod]
    public void Never_suggests_for_a_personal_data_column_even_when_it_reaches_the_review()
    {
        var problem = new Problem("unrecognised-column", Severity.Warning, "a.csv", 1, "Date of birth", null, "x");
        var label = new Problem("unrecognised-label", Severity.Error, "a.csv", 2, "linkage", "trafficked overseas", "x");
        var file = new FileReport("a.csv", null, null, [problem], [label], 1, 1, null);
        var result = new PipelineResult([file], [], [], 0, new Dictionary<string, long>());

        var rows = MappingReview.Build(result, Vocabulary.BuiltIn);

        Assert.HasCount(1, rows);
        Assert.AreEqual("trafficked overseas", rows[0].Label);
    }
}
