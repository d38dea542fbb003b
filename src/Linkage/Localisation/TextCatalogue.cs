using System.Collections.Frozen;
using System.Text;
using System.Text.Json;

namespace Linkage.Localisation;

/// <summary>
/// The user-facing texts of the charts and the report in one language, read from <c>Strings/CODE.json</c> (embedded
/// in the library, one file per language). A text is looked up by key; a key a language lacks is an error, never a
/// quiet fall back to English (a test holds every language to English's keys and placeholders). Texts name their
/// values with placeholders such as <c>{states}</c>, so a translation can put them in its own order.
/// </summary>
public sealed class TextCatalogue
{
    private static readonly Lazy<TextCatalogue>[] Loaded = [.. Languages.All.Select(l => new Lazy<TextCatalogue>(() => Load(l)))];

    private readonly FrozenDictionary<string, string> _texts;

    private TextCatalogue(Language language, FrozenDictionary<string, string> texts)
    {
        Language = language;
        _texts = texts;
        Numbers = new NumberText(this["number.decimal"], this["number.group"], Template("number.percent"), Template("number.range"));
    }

    /// <summary>The language of the texts.</summary>
    public Language Language { get; }

    /// <summary>How numbers are written in this language.</summary>
    public NumberText Numbers { get; }

    /// <summary>Every key, in ordinal order.</summary>
    public IReadOnlyList<string> Keys => [.. _texts.Keys.Order(StringComparer.Ordinal)];

    /// <summary>A text without placeholders.</summary>
    /// <exception cref="KeyNotFoundException">The language has no such text (a bug: the tests keep every language complete).</exception>
    public string this[string key]
    {
        get
        {
            var text = Template(key);
            return Placeholders(text).Count == 0
                ? text
                : throw new InvalidOperationException($"The text '{key}' in {Language.Code()}.json has placeholders; use Format.");
        }
    }

    /// <summary>The texts of a language (loaded once per process).</summary>
    public static TextCatalogue For(Language language) => Loaded[(int)language].Value;

    /// <summary>The text of <paramref name="key"/> as written, placeholders included.</summary>
    public string Template(string key) => _texts.TryGetValue(key, out var text)
        ? text
        : throw new KeyNotFoundException($"There is no text '{key}' in {Language.Code()}.json.");

    /// <summary>
    /// The text of <paramref name="key"/> with each <c>{name}</c> replaced by its value. Every placeholder must be given
    /// and every value used, so a code change and the texts cannot drift apart unnoticed.
    /// </summary>
    public string Format(string key, params ReadOnlySpan<(string Name, string Value)> values)
    {
        var template = Template(key);
        var used = new bool[values.Length];
        var result = new StringBuilder(template.Length + 32);
        var at = 0;
        foreach (var (start, name) in PlaceholderSpans(template))
        {
            result.Append(template, at, start - at);
            var found = -1;
            for (var i = 0; i < values.Length && found < 0; i++)
            {
                found = values[i].Name == name ? i : -1;
            }

            if (found < 0)
            {
                throw new InvalidOperationException($"The text '{key}' in {Language.Code()}.json has the placeholder {{{name}}}, which the code does not give.");
            }

            used[found] = true;
            result.Append(values[found].Value);
            at = start + name.Length + 2;
        }

        result.Append(template, at, template.Length - at);
        for (var i = 0; i < values.Length; i++)
        {
            if (!used[i])
            {
                throw new InvalidOperationException($"The text '{key}' in {Language.Code()}.json has no placeholder {{{values[i].Name}}}, which the code gives.");
            }
        }

        return result.ToString();
    }

    /// <summary>The placeholder names of a text, in order of appearance.</summary>
    public static IReadOnlyList<string> Placeholders(string text) => [.. PlaceholderSpans(text).Select(p => p.Name)];

    private static IEnumerable<(int Start, string Name)> PlaceholderSpans(string text)
    {
        for (var i = text.IndexOf('{', StringComparison.Ordinal); i >= 0; i = text.IndexOf('{', i + 1))
        {
            var end = text.IndexOf('}', i + 1);
            yield return (i, text[(i + 1)..end]);
        }
    }

    private static TextCatalogue Load(Language language)
    {
        var file = language.Code() + ".json";
        using var stream = typeof(TextCatalogue).Assembly.GetManifestResourceStream("Linkage.Strings." + file)
            ?? throw new InvalidOperationException($"The text file '{file}' is missing from the build.");
        using var doc = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        if (doc.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidOperationException($"The text file '{file}' is not a JSON object of key: text pairs.");
        }

        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in doc.RootElement.EnumerateObject())
        {
            var text = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : null;
            if (string.IsNullOrEmpty(text))
            {
                throw new InvalidOperationException($"The text '{property.Name}' in '{file}' is not a non-empty string.");
            }

            if (!WellFormed(text))
            {
                throw new InvalidOperationException($"The text '{property.Name}' in '{file}' has a brace that is not a placeholder like {{name}}: '{text}'.");
            }

            if (!texts.TryAdd(property.Name, text))
            {
                throw new InvalidOperationException($"The text '{property.Name}' is given twice in '{file}'.");
            }
        }

        return new TextCatalogue(language, texts.ToFrozenDictionary(StringComparer.Ordinal));
    }

    /// <summary>True when every brace belongs to a placeholder <c>{name}</c> (lower-case letters, digits and '-').</summary>
    private static bool WellFormed(string text)
    {
        var inside = false;
        var length = 0;
        foreach (var ch in text)
        {
            if (ch == '{')
            {
                if (inside)
                {
                    return false;
                }

                (inside, length) = (true, 0);
            }
            else if (ch == '}')
            {
                if (!inside || length == 0)
                {
                    return false;
                }

                inside = false;
            }
            else if (inside)
            {
                if (ch is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
                {
                    return false;
                }

                length++;
            }
        }

        return !inside;
    }
}
