using Linkage.Recognise;
using Linkage.Suggest;

namespace Linkage.Tests.Suggest;

/// <summary>One prediction of an evaluation: the example, what the model said, and the group it was scored in.</summary>
internal sealed record Scored(LabelledExample Example, Suggestion Suggestion)
{
    public bool Correct => Suggestion.Canonical == Example.Canonical;
}

/// <summary>The two evaluations of the suggestion model: leave one language out, and the unseen variants.</summary>
internal static class SuggestEvaluation
{
    /// <summary>
    /// For each language of <see cref="SuggestData.Languages"/>: trains on the target's built-in labels whose folded form
    /// is not among that language's labels, then predicts that language's labels.
    /// </summary>
    public static List<Scored> LeaveOneLanguageOut(SuggestionTarget target, SuggesterSettings? settings = null)
    {
        var all = LabelSuggester.Examples(Vocabulary.BuiltIn, target);
        var tagged = SuggestData.LabelsByLanguage.Where(e => e.Target == target).ToList();
        var scored = new List<Scored>();
        foreach (var language in SuggestData.Languages)
        {
            var held = tagged.Where(e => e.Language == language).ToList();
            if (held.Count == 0)
            {
                continue;
            }

            // A label two languages share ("total", "national") must not stay in training when one of them is held out.
            var heldFolded = held.Select(e => SuggestFold.Fold(e.Label)).ToHashSet(StringComparer.Ordinal);
            var model = LabelSuggester.TrainUncached(all.Where(e => !heldFolded.Contains(SuggestFold.Fold(e.Label))), settings);
            scored.AddRange(held.Select(e => new Scored(e, model.Suggest(e.Label))));
        }

        return scored;
    }

    /// <summary>Trains on the whole built-in vocabulary of each target and predicts the unseen variants.</summary>
    public static List<Scored> UnseenVariants(SuggesterSettings? settings = null)
    {
        var scored = new List<Scored>();
        foreach (var group in SuggestData.UnseenVariants.GroupBy(e => e.Target))
        {
            var model = LabelSuggester.TrainUncached(LabelSuggester.Examples(Vocabulary.BuiltIn, group.Key), settings);
            scored.AddRange(group.Select(e => new Scored(e, model.Suggest(e.Label))));
        }

        return scored;
    }

    public static double Accuracy(IEnumerable<Scored> scored)
    {
        var list = scored.ToList();
        return list.Count == 0 ? double.NaN : (double)list.Count(s => s.Correct) / list.Count;
    }
}
