using Linkage.Pipeline;
using Linkage.Problems;
using Linkage.Recognise;
using Linkage.Reconcile;
using Linkage.Suggest;
using Linkage.Tests.Pipeline;

namespace Linkage.Tests.Suggest;

[TestClass]
public sealed class MappingReviewTests
{
    [TestMethod]
    public void A_run_that_recognised_everything_asks_for_no_model_so_trains_none()
    {
        var run = PipelineTestKit.RunText("a.csv", "country,year,measure,internal,international\nAustria,2020,children,3,4\n");
        var result = new PipelineResult([run.Report], run.Observations, [], 0, new Dictionary<string, long>());
        var before = MappingReview.ModelRequests;

        var rows = MappingReview.Build(result, Vocabulary.BuiltIn);

        Assert.IsEmpty(rows);
        Assert.AreEqual(before, MappingReview.ModelRequests);
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

    [TestMethod]
    public void An_unknown_header_of_a_wide_file_may_be_suggested_as_a_linkage_label_and_goes_under_linkage()
    {
        var header = new Problem("unrecognised-column", Severity.Warning, "w.csv", 1, "victims trafficked overseas", null, "x");
        var reject = new Problem("unrecognised-column", Severity.Error, "w.csv", 2, "victims trafficked overseas", "4", "x");
        var wide = new FileReport("w.csv", null, new LayoutPlan(Layout.Wide, "test", [], []), [header], [reject], 1, 1, null);
        var result = new PipelineResult([wide], [], [], 0, new Dictionary<string, long>());

        var row = MappingReview.Build(result, Vocabulary.BuiltIn).Single();

        Assert.AreEqual(SuggestionTarget.Linkage, row.Target);
        Assert.AreEqual("linkage", row.Section);
        Assert.AreEqual("international", row.Suggestion.Canonical);
        Assert.AreEqual(1, row.RowsAffected);
    }

    [TestMethod]
    public void An_unknown_header_of_a_wide_file_that_is_no_linkage_label_keeps_its_column_suggestion()
    {
        // "Female victims" is one sex: as a linkage label it is none, which says nothing about the column it is.
        var header = new Problem("unrecognised-column", Severity.Warning, "w.csv", 1, "Female victims", null, "x");
        var wide = new FileReport("w.csv", null, new LayoutPlan(Layout.Wide, "test", [], []), [header], [], 1, 0, null);
        var result = new PipelineResult([wide], [], [], 0, new Dictionary<string, long>());

        var row = MappingReview.Build(result, Vocabulary.BuiltIn).Single();

        Assert.AreEqual(SuggestionTarget.Column, row.Target);
        Assert.AreNotEqual(LabelSuggester.None, row.Suggestion.Canonical);
    }
}
