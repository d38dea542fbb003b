using Linkage.Problems;

namespace Linkage.Recognise;

/// <summary>
/// Refuses headers that name personal data (name, date of birth, address, ID number, phone, e-mail, case notes)
/// in the six languages. Looks at the header only, before any value is read, and uses the built-in dictionary's
/// column names as the only exemption: a user's alias cannot make a personal-data column acceptable.
/// </summary>
public static class PersonalDataGuard
{
    /// <summary>One fatal problem per header column that names personal data.</summary>
    public static IReadOnlyList<Problem> Check(string file, int headerLine, IReadOnlyList<string> header, Vocabulary vocabulary)
    {
        var problems = new List<Problem>();
        foreach (var column in header)
        {
            if (Kind(column, vocabulary) is { } kind)
            {
                problems.Add(ProblemCatalogue.PersonalData(file, headerLine, column, kind, vocabulary.ConfigAliases.Contains(TextFold.Fold(column))));
            }
        }

        return problems;
    }

    /// <summary>
    /// The personal-data kind a header names, or null. A phrase matches when it is the whole header or appears as
    /// whole words in it; generic words (<c>name</c>, <c>nombre</c>, <c>born</c>) only as the whole header. Headers
    /// exported without separators are read too: camelCase words are split (<c>DateOfBirth</c>, <c>childFirstName</c>),
    /// a header written as one run of letters matches a phrase written the same way (<c>dateofbirth</c>,
    /// <c>PASSPORTNUMBER</c>), and a longer specific phrase is found inside one (<c>victimpassportnumber</c>).
    /// </summary>
    public static string? Kind(string header, Vocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        var folded = TextFold.Fold(header);
        var split = TextFold.Fold(SplitCamelCase(header));
        if (folded.Length == 0 || vocabulary.BuiltInColumnNames.Contains(folded) || vocabulary.BuiltInColumnNames.Contains(split))
        {
            return null;
        }

        if (vocabulary.PersonalData.TryGetValue(folded, out var exact) || vocabulary.PersonalData.TryGetValue(split, out exact))
        {
            return exact;
        }

        var compact = Compact(folded);
        foreach (var (phrase, kind) in vocabulary.PersonalData)
        {
            if (compact == Compact(phrase))
            {
                return kind;
            }

            if (vocabulary.PersonalDataWholeHeaderOnly.Contains(phrase))
            {
                continue;
            }

            if (ContainsWords(folded, phrase) || ContainsWords(split, phrase) || (Compact(phrase).Length >= MinRunInPhrase && compact.Contains(Compact(phrase), StringComparison.Ordinal)))
            {
                return kind;
            }
        }

        return null;
    }

    /// <summary>
    /// Shortest phrase (letters, without spaces) looked for inside a header written as one run of letters: long
    /// enough that no ordinary column name holds one by chance (<c>dateofbirth</c>, <c>geburtsdatum</c>, <c>passport</c>).
    /// </summary>
    private const int MinRunInPhrase = 8;

    private static bool ContainsWords(string folded, string phrase) =>
        (" " + folded + " ").Contains(" " + phrase + " ", StringComparison.Ordinal);

    private static string Compact(string folded) => folded.Replace(" ", string.Empty, StringComparison.Ordinal);

    /// <summary>Puts a space where a lower-case letter meets an upper-case one (<c>dateOfBirth</c>) and before the last capital of a run followed by a lower-case letter (<c>IDNumber</c>).</summary>
    private static string SplitCamelCase(string header)
    {
        var sb = new System.Text.StringBuilder(header.Length + 8);
        for (var i = 0; i < header.Length; i++)
        {
            var ch = header[i];
            if (i > 0 && char.IsUpper(ch) && (char.IsLower(header[i - 1]) || (char.IsUpper(header[i - 1]) && i + 1 < header.Length && char.IsLower(header[i + 1]))))
            {
                sb.Append(' ');
            }

            sb.Append(ch);
        }

        return sb.ToString();
    }
}
