namespace Linkage.Localisation;

/// <summary>The language codes of <c>--lang</c> (ISO 639-1) and the languages in order.</summary>
public static class Languages
{
    /// <summary>
    /// The six codes as the help and the usage error list them. A constant, so the CLI can name them without loading
    /// this assembly (its help must not).
    /// </summary>
    public const string CodeList = "en, fr, de, it, ru, es";

    /// <summary>Every language, English first.</summary>
    public static IReadOnlyList<Language> All { get; } = [Language.En, Language.Fr, Language.De, Language.It, Language.Ru, Language.Es];

    /// <summary>The ISO 639-1 code: <c>en</c>, <c>fr</c>, <c>de</c>, <c>it</c>, <c>ru</c>, <c>es</c>.</summary>
    public static string Code(this Language language) => language switch
    {
        Language.En => "en",
        Language.Fr => "fr",
        Language.De => "de",
        Language.It => "it",
        Language.Ru => "ru",
        Language.Es => "es",
        _ => throw new ArgumentOutOfRangeException(nameof(language)),
    };

    /// <summary>Reads a code (any case, surrounding spaces ignored); false for anything but the six.</summary>
    public static bool TryParse(string? code, out Language language)
    {
        var wanted = code?.Trim() ?? string.Empty;
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Code(), wanted, StringComparison.OrdinalIgnoreCase))
            {
                language = candidate;
                return true;
            }
        }

        language = Language.En;
        return false;
    }
}
