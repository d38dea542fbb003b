using System.Globalization;
using System.Text;

using Linkage.Config;
using Linkage.Recognise;
using Linkage.Suggest;
using Linkage.Tests.TestSupport;

namespace Linkage.Tests.Suggest;

/// <summary>
/// How well the suggestion model generalises: leave one language out, and variants written for the test. The bars are
/// the measured figures rounded down (the model is deterministic, so a drop means the model or the data changed).
/// </summary>
[TestClass]
public sealed class LabelSuggesterEvaluationTests
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void Labels_by_language_are_exactly_the_builtin_linkage_and_measure_labels()
    {
        // The codes (vocabulary.json) and the example phrases (examples.json) are what the model learns from.
        var codes = ConfigLoader.LoadEmbedded<LinkageConfig>("vocabulary.json");
        var examples = ConfigLoader.LoadEmbedded<LinkageConfig>("examples.json");
        foreach (var (target, sections) in new[] { (SuggestionTarget.Linkage, new[] { codes.Linkage, examples.Linkage }), (SuggestionTarget.Measure, [codes.Measure, examples.Measure]) })
        {
            var expected = sections.SelectMany(section => section.SelectMany(kv => kv.Value.Select(name => name + "\t" + kv.Key))).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var tagged = SuggestData.LabelsByLanguage.Where(e => e.Target == target).Select(e => e.Label + "\t" + e.Canonical).Order(StringComparer.Ordinal).ToList();
            CollectionAssert.AreEqual(expected, tagged, $"labels-by-language.tsv must list every {target} label of vocabulary.json and examples.json once");
        }

        CollectionAssert.IsSubsetOf(SuggestData.LabelsByLanguage.Select(e => e.Language).Distinct().ToList(), SuggestData.Languages);
    }

    // Measured with SuggesterSettings.Default (1-4 character and 1-2 word n-grams, L2 1e-5, 50 SDCA passes), top-1 accuracy
    // per held-out language (the model trained on the other languages' labels):
    //   linkage (5 classes): en 35/63 = 0.556  fr 25/39 = 0.641  de 17/35 = 0.486  it 22/31 = 0.710  ru 14/37 = 0.378
    //                        es 21/30 = 0.700  code 3/8 = 0.375  all 137/243 = 0.564
    //   measure (2 classes): en 29/33 = 0.879  fr 20/24 = 0.833  de 11/20 = 0.550  it 15/20 = 0.750  ru 11/23 = 0.478
    //                        es 14/21 = 0.667  code 0/1  all 100/142 = 0.704
    // Russian is the only Cyrillic language, so held out it shares no character n-gram with the training labels: its
    // figure is chance, which is why the model must be trained on every language it is to suggest for. Codes (INTL, _T,
    // NT, INV) are arbitrary abbreviations that no other label predicts. The bars are the figures rounded down to 0.05.
    [TestMethod]
    [DataRow(SuggestionTarget.Linkage, "en=0.55 fr=0.60 de=0.45 it=0.70 ru=0.35 es=0.70 code=0.35 all=0.55")]
    [DataRow(SuggestionTarget.Measure, "en=0.85 fr=0.80 de=0.55 it=0.75 ru=0.45 es=0.65 code=0.00 all=0.70")]
    public void Leave_one_language_out_predicts_each_language_from_the_other_five(SuggestionTarget target, string bars)
    {
        var scored = SuggestEvaluation.LeaveOneLanguageOut(target);
        var classes = LabelSuggester.Examples(Vocabulary.BuiltIn, target).Select(e => e.Canonical).Distinct().Order(StringComparer.Ordinal).ToList();

        var report = new StringBuilder();
        report.Append(Inv, $"Leave one language out, {target}: {scored.Count} labels, top-1 accuracy {SuggestEvaluation.Accuracy(scored):0.000}\n\n");
        report.Append("| held out | labels | correct | top-1 accuracy |\n| --- | ---: | ---: | ---: |\n");
        var measured = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var language in SuggestData.Languages)
        {
            var group = scored.Where(s => s.Example.Language == language).ToList();
            measured[language] = SuggestEvaluation.Accuracy(group);
            report.Append(Inv, $"| {language} | {group.Count} | {group.Count(s => s.Correct)} | {measured[language]:0.000} |\n");
        }

        measured["all"] = SuggestEvaluation.Accuracy(scored);
        report.Append('\n').Append(SuggestData.ConfusionTable(classes, scored.Select(s => (s.Example.Canonical, s.Suggestion.Canonical))));
        report.Append("\nWrong suggestions:\n\n");
        foreach (var s in scored.Where(s => !s.Correct))
        {
            report.Append(Inv, $"- {s.Example.Language} `{s.Example.Label}`: {s.Example.Canonical} → {s.Suggestion.Canonical} ({s.Suggestion.Confidence:0.00})\n");
        }

        TestContext.WriteLine(report.ToString());
        SuggestData.WriteSection($"Leave one language out: {target}", report.ToString());

        foreach (var bar in bars.Split(' '))
        {
            var (language, min) = (bar.Split('=')[0], double.Parse(bar.Split('=')[1], Inv));
            Assert.IsGreaterThanOrEqualTo(min, measured[language], $"{target}, {language} held out: top-1 accuracy {measured[language]:0.000} fell below the measured bar {min}");
        }
    }

    [TestMethod]
    public void Unseen_variants_are_not_in_the_vocabulary_and_cover_six_languages_and_every_class()
    {
        var vocabulary = Vocabulary.BuiltIn;
        var known = vocabulary.ExampleColumns.Keys.Concat(vocabulary.ExampleLinkage.Keys).Concat(vocabulary.ExampleMeasures.Keys).ToHashSet(StringComparer.Ordinal);
        var variants = SuggestData.UnseenVariants;
        Assert.IsGreaterThanOrEqualTo(60, variants.Count);
        foreach (var v in variants)
        {
            Assert.DoesNotContain(TextFold.Fold(v.Label), known, $"'{v.Label}' folds to a name vocabulary.json already knows; it is no unseen variant");
            Assert.DoesNotContain(SuggestFold.Fold(v.Label), known, $"'{v.Label}' is a known name once its look-alike letters are folded");
        }

        Assert.AreEqual(variants.Count, variants.Select(v => SuggestFold.Fold(v.Label)).Distinct().Count(), "variants repeat");
        foreach (var language in SuggestData.Languages.Where(l => l != "code"))
        {
            Assert.IsGreaterThanOrEqualTo(10, variants.Count(v => v.Language == language), $"too few {language} variants");
        }

        foreach (var target in new[] { SuggestionTarget.Linkage, SuggestionTarget.Measure })
        {
            var classes = LabelSuggester.Examples(vocabulary, target).Select(e => e.Canonical).Distinct().ToList();
            CollectionAssert.AreEquivalent(classes, variants.Where(v => v.Target == target).Select(v => v.Canonical).Distinct().ToList());
        }

        string[] kinds = ["typo", "abbreviation", "inflected", "mixed script", "word order"];
        foreach (var kind in kinds)
        {
            Assert.IsGreaterThanOrEqualTo(3, variants.Count(v => v.Kind == kind), $"too few '{kind}' variants");
        }

        // The mixed-script variants really mix scripts (a Latin letter in a Cyrillic word).
        Assert.IsTrue(variants.Where(v => v.Kind == "mixed script").All(v => v.Label.Any(c => c is >= 'a' and <= 'z') && v.Label.Any(c => c is >= '\u0400' and <= '\u04FF')));
    }

    // Measured: 98 of 104 correct, top-1 0.942 (linkage 69/75 = 0.920, measure 29/29); mean confidence 0.84, 0.85 on the
    // right suggestions and 0.63 on the wrong ones. The issue asks for 0.85; the bar is the measured 0.94.
    [TestMethod]
    public void Unseen_variants_are_mapped_with_top1_accuracy_of_at_least_085()
    {
        var scored = SuggestEvaluation.UnseenVariants();
        var accuracy = SuggestEvaluation.Accuracy(scored);

        var report = new StringBuilder();
        report.Append(Inv, $"Unseen variants: {scored.Count} labels, {scored.Count(s => s.Correct)} correct, top-1 accuracy {accuracy:0.000}; ");
        report.Append(Inv, $"mean confidence {scored.Average(s => s.Suggestion.Confidence):0.00} (right {Mean(scored.Where(s => s.Correct)):0.00}, wrong {Mean(scored.Where(s => !s.Correct)):0.00})\n\n");
        report.Append("| group | labels | correct | top-1 accuracy |\n| --- | ---: | ---: | ---: |\n");
        foreach (var group in scored.GroupBy(s => s.Example.Target.ToString()).Concat(scored.GroupBy(s => s.Example.Language)).Concat(scored.GroupBy(s => s.Example.Kind)))
        {
            report.Append(Inv, $"| {group.Key} | {group.Count()} | {group.Count(s => s.Correct)} | {SuggestEvaluation.Accuracy(group):0.000} |\n");
        }

        foreach (var target in new[] { SuggestionTarget.Linkage, SuggestionTarget.Measure })
        {
            var ofTarget = scored.Where(s => s.Example.Target == target).ToList();
            var classes = LabelSuggester.Examples(Vocabulary.BuiltIn, target).Select(e => e.Canonical).Distinct().Order(StringComparer.Ordinal).ToList();
            report.Append(Inv, $"\n{target}:\n\n").Append(SuggestData.ConfusionTable(classes, ofTarget.Select(s => (s.Example.Canonical, s.Suggestion.Canonical))));
        }

        report.Append("\nWrong suggestions:\n\n");
        foreach (var s in scored.Where(s => !s.Correct))
        {
            report.Append(Inv, $"- {s.Example.Language} {s.Example.Kind} `{s.Example.Label}`: {s.Example.Canonical} → {s.Suggestion.Canonical} ({s.Suggestion.Confidence:0.00}; runner-up {s.Suggestion.RunnerUp} {s.Suggestion.RunnerUpConfidence:0.00})\n");
        }

        TestContext.WriteLine(report.ToString());
        SuggestData.WriteSection("Unseen variants", report.ToString());

        Assert.IsGreaterThanOrEqualTo(0.85, accuracy, "the issue requires top-1 accuracy of at least 0.85 on unseen variants");
        Assert.IsGreaterThanOrEqualTo(0.94, accuracy, $"top-1 accuracy {accuracy:0.000} fell below the measured 0.94");

        // Confidence means something: the wrong suggestions are on average less sure than the right ones.
        Assert.IsLessThan(Mean(scored.Where(s => s.Correct)), Mean(scored.Where(s => !s.Correct)));
    }

    [TestMethod]
    public void Unseen_variants_are_mapped_the_same_under_tr_TR()
    {
        var invariant = SuggestEvaluation.UnseenVariants();
        List<Scored> turkish;
        using (new CultureScope("tr-TR"))
        {
            turkish = SuggestEvaluation.UnseenVariants();
        }

        Assert.AreEqual(invariant.Count, turkish.Count);
        for (var i = 0; i < invariant.Count; i++)
        {
            Assert.AreEqual(invariant[i].Suggestion, turkish[i].Suggestion, $"'{invariant[i].Example.Label}' differs under tr-TR");
        }
    }

    private static double Mean(IEnumerable<Scored> scored)
    {
        var list = scored.ToList();
        return list.Count == 0 ? double.NaN : list.Average(s => s.Suggestion.Confidence);
    }
}
