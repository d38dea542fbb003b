using System.Runtime.CompilerServices;

using Linkage.Model;
using Linkage.Recognise;

using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms;
using Microsoft.ML.Transforms.Text;

namespace Linkage.Suggest;

/// <summary>
/// Suggests what a label the vocabulary does not know probably means: a multiclass maximum-entropy model
/// (ML.NET <c>SdcaMaximumEntropy</c>) over character and word n-grams of the folded label, trained on the
/// vocabulary's own labels for one target (built-in names plus the config's aliases). Training is deterministic:
/// a fixed seed, one thread, examples in ordinal order.
/// </summary>
public sealed class LabelSuggester
{
    /// <summary>The seed of every <see cref="MLContext"/>; fixed so that training gives the same model every time.</summary>
    internal const int Seed = 20231;

    private static readonly ConditionalWeakTable<Vocabulary, Lazy<LabelSuggester>[]> Cache = [];

    private readonly PredictionEngine<SuggestInput, SuggestOutput> _engine;
    private readonly string[] _slotClasses;
    private readonly Lock _gate = new();

    private LabelSuggester(PredictionEngine<SuggestInput, SuggestOutput> engine, string[] slotClasses)
    {
        _engine = engine;
        _slotClasses = slotClasses;
        Classes = [.. slotClasses.Order(StringComparer.Ordinal)];
    }

    /// <summary>The canonical classes the model can suggest, in ordinal order.</summary>
    public IReadOnlyList<string> Classes { get; }

    /// <summary>
    /// The suggester for <paramref name="target"/> trained on <paramref name="vocabulary"/>. Deterministic; trained once
    /// per vocabulary and target in a process (training costs about a second the first time ML.NET loads).
    /// </summary>
    public static LabelSuggester Train(Vocabulary vocabulary, SuggestionTarget target)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        var index = (int)target;
        if (index is < 0 or > 2)
        {
            throw new ArgumentOutOfRangeException(nameof(target), target, "Not a suggestion target.");
        }

        var lazies = Cache.GetValue(vocabulary, v =>
            [.. Enum.GetValues<SuggestionTarget>().Select(t => new Lazy<LabelSuggester>(() => TrainUncached(Examples(v, t))))]);
        return lazies[index].Value;
    }

    /// <summary>Suggests the canonical class of <paramref name="label"/>, with the runner-up.</summary>
    public Suggestion Suggest(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        float[] scores;
        lock (_gate)
        {
            scores = _engine.Predict(new SuggestInput { Text = SuggestFold.Fold(label) }).Score;
        }

        // Highest probability first; ties go to the ordinally first class, so the answer never depends on slot order.
        var ranked = Enumerable.Range(0, _slotClasses.Length)
            .OrderByDescending(i => scores[i])
            .ThenBy(i => _slotClasses[i], StringComparer.Ordinal)
            .ToList();
        var best = ranked[0];
        return ranked.Count > 1
            ? new Suggestion(label, _slotClasses[best], scores[best], _slotClasses[ranked[1]], scores[ranked[1]])
            : new Suggestion(label, _slotClasses[best], scores[best], null, 0);
    }

    /// <summary>The training examples of <paramref name="target"/>: (folded label, canonical class).</summary>
    internal static IReadOnlyList<(string Label, string Canonical)> Examples(Vocabulary vocabulary, SuggestionTarget target) => target switch
    {
        SuggestionTarget.Linkage => [.. vocabulary.ExampleLinkage.Select(kv => (kv.Key, LinkageKey(kv.Value)))],
        SuggestionTarget.Measure => [.. vocabulary.ExampleMeasures.Select(kv => (kv.Key, Codes.Of(kv.Value)))],
        SuggestionTarget.Column => [.. vocabulary.ExampleColumns.Select(kv => (kv.Key, Vocabulary.RoleKey(kv.Value)))],
        _ => throw new ArgumentOutOfRangeException(nameof(target), target, "Not a suggestion target."),
    };

    /// <summary>
    /// The answer "none of these: outside the publication". The model itself always names its least unlikely
    /// category; <see cref="MappingReview"/> answers this instead when the label's own words or a country's name
    /// say it is no linkage label (a trained "none" class was tried: its examples, other indicators' and breakdowns'
    /// words, pulled real variants into it and cut top-1 accuracy on unseen variants from 0.94 to 0.71).
    /// </summary>
    public const string None = "none";


    /// <summary>Trains a fresh model on <paramref name="examples"/> (labels as written or folded), bypassing the cache.</summary>
    internal static LabelSuggester TrainUncached(IEnumerable<(string Label, string Canonical)> examples, SuggesterSettings? settings = null)
    {
        settings ??= SuggesterSettings.Default;
        var rows = examples
            .Select(e => new SuggestInput { Text = SuggestFold.Fold(e.Label), Label = e.Canonical })
            .Where(r => r.Text.Length > 0)
            .DistinctBy(r => (r.Text, r.Label))
            .OrderBy(r => r.Label, StringComparer.Ordinal)
            .ThenBy(r => r.Text, StringComparer.Ordinal)
            .ToList();
        if (rows.Select(r => r.Label).Distinct(StringComparer.Ordinal).Count() < 2)
        {
            throw new ArgumentException("A suggester needs labels of at least two classes.", nameof(examples));
        }

        var ml = new MLContext(seed: Seed);
        var data = ml.Data.LoadFromEnumerable(rows);
        var featurize = new TextFeaturizingEstimator.Options
        {
            CaseMode = TextNormalizingEstimator.CaseMode.None,
            KeepDiacritics = true,
            KeepNumbers = true,
            KeepPunctuations = true,
            StopWordsRemoverOptions = null,
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = settings.WordNgrams, UseAllLengths = true },
            CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = settings.CharNgrams, UseAllLengths = true },
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        };
        var trainer = new SdcaMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = "Key",
            FeatureColumnName = "Features",
            NumberOfThreads = 1,
            Shuffle = false,
            MaximumNumberOfIterations = settings.Iterations,
            L2Regularization = settings.L2,
        };
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Key", nameof(SuggestInput.Label), keyOrdinality: ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
            .Append(ml.Transforms.Text.FeaturizeText("Features", featurize, nameof(SuggestInput.Text)))
            .AppendCacheCheckpoint(ml)
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(trainer));
        var model = pipeline.Fit(data);

        var slotNames = default(VBuffer<ReadOnlyMemory<char>>);
        model.GetOutputSchema(data.Schema)["Score"].GetSlotNames(ref slotNames);
        var classes = slotNames.DenseValues().Select(n => n.ToString()).ToArray();
        var engine = ml.Model.CreatePredictionEngine<SuggestInput, SuggestOutput>(model);
        return new LabelSuggester(engine, classes);
    }

    private static string LinkageKey(LinkageLabel label) => label.Category is { } category ? Codes.Of(category) : "total";
}

/// <summary>
/// The model's settings, chosen by measuring leave-one-language-out accuracy over a grid (character n-grams up to 3, 4, 5;
/// word n-grams up to 1, 2; L2 from 1e-5 to 1e-2 or SDCA's own choice): the grid's differences were one or two labels
/// except for L2 of 1e-3 and more, which lost up to 0.35 on the unseen variants. 50 passes instead of 200 lost 0.016 of
/// leave-one-language-out accuracy and halved training time (the column model from about 2 s to 0.5 s).
/// </summary>
/// <param name="CharNgrams">Character n-grams of length 1 … this.</param>
/// <param name="WordNgrams">Word n-grams of length 1 … this.</param>
/// <param name="Iterations">Most passes of SDCA over the data.</param>
/// <param name="L2">L2 regularisation; null lets SDCA choose it from the data.</param>
internal sealed record SuggesterSettings(int CharNgrams, int WordNgrams, int Iterations, float? L2)
{
    public static SuggesterSettings Default { get; } = new(CharNgrams: 4, WordNgrams: 2, Iterations: 50, L2: 1e-5f);
}

/// <summary>One row the model reads: the folded label and, in training, its class.</summary>
internal sealed class SuggestInput
{
    public string Text { get; set; } = string.Empty;

    public string Label { get; set; } = string.Empty;
}

/// <summary>The model's probabilities, one per class in key (ordinal) order.</summary>
internal sealed class SuggestOutput
{
    public float[] Score { get; set; } = [];
}
