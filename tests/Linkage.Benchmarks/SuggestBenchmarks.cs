using BenchmarkDotNet.Attributes;

using Linkage.Recognise;
using Linkage.Suggest;

namespace Linkage.Benchmarks;

/// <summary>
/// The label-suggestion model: training on the built-in vocabulary per target (what a run pays once when it has a label
/// to suggest for), and suggesting 100 unseen labels with a trained model. Training bypasses the per-vocabulary cache.
/// Run: <c>dotnet run -c Release --project tests/Linkage.Benchmarks -- --filter '*Suggest*' --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class SuggestBenchmarks
{
    private static readonly string[] Unseen =
    [
        "trafficked accross borders", "int'l", "межд.", "innerstaatlich gehandelt", "tráfico interno", "nicht gehandelt worden",
        "unkown", "statut inconnu", "sconosciuti", "нeизвестен", "overall total", "Gesamtsumme", "childs", "nb d'enfants",
        "Kindern", "детей", "investigatons", "enquête pénale", "n. procedimenti", "уголовное дело",
    ];

    private IReadOnlyList<(string Label, string Canonical)> _examples = [];
    private LabelSuggester _suggester = null!;
    private string[] _labels = [];

    [Params(SuggestionTarget.Linkage, SuggestionTarget.Measure, SuggestionTarget.Column)]
    public SuggestionTarget Target { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _examples = LabelSuggester.Examples(Vocabulary.BuiltIn, Target);
        _suggester = LabelSuggester.TrainUncached(_examples);
        _labels = [.. Enumerable.Range(0, 100).Select(i => Unseen[i % Unseen.Length] + (i < Unseen.Length ? string.Empty : " " + (i / Unseen.Length)))];
    }

    [Benchmark]
    public int Train() => LabelSuggester.TrainUncached(_examples).Classes.Count;

    [Benchmark]
    public double Suggest100()
    {
        var sum = 0.0;
        foreach (var label in _labels)
        {
            sum += _suggester.Suggest(label).Confidence;
        }

        return sum;
    }
}
