using System.Collections.Concurrent;
using System.Collections.Frozen;

using Linkage.Recognise.Concepts;

namespace Linkage.Recognise;

/// <summary>What one category of a citizenship breakdown says, seen from the State that reports it.</summary>
internal enum CitizenKind
{
    /// <summary>The reporting State's own citizens (its name, demonym, <c>Nationals</c>): trafficked <c>internal</c>ly.</summary>
    Own,

    /// <summary>Another country or a group of other countries: trafficked <c>international</c>ly.</summary>
    Foreign,

    /// <summary>Citizenship not known or not a country's (unknown, not stated, stateless): part of <c>unknown</c>.</summary>
    NotKnown,

    /// <summary>The total over the breakdown.</summary>
    Total,

    /// <summary>Not readable as a citizenship (a number, a code nobody lists, a group that may include the State): the group is not published.</summary>
    Unrecognised,
}

/// <summary>A citizenship category's reading and why, for messages.</summary>
internal readonly record struct CitizenReading(CitizenKind Kind, string Why);

/// <summary>
/// Reads the categories of a citizenship breakdown (GLOTIP's <c>by citizenship</c>, Eurostat's <c>citizen</c>) by the
/// method UNODC uses for domestic and cross-border flows: the reporting State's own citizens are internal, other
/// countries' international, the rest unknown. Countries are found by name, code, alias or demonym in every country
/// (not only OSCE States), with one typo or mis-decoded letter (<c>T�rkiye</c>) tolerated when only one country fits,
/// two in a longer name when at most two fit and the reporting State's own names are far;
/// a group of countries is international only when it cannot contain the reporting State.
/// </summary>
internal static class CitizenshipReader
{
    /// <summary>Words that say a person is no country's citizen: the linkage cannot be told, so they count as unknown.</summary>
    private static readonly string[] StatelessWords = ["stateless", "apatride", "apatrides", "staatenlos", "staatenlose", "apolide", "apolidi", "apatrida", "apatridas", "без гражданства", "апатрид", "апатриды"];

    /// <summary>Continents and world regions a category may name; with the M49 sub-region words of the States in them.</summary>
    private static readonly (string[] Words, string[] RegionWords)[] Continents =
    [
        (["africa", "afrique", "afrika", "африка"], ["africa"]),
        (["asia", "asie", "asien", "азия"], ["asia"]),
        (["europe", "europa", "европа", "eu", "ue", "eea", "european"], ["europe"]),
        (["america", "americas", "amerique", "amerika", "америка", "amercias"], ["america"]),
        (["caribbean", "caraibes", "karibik", "caribe", "caraibi"], ["caribbean"]),
        (["oceania", "oceanie", "ozeanien", "океания"], ["oceania", "australia"]),
        (["middle east", "moyen orient", "naher osten", "medio oriente", "oriente medio", "ближний восток"], ["western asia"]),
    ];

    /// <summary>Former federations: a category naming one cannot be read as foreign by a State that was part of it.</summary>
    private static readonly (string Word, string[] Members)[] FormerFederations =
    [
        ("yugoslavia", ["SVN", "HRV", "BIH", "SRB", "MNE", "MKD"]),
        ("czechoslovakia", ["CZE", "SVK"]),
        ("ussr", ["RUS", "UKR", "BLR", "MDA", "EST", "LVA", "LTU", "GEO", "ARM", "AZE", "KAZ", "KGZ", "TJK", "TKM", "UZB"]),
        ("soviet", ["RUS", "UKR", "BLR", "MDA", "EST", "LVA", "LTU", "GEO", "ARM", "AZE", "KAZ", "KGZ", "TJK", "TKM", "UZB"]),
    ];

    /// <summary>Words that make a group "the others": <c>Other Europe</c>, <c>Africa others</c>, <c>EU-28 others</c>.</summary>
    private static readonly FrozenSet<string> OtherWords = new[] { "other", "others", "autres", "autre", "andere", "sonstige", "altri", "altre", "otros", "otras", "другие", "прочие", "rest" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Folded texts that name a group the reporting State may belong to without saying so.</summary>
    private static readonly FrozenSet<string> Ambiguous = new[] { "eu", "ue", "eea", "eee", "europe", "european union" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Stands for a letter lost in decoding (U+FFFD) while folding: folding keeps it as a letter.</summary>
    private const char LostLetter = '\u01C2';

    // Keyed by the catalogue too: a config's State aliases change what a text names.
    private static readonly ConcurrentDictionary<(Geography, string, string), CitizenReading> Memo = new();

    /// <summary>Reads <paramref name="text"/> as a citizenship category of a figure reported by <paramref name="reporting"/>.</summary>
    public static CitizenReading Read(string text, StateEntry reporting, Geography geography)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(reporting);
        ArgumentNullException.ThrowIfNull(geography);
        if (Memo.Count > 20_000)
        {
            Memo.Clear();
        }

        return Memo.GetOrAdd((geography, text, reporting.Alpha3), key => key.Item2.Contains('\uFFFD', StringComparison.Ordinal)
            ? ReadDecoded(key.Item2, reporting, geography)
            : ReadCore(key.Item2, reporting, geography));
    }

    private static CitizenReading ReadCore(string text, StateEntry reporting, Geography geography)
    {
        var folded = TextFold.Fold(text);
        if (folded.Length == 0)
        {
            return new(CitizenKind.NotKnown, "blank: citizenship not stated");
        }

        // SDMX citizenship codes (Eurostat's citizen): NAT the reporting country, *_FOR foreign, UNK unknown, TOTAL.
        var codeWords = folded.Split(' ');
        if (folded is "nat" or "rep" or "reporting country" or "own")
        {
            return new(CitizenKind.Own, $"code '{text.Trim()}': the reporting country");
        }

        if (codeWords[^1] == "for" || folded.StartsWith("for ", StringComparison.Ordinal))
        {
            return new(CitizenKind.Foreign, $"code '{text.Trim()}': foreign citizens");
        }

        if (StatelessWords.Any(w => folded.Contains(w, StringComparison.Ordinal)))
        {
            return new(CitizenKind.NotKnown, "stateless: no country's citizen, so neither internal nor international");
        }

        var slice = SliceValues.Breakdown(text);
        if (slice.Kind == SliceKind.Total)
        {
            return new(CitizenKind.Total, "the total of the breakdown");
        }

        if (slice.Kind == SliceKind.NotKnown)
        {
            return new(CitizenKind.NotKnown, "citizenship not known");
        }

        if (Country(folded, reporting, geography) is { } byName)
        {
            return byName;
        }

        if (folded.Any(char.IsAsciiDigit))
        {
            // "145", "2 maliens", "Q6.1_10s_2019": a count or a questionnaire cell, not a citizenship.
            return new(CitizenKind.Unrecognised, "it holds digits: a count or a code, not a citizenship");
        }

        var concepts = ConceptLexicon.BuiltIn.Read(folded);
        if (concepts.Has(Concept.Nationals))
        {
            return new(CitizenKind.Own, $"{concepts.Describe()}: the reporting State's own citizens");
        }

        if (Ambiguous.Contains(folded))
        {
            return new(CitizenKind.Unrecognised, $"'{text.Trim()}' may include {reporting.Name} itself");
        }

        var words = folded.Split(' ');
        var other = words.Any(OtherWords.Contains);
        foreach (var (word, members) in FormerFederations)
        {
            if (folded.Contains(word, StringComparison.Ordinal))
            {
                return members.Contains(reporting.Alpha3, StringComparer.Ordinal) && !other
                    ? new(CitizenKind.Unrecognised, $"'{text.Trim()}' may include {reporting.Name} itself")
                    : new(CitizenKind.Foreign, "a former federation the reporting State was not part of");
            }
        }

        foreach (var (names, regionWords) in Continents)
        {
            if (names.Any(n => n.Contains(' ', StringComparison.Ordinal) ? folded.Contains(n, StringComparison.Ordinal) : words.Contains(n, StringComparer.Ordinal)))
            {
                var region = TextFold.Fold(reporting.Region);
                var inside = regionWords.Any(r => region.Contains(r, StringComparison.Ordinal));
                return inside && !other
                    ? new(CitizenKind.Unrecognised, $"'{text.Trim()}' may include {reporting.Name} itself")
                    : new(CitizenKind.Foreign, inside ? "other countries of the reporting State's own region" : "a region of other countries");
            }
        }

        if (concepts.Has(Concept.Foreign))
        {
            return new(CitizenKind.Foreign, $"{concepts.Describe()}: citizens of other countries");
        }

        return new(CitizenKind.Unrecognised, "no country, demonym or group of countries is named");
    }

    /// <summary>Abbreviations in country names as exports write them (<c>Dominican Rep</c>, <c>Dem. Rep.</c>, <c>St Vincent</c>).</summary>
    private static readonly FrozenDictionary<string, string> Abbreviations = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["rep"] = "republic",
        ["dem"] = "democratic",
        ["st"] = "saint",
        ["is"] = "islands",
        ["isl"] = "islands",
        ["fed"] = "federation",
        ["utd"] = "united",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Forms of government written before a country's name, folded, longest first, in the six languages.</summary>
    private static readonly string[] GovernmentForms =
    [
        "republique de la", "republique du", "republique de", "republic of the", "republic of", "kingdom of the", "kingdom of",
        "royaume de", "royaume du", "repubblica di", "repubblica del", "republica de", "republica del", "reino de", "republik",
        "konigreich", "state of", "etat de", "республика", "королевство",
    ];

    /// <summary>A country by name, code, alias or demonym; then one typo or lost letter away, when only one country fits.</summary>
    private static CitizenReading? Country(string folded, StateEntry reporting, Geography geography)
    {
        var exact = geography.CitizenshipCandidates(folded);
        if (exact.Count == 0 && folded.Split(' ') is var parts && parts.Any(Abbreviations.ContainsKey))
        {
            folded = string.Join(' ', parts.Select(w => Abbreviations.GetValueOrDefault(w, w)));
            exact = geography.CitizenshipCandidates(folded);
        }

        // "République de Moldavie", "Republic of Belarus", "Republik Moldau": a form of government before a name.
        if (exact.Count == 0 && GovernmentForms.FirstOrDefault(f => folded.StartsWith(f + " ", StringComparison.Ordinal)) is { } form)
        {
            exact = geography.CitizenshipCandidates(folded[(form.Length + 1)..]);
        }

        if (exact.Count == 0 && folded.Contains(' ', StringComparison.Ordinal))
        {
            // "Netherlands (own country)", "Kosovo under UNSCR 1244", "Benin Rep": the first words may name it.
            var words = folded.Split(' ');
            for (var n = words.Length - 1; n >= 1 && exact.Count == 0; n--)
            {
                exact = geography.CitizenshipCandidates(string.Join(' ', words[..n]));
            }
        }

        if (exact.Count > 0)
        {
            return Judge(exact, reporting, "named");
        }

        if (folded.Length < 5)
        {
            return null;
        }

        var near = geography.CitizenshipKeys
            .Where(k => Distance.WithinOne(folded, k))
            .SelectMany(geography.CitizenshipCandidates)
            .DistinctBy(c => c.Alpha3)
            .ToList();
        if (near.Count > 0)
        {
            return Judge(near, reporting, "spelt one letter off");
        }

        // Two letters off in a longer name ("Erithera", "Kyrgysi", "Nicaraguarean" in GLOTIP; "Lybians", which fits
        // Libyans and Syrians, both foreign), when at most two countries fit and the reporting State's own names are not
        // near it too: a misspelt own name must never read as another country.
        if (folded.Length >= 7)
        {
            var twoOff = geography.CitizenshipKeys
                .Where(k => k.Length >= 5 && Distance.Bounded(folded, k, 2) <= 2)
                .SelectMany(geography.CitizenshipCandidates)
                .DistinctBy(c => c.Alpha3)
                .ToList();
            if (twoOff.Count is 1 or 2)
            {
                var ownNear = twoOff.All(c => c.Alpha3 != reporting.Alpha3) && geography.CitizenshipKeys
                    .Where(k => Distance.Bounded(folded, k, 4) <= 4)
                    .Any(k => geography.CitizenshipCandidates(k).Any(c => c.Alpha3 == reporting.Alpha3));
                return ownNear
                    ? new(CitizenKind.Unrecognised, $"spelt two letters off {string.Join(" or ", twoOff.Select(c => c.Name))}, but near {reporting.Name}'s own names too")
                    : Judge(twoOff, reporting, "spelt two letters off");
            }
        }

        // A name cut short by a field width ("Cape Ver", "Sao Tome"): the start of a longer name, whole words first.
        if (folded.Length >= 6 && folded.Contains(' ', StringComparison.Ordinal))
        {
            var cut = geography.CitizenshipKeys
                .Where(k => k.Length > folded.Length && k.StartsWith(folded, StringComparison.Ordinal))
                .SelectMany(geography.CitizenshipCandidates)
                .DistinctBy(c => c.Alpha3)
                .ToList();
            if (cut.Count > 0)
            {
                return Judge(cut, reporting, "the start of a longer name");
            }
        }

        return null;
    }

    /// <summary>Text whose letters were lost in decoding (U+FFFD): each lost letter matches any one.</summary>
    private static CitizenReading ReadDecoded(string text, StateEntry reporting, Geography geography)
    {
        var pattern = TextFold.Fold(text.Replace('\uFFFD', LostLetter));
        var fits = geography.CitizenshipKeys
            .Where(k => k.Length == pattern.Length && Fits(pattern, k))
            .SelectMany(geography.CitizenshipCandidates)
            .DistinctBy(c => c.Alpha3)
            .ToList();
        if (fits.Count > 0)
        {
            return Judge(fits, reporting, "with a letter lost in decoding");
        }

        // Not a country: try the letters a lost one most often was, keeping the reading only when all that read agree
        // ("Personnes de nationalit� �trang�re" is foreigners with any of them; "Ciudadanos de su pa�s" own citizens).
        var readings = "eaiouncy"
            .Select(ch => ReadCore(text.Replace('\uFFFD', ch), reporting, geography))
            .Where(r => r.Kind != CitizenKind.Unrecognised)
            .ToList();
        return readings.Count > 0 && readings.All(r => r.Kind == readings[0].Kind)
            ? readings[0] with { Why = readings[0].Why + " (with a letter lost in decoding)" }
            : new(CitizenKind.Unrecognised, "letters were lost in decoding and what is left names no citizenship");
    }

    private static bool Fits(string pattern, string key)
    {
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] != LostLetter && pattern[i] != key[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Own when every candidate is the reporting State, foreign when none is; undecided otherwise.</summary>
    private static CitizenReading Judge(IReadOnlyList<StateEntry> candidates, StateEntry reporting, string how)
    {
        var own = candidates.Count(c => c.Alpha3 == reporting.Alpha3);
        if (own == candidates.Count)
        {
            return new(CitizenKind.Own, $"{how}: {reporting.Name}, the reporting State");
        }

        if (own == 0)
        {
            return new(CitizenKind.Foreign, $"{how}: {string.Join(" or ", candidates.Select(c => c.Name))}");
        }

        return new(CitizenKind.Unrecognised, $"{how}: it could be {string.Join(" or ", candidates.Select(c => c.Name))}");
    }
}
