using System.Globalization;
using System.Text;

using Linkage.Recognise;
using Linkage.Suggest;

namespace Linkage.Tests.Suggest;

/// <summary>
/// Calibration of <c>--accept-suggestions</c> at its documented threshold, 0.9: over the unseen in-domain variants
/// (<c>unseen-variants.tsv</c>) and labels outside the publication (<c>out-of-domain.tsv</c>: other indicators, ages,
/// sexes, forms of exploitation, citizenship words, countries, rates), the mappings it would apply are right at least
/// 99 % of the time, and none of the out-of-domain labels is mapped.
/// </summary>
[TestClass]
public sealed class SuggestionCalibrationTests
{
    private static readonly IFormatProvider Inv = CultureInfo.InvariantCulture;

    /// <summary>The threshold the README documents for <c>--accept-suggestions</c> given without a value.</summary>
    private const double Threshold = 0.9;

    public TestContext TestContext { get; set; } = null!;

    // Measured on 2026-12-07: see the report this test writes (TestContext); the floors are the issue's.
    [TestMethod]
    public void Accepting_at_the_documented_threshold_is_right_at_least_99_percent_and_never_maps_an_out_of_domain_label()
    {
        var examples = SuggestData.UnseenVariants.Where(e => e.Target != SuggestionTarget.Column).Concat(SuggestData.OutOfDomain).ToList();
        var scored = examples.Select(e => (Example: e, Suggestion: MappingReview.Suggest(Vocabulary.BuiltIn, e.Target, e.Label))).ToList();
        static bool Applied((LabelledExample Example, Suggestion Suggestion) s) => s.Suggestion.Confidence >= Threshold && s.Suggestion.Canonical != LabelSuggester.None;

        var applied = scored.Where(Applied).ToList();
        var right = applied.Count(s => s.Suggestion.Canonical == s.Example.Canonical);
        var inDomain = scored.Count(s => s.Example.Canonical != LabelSuggester.None);
        var outApplied = applied.Where(s => s.Example.Canonical == LabelSuggester.None).ToList();
        var outAnsweredNone = scored.Count(s => s.Example.Canonical == LabelSuggester.None && s.Suggestion.Canonical == LabelSuggester.None);

        var report = new StringBuilder();
        report.Append(Inv, $"At {Threshold:0.00}: {applied.Count} applied of {scored.Count} labels, {right} right, precision {(applied.Count == 0 ? 1 : (double)right / applied.Count):0.000}; ");
        report.Append(Inv, $"coverage of the {inDomain} in-domain labels {(double)applied.Count(s => s.Example.Canonical != LabelSuggester.None) / inDomain:0.000}; ");
        report.Append(Inv, $"{outAnsweredNone} of {scored.Count - inDomain} out-of-domain labels answered 'none', {outApplied.Count} applied.\n\n");
        foreach (var target in new[] { SuggestionTarget.Linkage, SuggestionTarget.Measure })
        {
            var ofTarget = scored.Where(s => s.Example.Target == target).ToList();
            var classes = ofTarget.Select(s => s.Example.Canonical).Concat(ofTarget.Select(s => s.Suggestion.Canonical)).Distinct().Order(StringComparer.Ordinal).ToList();
            report.Append(Inv, $"{target}, every suggestion (applied or not):\n\n").Append(SuggestData.ConfusionTable(classes, ofTarget.Select(s => (s.Example.Canonical, s.Suggestion.Canonical)))).Append('\n');
            report.Append(Inv, $"{target}, applied at {Threshold:0.00} (unapplied as 'none'):\n\n").Append(SuggestData.ConfusionTable(classes, ofTarget.Select(s => (s.Example.Canonical, Applied(s) ? s.Suggestion.Canonical : LabelSuggester.None)))).Append('\n');
        }

        foreach (var s in applied.Where(s => s.Suggestion.Canonical != s.Example.Canonical))
        {
            report.Append(Inv, $"- wrong: {s.Example.Language} `{s.Example.Label}`: {s.Example.Canonical} → {s.Suggestion.Canonical} ({s.Suggestion.Confidence:0.00})\n");
        }

        TestContext.WriteLine(report.ToString());

        Assert.IsEmpty(outApplied, "out-of-domain labels mapped: " + string.Join(", ", outApplied.Select(s => s.Example.Label)));
        Assert.IsGreaterThanOrEqualTo(0.99, applied.Count == 0 ? 1 : (double)right / applied.Count, report.ToString());
        Assert.IsNotEmpty(applied, "a threshold that applies nothing is no calibration");
    }

    [TestMethod]
    [DataRow("Nationals")]
    [DataRow("Nacionales")]
    [DataRow("Persons prosecuted")]
    [DataRow("Adult")]
    [DataRow("Forced labour")]
    [DataRow("Albania")]
    [DataRow("Albanians")]
    public void A_label_whose_words_are_about_something_else_is_answered_none_whatever_the_model_guesses(string label)
    {
        var suggestion = MappingReview.Suggest(Vocabulary.BuiltIn, SuggestionTarget.Linkage, label);

        Assert.AreEqual(LabelSuggester.None, suggestion.Canonical);
        Assert.IsNotNull(suggestion.Why);
    }
}
