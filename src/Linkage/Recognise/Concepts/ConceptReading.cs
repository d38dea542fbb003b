namespace Linkage.Recognise.Concepts;

/// <summary>How a word of a header or label was matched to a concept.</summary>
internal enum MatchKind
{
    /// <summary>The whole word is in the lexicon.</summary>
    Word,

    /// <summary>The word starts with a stem of the lexicon (an inflection).</summary>
    Stem,

    /// <summary>Several words together are a phrase of the lexicon.</summary>
    Phrase,

    /// <summary>The word is a compound of lexicon words (German style: <c>Ausbeutungsland</c>).</summary>
    Compound,

    /// <summary>The word is one letter away from a lexicon word or stem (a typo).</summary>
    Typo,

    /// <summary>The word is Russian written in Latin letters.</summary>
    Transliterated,
}

/// <summary>One word (or phrase) of a text and the concepts it stands for; a word may stand for several (Italian <c>stato</c>: State or status).</summary>
/// <param name="Text">The folded word or phrase as met.</param>
/// <param name="Concepts">The concepts; several when the word means different things in different languages.</param>
/// <param name="How">How it was matched.</param>
/// <param name="Languages">The languages whose lexicon matched it (en, fr, de, it, ru, es).</param>
internal sealed record ConceptToken(string Text, IReadOnlyList<Concept> Concepts, MatchKind How, IReadOnlyList<string> Languages)
{
    /// <summary>True when the word can mean <paramref name="concept"/>.</summary>
    public bool Means(Concept concept) => Concepts.Contains(concept);

    /// <summary>A short description for <c>validate</c>: <c>trafficking ('traffick…')</c>.</summary>
    public string Describe()
    {
        var how = How switch
        {
            MatchKind.Typo => ", typo",
            MatchKind.Transliterated => ", transliterated",
            MatchKind.Compound => ", compound",
            _ => string.Empty,
        };
        return $"{string.Join("/", Concepts.Select(ConceptLexicon.NameOf))} ('{Text}'{how})";
    }
}

/// <summary>
/// What the words of a header or label mean: the concepts found, the words that carry no meaning (fillers, dropped)
/// and the words the lexicon does not know (<see cref="Unmatched"/>), which weaken any reading of the text.
/// </summary>
/// <param name="Folded">The folded text.</param>
/// <param name="Tokens">The words that stand for concepts, in order.</param>
/// <param name="Unmatched">Words that are neither concepts nor fillers.</param>
/// <param name="Numbers">Words that are numbers (ages in <c>0 to 17 years</c>).</param>
internal sealed record ConceptReading(string Folded, IReadOnlyList<ConceptToken> Tokens, IReadOnlyList<string> Unmatched, IReadOnlyList<string> Numbers)
{
    /// <summary>True when some word can mean <paramref name="concept"/>.</summary>
    public bool Has(Concept concept)
    {
        foreach (var t in Tokens)
        {
            if (t.Means(concept))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when some word can mean any of <paramref name="concepts"/>.</summary>
    public bool HasAny(params ReadOnlySpan<Concept> concepts)
    {
        foreach (var c in concepts)
        {
            if (Has(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when some word means <paramref name="concept"/> and nothing else.</summary>
    public bool HasOnly(Concept concept) => Tokens.Any(t => t.Concepts.Count == 1 && t.Concepts[0] == concept);

    /// <summary>True when every word can mean one of <paramref name="allowed"/> (and there are no unknown words).</summary>
    public bool AllWithin(IReadOnlySet<Concept> allowed) => Unmatched.Count == 0 && Tokens.All(t => t.Concepts.Any(allowed.Contains));

    /// <summary>True when no word was read at all (empty, or only fillers and numbers).</summary>
    public bool IsEmpty => Tokens.Count == 0 && Unmatched.Count == 0;

    /// <summary>True when a word was matched only approximately (typo or transliteration).</summary>
    public bool Approximate => Tokens.Any(t => t.How is MatchKind.Typo or MatchKind.Transliterated);

    /// <summary>The concepts found and the unknown words, for <c>validate</c>: <c>negation ('not'), trafficking ('trafficking')</c>.</summary>
    public string Describe()
    {
        var parts = Tokens.Select(t => t.Describe()).ToList();
        if (Unmatched.Count > 0)
        {
            parts.Add("unknown word(s) " + string.Join(" ", Unmatched.Select(u => $"'{u}'")));
        }

        return parts.Count == 0 ? "no concept" : string.Join(", ", parts);
    }
}
