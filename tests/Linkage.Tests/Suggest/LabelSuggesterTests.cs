using Linkage.Config;
using Linkage.Recognise;
using Linkage.Suggest;
using Linkage.Tests.TestSupport;

namespace Linkage.Tests.Suggest;

[TestClass]
public sealed class LabelSuggesterTests
{
    private static IEnumerable<string> Probes(SuggestionTarget target) =>
        SuggestData.UnseenVariants.Where(v => v.Target == target).Select(v => v.Label)
            .Concat(["", "???", "İç ticaret", "INTL", "2024", "ıııı", "state / area", "grand total"]);

    [TestMethod]
    [DataRow(SuggestionTarget.Linkage)]
    [DataRow(SuggestionTarget.Measure)]
    [DataRow(SuggestionTarget.Column)]
    public void Training_twice_gives_the_same_suggestions_and_confidences_to_the_last_bit(SuggestionTarget target)
    {
        var examples = LabelSuggester.Examples(Vocabulary.BuiltIn, target);
        var first = LabelSuggester.TrainUncached(examples);

        // The second training differs in everything that must not matter: a new MLContext, the examples in reverse
        // order, and tr-TR as the current culture (whose dotted and dotless i break naive lower-casing).
        LabelSuggester second;
        using (new CultureScope("tr-TR"))
        {
            second = LabelSuggester.TrainUncached(examples.Reverse());
        }

        CollectionAssert.AreEqual(first.Classes.ToList(), second.Classes.ToList());
        foreach (var label in Probes(target))
        {
            var a = first.Suggest(label);
            var b = second.Suggest(label);
            Assert.AreEqual(a.Canonical, b.Canonical, label);
            Assert.AreEqual(a.RunnerUp, b.RunnerUp, label);
            Assert.AreEqual(BitConverter.DoubleToInt64Bits(a.Confidence), BitConverter.DoubleToInt64Bits(b.Confidence), $"'{label}': {a.Confidence:R} vs {b.Confidence:R}");
            Assert.AreEqual(BitConverter.DoubleToInt64Bits(a.RunnerUpConfidence), BitConverter.DoubleToInt64Bits(b.RunnerUpConfidence), label);
        }
    }

    [TestMethod]
    public void Classes_are_the_canonical_codes_of_each_target()
    {
        CollectionAssert.AreEqual(new[] { "internal", "international", "not_trafficked", "total", "unknown" }, LabelSuggester.Train(Vocabulary.BuiltIn, SuggestionTarget.Linkage).Classes.ToList());
        var codes = ConfigLoader.LoadEmbedded<LinkageConfig>("vocabulary.json");
        var examples = ConfigLoader.LoadEmbedded<LinkageConfig>("examples.json");
        CollectionAssert.AreEqual(codes.Measure.Keys.Union(examples.Measure.Keys).Order(StringComparer.Ordinal).ToList(), LabelSuggester.Train(Vocabulary.BuiltIn, SuggestionTarget.Measure).Classes.ToList());
        CollectionAssert.AreEqual(codes.Columns.Keys.Union(examples.Columns.Keys).Order(StringComparer.Ordinal).ToList(), LabelSuggester.Train(Vocabulary.BuiltIn, SuggestionTarget.Column).Classes.ToList());
    }

    [TestMethod]
    [DataRow(SuggestionTarget.Linkage)]
    [DataRow(SuggestionTarget.Measure)]
    [DataRow(SuggestionTarget.Column)]
    public void A_suggestion_is_the_most_probable_class_and_the_runner_up_the_second(SuggestionTarget target)
    {
        var suggester = LabelSuggester.Train(Vocabulary.BuiltIn, target);
        foreach (var label in Probes(target))
        {
            var s = suggester.Suggest(label);
            Assert.AreEqual(label, s.Label);
            Assert.Contains(s.Canonical, suggester.Classes);
            Assert.IsNotNull(s.RunnerUp);
            Assert.Contains(s.RunnerUp, suggester.Classes);
            Assert.AreNotEqual(s.Canonical, s.RunnerUp);
            Assert.IsGreaterThanOrEqualTo(s.RunnerUpConfidence, s.Confidence, label);
            Assert.IsGreaterThanOrEqualTo(1.0 / suggester.Classes.Count - 1e-6, s.Confidence, $"'{label}': the top class of a probability distribution has at least 1/n");
            Assert.IsLessThanOrEqualTo(1.0 + 1e-6, s.Confidence + s.RunnerUpConfidence, label);
            Assert.IsTrue(double.IsFinite(s.Confidence) && s.RunnerUpConfidence >= 0, label);
        }
    }

    [TestMethod]
    [DataRow(SuggestionTarget.Linkage)]
    [DataRow(SuggestionTarget.Measure)]
    [DataRow(SuggestionTarget.Column)]
    public void Every_training_label_is_suggested_as_its_own_class(SuggestionTarget target)
    {
        var suggester = LabelSuggester.Train(Vocabulary.BuiltIn, target);
        var examples = LabelSuggester.Examples(Vocabulary.BuiltIn, target);
        var wrong = examples.Where(e => suggester.Suggest(e.Label).Canonical != e.Canonical).Select(e => $"{e.Label} ({e.Canonical} → {suggester.Suggest(e.Label).Canonical})").ToList();
        Assert.IsEmpty(wrong, string.Join("; ", wrong));
    }

    [TestMethod]
    public void Train_is_cached_per_vocabulary_and_target()
    {
        var a = LabelSuggester.Train(Vocabulary.BuiltIn, SuggestionTarget.Measure);
        Assert.AreSame(a, LabelSuggester.Train(Vocabulary.BuiltIn, SuggestionTarget.Measure));
        Assert.AreNotSame(a, LabelSuggester.Train(Vocabulary.BuiltIn, SuggestionTarget.Linkage));
        var withConfig = Vocabulary.WithConfig(new LinkageConfig { Measure = { ["investigations"] = ["Aktenzeichen"] } }, out var errors);
        Assert.IsEmpty(errors);
        Assert.AreNotSame(a, LabelSuggester.Train(withConfig, SuggestionTarget.Measure));
    }

    [TestMethod]
    public void Config_aliases_are_learnt()
    {
        // Made-up codes no built-in label resembles: without the config the model cannot know them.
        var config = new LinkageConfig { Linkage = { ["internal"] = ["QZW-1"], ["international"] = ["QZW-2"], ["not_trafficked"] = ["QZW-3"] } };
        var vocabulary = Vocabulary.WithConfig(config, out var errors);
        Assert.IsEmpty(errors);
        var suggester = LabelSuggester.Train(vocabulary, SuggestionTarget.Linkage);
        Assert.AreEqual("internal", suggester.Suggest("qzw 1").Canonical);
        Assert.AreEqual("international", suggester.Suggest("QZW_2").Canonical);
        Assert.AreEqual("not_trafficked", suggester.Suggest("qzw-3.").Canonical);
        Assert.IsTrue(LabelSuggester.Examples(vocabulary, SuggestionTarget.Linkage).Contains(("qzw 1", "internal")));
    }

    [TestMethod]
    public void Training_needs_two_classes()
    {
        Assert.ThrowsExactly<ArgumentException>(() => LabelSuggester.TrainUncached([("a", "x"), ("b", "x")]));
        Assert.ThrowsExactly<ArgumentNullException>(() => LabelSuggester.Train(null!, SuggestionTarget.Linkage));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => LabelSuggester.Train(Vocabulary.BuiltIn, (SuggestionTarget)7));
        Assert.ThrowsExactly<ArgumentNullException>(() => LabelSuggester.Train(Vocabulary.BuiltIn, SuggestionTarget.Measure).Suggest(null!));
    }

    [TestMethod]
    [DataRow("внутрeнний", "внутреннии")]
    [DataRow("ВНУТРEННИЙ", "внутреннии")]
    [DataRow("МEЖДУНАРОДНЫЙ", "международныи")]
    [DataRow("trаfficked", "trafficked")]
    [DataRow("Ausland", "ausland")]
    [DataRow("за границу", "за границу")]
    [DataRow("x-border", "x border")]
    [DataRow("", "")]
    public void SuggestFold_makes_each_word_one_script(string text, string expected)
    {
        Assert.AreEqual(expected, SuggestFold.Fold(text));
        using (new CultureScope("tr-TR"))
        {
            Assert.AreEqual(expected, SuggestFold.Fold(text));
        }
    }
}
