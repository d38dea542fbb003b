using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Text.Json;

namespace Linkage.Recognise.Concepts;

/// <summary>
/// The words of the six languages and the concepts they stand for, from <c>Recognise/Data/concepts.json</c>, and the
/// reader that turns a header or label into a <see cref="ConceptReading"/>. Words are matched whole, as phrases, by
/// stem (inflections), as compounds of lexicon words, within one letter (typos) and, for Russian, in Latin letters.
/// </summary>
internal sealed partial class ConceptLexicon
{
    /// <summary>Letters a stem may be followed by at the end of a word (inflection); a longer rest is read as a compound.</summary>
    private const int MaxTail = 5;

    /// <summary>Letters a mistyped stem may be followed by: fewer than for a stem spelt right, or any long word is a typo of some stem.</summary>
    private const int MaxTypoTail = 3;

    /// <summary>Shortest word or stem a typo is looked for in: one letter in four is too much to call a typo.</summary>
    private const int MinTypoLength = 5;

    private const int MaxMemo = 1 << 15;

    private static readonly Lazy<ConceptLexicon> BuiltInLazy = new(() => Load(LoadData()));

    private readonly FrozenDictionary<string, Entry[]> _words;
    private readonly FrozenDictionary<string, Entry[]> _stems;
    private readonly FrozenDictionary<string, Phrase[]> _phrasesByFirst;
    private readonly FrozenDictionary<string, Entry[]> _translitWords;
    private readonly FrozenDictionary<string, Entry[]> _translitStems;
    private readonly FrozenSet<string> _fillers;
    private readonly (string Text, Entry[] Entries, bool IsStem)[] _typoTargets;
    private readonly int _longestStem;
    private readonly ConcurrentDictionary<string, ConceptReading> _memo = new(StringComparer.Ordinal);

    private ConceptLexicon(
        FrozenDictionary<string, Entry[]> words,
        FrozenDictionary<string, Entry[]> stems,
        FrozenDictionary<string, Phrase[]> phrases,
        FrozenSet<string> fillers)
    {
        _words = words;
        _stems = stems;
        _phrasesByFirst = phrases;
        _fillers = fillers;
        _longestStem = stems.Count == 0 ? 0 : stems.Keys.Max(k => k.Length);
        _translitWords = Transliterated(words);
        _translitStems = Transliterated(stems);
        _typoTargets =
        [
            .. words.Where(kv => kv.Key.Length >= MinTypoLength && !kv.Key.Contains(' ', StringComparison.Ordinal)).Select(kv => (kv.Key, kv.Value, false)),
            .. stems.Where(kv => kv.Key.Length >= MinTypoLength).Select(kv => (kv.Key, kv.Value, true)),
        ];
    }

    /// <summary>The built-in lexicon.</summary>
    public static ConceptLexicon BuiltIn => BuiltInLazy.Value;

    /// <summary>Number of words, stems and phrases (for tests and <c>validate</c>).</summary>
    public int Size => _words.Count + _stems.Count + _phrasesByFirst.Values.Sum(p => p.Length);

    /// <summary>The lower-case name of a concept as shown to users (<c>trafficking</c>, <c>not</c> for negation…).</summary>
    public static string NameOf(Concept concept) => concept switch
    {
        Concept.Negation => "negation",
        Concept.RowId => "row id",
        _ => concept.ToString().ToLowerInvariant(),
    };

    /// <summary>Reads the concepts of <paramref name="text"/> (any case, punctuation, script).</summary>
    public ConceptReading Read(string? text)
    {
        var folded = TextFold.Fold(text);
        if (_memo.TryGetValue(folded, out var known))
        {
            return known;
        }

        var reading = ReadFolded(folded);
        if (_memo.Count < MaxMemo)
        {
            _memo[folded] = reading;
        }

        return reading;
    }

    private ConceptReading ReadFolded(string folded)
    {
        var words = folded.Length == 0 ? [] : folded.Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = Homoglyphs.Unmix(words[i]);
        }

        var tokens = new List<ConceptToken>();
        var unmatched = new List<string>();
        var numbers = new List<string>();
        var at = 0;
        while (at < words.Length)
        {
            if (MatchPhrase(words, at) is { } phrase)
            {
                tokens.Add(phrase.Token);
                at += phrase.Length;
                continue;
            }

            var word = words[at++];
            if (word.All(char.IsAsciiDigit))
            {
                numbers.Add(word);
                continue;
            }

            if (MatchWord(word) is { } token)
            {
                tokens.Add(token);
            }
            else if (!_fillers.Contains(word))
            {
                unmatched.Add(word);
            }
        }

        return new ConceptReading(folded, tokens, unmatched, numbers);
    }

    /// <summary>
    /// The longest phrase of the lexicon that starts at <paramref name="at"/>, if any. Fillers between the phrase's
    /// words are skipped (<c>within the country</c> is the phrase <c>within country</c>); its last word may be a stem.
    /// </summary>
    private (ConceptToken Token, int Length)? MatchPhrase(string[] words, int at)
    {
        if (!_phrasesByFirst.TryGetValue(words[at], out var candidates))
        {
            return null;
        }

        foreach (var phrase in candidates)
        {
            var j = at;
            var ok = true;
            for (var k = 0; k < phrase.Words.Length && ok; k++)
            {
                var w = phrase.Words[k];
                var last = k == phrase.Words.Length - 1;
                while (k > 0 && j < words.Length && words[j] != w && _fillers.Contains(words[j]) && !(last && phrase.LastIsStem && IsInflection(words[j], w)))
                {
                    j++;
                }

                ok = j < words.Length && (words[j] == w || (last && phrase.LastIsStem && IsInflection(words[j], w)));
                j++;
            }

            if (ok && MakeToken(string.Join(' ', words, at, j - at), phrase.Entries, MatchKind.Phrase) is { } token)
            {
                return (token, j - at);
            }
        }

        return null;
    }

    private static bool IsInflection(string word, string stem) =>
        word.StartsWith(stem, StringComparison.Ordinal) && word.Length - stem.Length <= MaxTail;

    /// <summary>One word: whole, by stem, as a compound, within one letter, or transliterated.</summary>
    private ConceptToken? MatchWord(string word)
    {
        if (_words.TryGetValue(word, out var exact))
        {
            return MakeToken(word, exact, MatchKind.Word);
        }

        if (LongestStem(_stems, word, MaxTail) is { } stem)
        {
            return MakeToken(word, stem, MatchKind.Stem);
        }

        if (_fillers.Contains(word))
        {
            return null;
        }

        if (word.Length >= 7 && Compound(word) is { } parts)
        {
            return MakeToken(word, parts, MatchKind.Compound);
        }

        if (Transliteration.IsLatin(word) && word.Length >= 3)
        {
            var skeleton = Transliteration.Skeleton(word);
            if (skeleton.Length >= 3 && _translitWords.TryGetValue(skeleton, out var tw))
            {
                return MakeToken(word, tw, MatchKind.Transliterated);
            }

            if (skeleton.Length >= 5 && LongestStem(_translitStems, skeleton, 4, minStem: 5) is { } ts)
            {
                return MakeToken(word, ts, MatchKind.Transliterated);
            }
        }

        return word.Length >= MinTypoLength && Typo(word) is { } typo ? MakeToken(word, typo, MatchKind.Typo) : null;
    }

    /// <summary>The entries of the longest stem that <paramref name="word"/> starts with, leaving at most <paramref name="tail"/> letters.</summary>
    private Entry[]? LongestStem(FrozenDictionary<string, Entry[]> stems, string word, int tail, int minStem = 3)
    {
        for (var n = Math.Min(word.Length, _longestStem + 8); n >= minStem; n--)
        {
            if (word.Length - n > tail)
            {
                break;
            }

            if (stems.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(word.AsSpan(0, n), out var found))
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>
    /// Splits a word into lexicon words and stems, German style, with the linking letters s, es, n, en between them:
    /// <c>ausbeutungsland</c> = ausbeutung + s + land. Every letter must be covered; the last part may be inflected.
    /// </summary>
    private Entry[]? Compound(string word)
    {
        var memo = new Dictionary<int, List<Entry>?>();
        var found = Split(0);
        return found is { Count: > 1 } ? [.. found] : null;

        // Longest part first; every letter covered, linking letters allowed between parts.
        List<Entry>? Split(int start)
        {
            if (memo.TryGetValue(start, out var known))
            {
                return known;
            }

            List<Entry>? result = null;
            var words = _words.GetAlternateLookup<ReadOnlySpan<char>>();
            var stems = _stems.GetAlternateLookup<ReadOnlySpan<char>>();
            for (var end = word.Length; end >= start + 3 && result is null; end--)
            {
                var part = word.AsSpan(start, end - start);
                var isStem = false;
                if (!words.TryGetValue(part, out var entries))
                {
                    isStem = stems.TryGetValue(part, out entries);
                }

                if (entries is null || entries.All(e => e.Concept is null))
                {
                    continue;
                }

                if (end == word.Length || (isStem && word.Length - end <= 3))
                {
                    result = [.. entries];
                    break;
                }

                foreach (var link in Links)
                {
                    var next = end + link.Length;
                    if (next < word.Length && word.AsSpan(end).StartsWith(link, StringComparison.Ordinal) && Split(next) is { } rest)
                    {
                        result = [.. entries, .. rest];
                        break;
                    }
                }
            }

            memo[start] = result;
            return result;
        }
    }

    private static readonly string[] Links = [string.Empty, "s", "es", "n", "en"];

    /// <summary>The entries of the one word or stem <paramref name="word"/> is a typo of (one letter added, dropped, changed or two swapped); null when none or several concepts.</summary>
    private Entry[]? Typo(string word)
    {
        Entry[]? found = null;
        foreach (var (text, entries, isStem) in _typoTargets)
        {
            var ok = false;
            if (isStem)
            {
                for (var n = text.Length - 1; n <= text.Length + 1 && !ok; n++)
                {
                    ok = n <= word.Length && word.Length - n <= MaxTypoTail && Distance.WithinOne(word.AsSpan(0, n), text);
                }
            }
            else
            {
                ok = Math.Abs(word.Length - text.Length) <= 1 && Distance.WithinOne(word, text);
            }

            if (!ok)
            {
                continue;
            }

            if (found is not null && !SameConcepts(found, entries))
            {
                // A typo of two different meanings is no typo we can read.
                return null;
            }

            found ??= entries;
        }

        return found;
    }

    private static bool SameConcepts(Entry[] a, Entry[] b) =>
        a.Select(e => e.Concept).ToHashSet().SetEquals(b.Select(e => e.Concept));

    private static ConceptToken? MakeToken(string text, Entry[] entries, MatchKind how)
    {
        var concepts = entries.Where(e => e.Concept is not null).Select(e => e.Concept!.Value).Distinct().ToList();
        if (concepts.Count == 0)
        {
            return null;
        }

        var languages = entries.Select(e => e.Language).Distinct(StringComparer.Ordinal).ToList();
        return new ConceptToken(text, concepts, how, languages);
    }

    private static FrozenDictionary<string, Entry[]> Transliterated(FrozenDictionary<string, Entry[]> source)
    {
        var map = new Dictionary<string, List<Entry>>(StringComparer.Ordinal);
        foreach (var (text, entries) in source)
        {
            var ru = entries.Where(e => e.Language == "ru" && e.Concept is not null).ToList();
            if (ru.Count == 0 || text.Contains(' ', StringComparison.Ordinal))
            {
                continue;
            }

            var key = Transliteration.Skeleton(text);
            if (!map.TryGetValue(key, out var list))
            {
                map[key] = list = [];
            }

            list.AddRange(ru);
        }

        return map.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>One meaning of a lexicon word: a concept, or null for a filler.</summary>
    private readonly record struct Entry(Concept? Concept, string Language);

    /// <summary>A phrase of several words; its last word may be a stem.</summary>
    private sealed record Phrase(string[] Words, bool LastIsStem, Entry[] Entries);

    /// <summary>The JSON of <c>concepts.json</c>.</summary>
    internal sealed record LexiconData
    {
        public Dictionary<string, List<string>> Fillers { get; init; } = [];

        public Dictionary<string, Dictionary<string, List<string>>> Concepts { get; init; } = [];
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private static LexiconData LoadData()
    {
        using var stream = typeof(ConceptLexicon).Assembly.GetManifestResourceStream("Linkage.Data.concepts.json")
            ?? throw new InvalidOperationException("Embedded data file 'concepts.json' is missing from the build.");
        return JsonSerializer.Deserialize<LexiconData>(stream, JsonOptions) ?? throw new InvalidOperationException("Embedded data file 'concepts.json' is empty.");
    }

    /// <summary>Builds a lexicon from its data (tests build small ones).</summary>
    internal static ConceptLexicon Load(LexiconData data)
    {
        var words = new Dictionary<string, List<Entry>>(StringComparer.Ordinal);
        var stems = new Dictionary<string, List<Entry>>(StringComparer.Ordinal);
        var phrases = new List<Phrase>();
        var fillers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (language, list) in data.Fillers)
        {
            foreach (var f in list)
            {
                fillers.Add(TextFold.Fold(f));
            }
        }

        foreach (var (name, languages) in data.Concepts)
        {
            if (!Enum.TryParse<Concept>(name, ignoreCase: false, out var concept))
            {
                throw new InvalidOperationException($"concepts.json names an unknown concept '{name}'.");
            }

            foreach (var (language, entries) in languages)
            {
                foreach (var raw in entries)
                {
                    var isStem = raw.EndsWith('*');
                    var folded = TextFold.Fold(isStem ? raw[..^1] : raw);
                    if (folded.Length == 0)
                    {
                        continue;
                    }

                    var entry = new Entry(concept, language);
                    if (folded.Contains(' ', StringComparison.Ordinal))
                    {
                        phrases.Add(new Phrase(folded.Split(' '), isStem, [entry]));
                    }
                    else
                    {
                        var target = isStem ? stems : words;
                        if (!target.TryGetValue(folded, out var l))
                        {
                            target[folded] = l = [];
                        }

                        if (!l.Contains(entry))
                        {
                            l.Add(entry);
                        }
                    }
                }
            }
        }

        // A stem is also a whole word ("fallzahl*" and "fallzahl" in two concepts): the word then means both.
        foreach (var (stem, entries) in stems)
        {
            if (!words.TryGetValue(stem, out var l))
            {
                words[stem] = l = [];
            }

            foreach (var e in entries.Where(e => !l.Contains(e)))
            {
                l.Add(e);
            }
        }

        // Phrases with the same words (from several languages or concepts) share one entry list.
        var merged = phrases
            .GroupBy(p => (string.Join(' ', p.Words), p.LastIsStem))
            .Select(g => new Phrase(g.First().Words, g.Key.LastIsStem, [.. g.SelectMany(p => p.Entries).Distinct()]))
            .GroupBy(p => p.Words[0], StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(p => p.Words.Length).ThenBy(p => p.LastIsStem).ToArray(), StringComparer.Ordinal);

        return new ConceptLexicon(
            words.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal),
            stems.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal),
            merged,
            fillers.ToFrozenSet(StringComparer.Ordinal));
    }
}
