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
                problems.Add(ProblemCatalogue.PersonalData(file, headerLine, column, kind));
            }
        }

        return problems;
    }

    /// <summary>
    /// The personal-data kind a header names, or null. A phrase matches when it is the whole header or appears as
    /// whole words in it; generic words (<c>name</c>, <c>nombre</c>, <c>born</c>) only as the whole header.
    /// </summary>
    public static string? Kind(string header, Vocabulary vocabulary)
    {
        var folded = TextFold.Fold(header);
        if (folded.Length == 0 || vocabulary.BuiltInColumnNames.Contains(folded))
        {
            return null;
        }

        if (vocabulary.PersonalData.TryGetValue(folded, out var exact))
        {
            return exact;
        }

        var padded = " " + folded + " ";
        foreach (var (phrase, kind) in vocabulary.PersonalData)
        {
            if (!vocabulary.PersonalDataWholeHeaderOnly.Contains(phrase) && padded.Contains(" " + phrase + " ", StringComparison.Ordinal))
            {
                return kind;
            }
        }

        return null;
    }
}
