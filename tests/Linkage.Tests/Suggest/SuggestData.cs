using System.Globalization;
using System.Text;

using Linkage.Suggest;
using Linkage.Tests.TestSupport;

namespace Linkage.Tests.Suggest;

/// <summary>One labelled example of the test data: the label as written, its target and class, its language and (for variants) what kind of variant it is.</summary>
internal sealed record LabelledExample(string Label, SuggestionTarget Target, string Canonical, string Language, string Kind);

/// <summary>The test data of <c>Suggest/Data/</c> and the confusion tables written from it.</summary>
internal static class SuggestData
{
    public static readonly string[] Languages = ["en", "fr", "de", "it", "ru", "es", "code"];

    private static readonly SortedDictionary<string, string> Sections = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();

    /// <summary>The built-in linkage and measure labels of vocabulary.json, tagged by language.</summary>
    public static IReadOnlyList<LabelledExample> LabelsByLanguage { get; } = Read("labels-by-language.tsv");

    /// <summary>Variants written for the tests (typos, abbreviations, inflections, mixed scripts, word order), none in vocabulary.json.</summary>
    public static IReadOnlyList<LabelledExample> UnseenVariants { get; } = Read("unseen-variants.tsv");

    /// <summary>Labels outside the publication (other indicators, ages, sexes, forms, citizenship, countries, rates): the answer is "none".</summary>
    public static IReadOnlyList<LabelledExample> OutOfDomain { get; } = Read("out-of-domain.tsv");

    private static List<LabelledExample> Read(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Suggest", "Data", name);
        var list = new List<LabelledExample>();
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var f = line.Split('\t');
            var target = f[1] switch
            {
                "linkage" => SuggestionTarget.Linkage,
                "measure" => SuggestionTarget.Measure,
                "column" => SuggestionTarget.Column,
                _ => throw new InvalidDataException($"{name}: unknown target '{f[1]}'"),
            };
            list.Add(new LabelledExample(f[0], target, f[2], f[3], f.Length > 4 ? f[4] : string.Empty));
        }

        return list;
    }

    /// <summary>A Markdown confusion table: rows the true class, columns the predicted class.</summary>
    public static string ConfusionTable(IReadOnlyList<string> classes, IEnumerable<(string Truth, string Predicted)> pairs)
    {
        var counts = pairs.CountBy(p => p).ToDictionary(kv => kv.Key, kv => kv.Value);
        var sb = new StringBuilder();
        sb.Append("| true \\ predicted | ").AppendJoin(" | ", classes).Append(" |\n");
        sb.Append("| --- |").Append(string.Concat(classes.Select(_ => " ---: |"))).Append('\n');
        foreach (var truth in classes)
        {
            sb.Append("| ").Append(truth).Append(" |");
            foreach (var predicted in classes)
            {
                var n = counts.GetValueOrDefault((truth, predicted));
                sb.Append(' ').Append(n.ToString(CultureInfo.InvariantCulture)).Append(" |");
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>Adds or replaces one section of <c>CONFUSION.md</c> at the repository root (not committed) and rewrites the file.</summary>
    public static void WriteSection(string title, string body)
    {
        lock (Gate)
        {
            Sections[title] = body;
            var root = RepositoryRoot();
            if (root is null)
            {
                return;
            }

            var sb = new StringBuilder("# Label suggestions: confusion tables\n\nWritten by `tests/Linkage.Tests/Suggest/LabelSuggesterEvaluationTests.cs`; rows are the true class, columns the predicted class.\n");
            foreach (var (name, text) in Sections)
            {
                sb.Append("\n## ").Append(name).Append("\n\n").Append(text);
            }

            File.WriteAllText(Path.Combine(root, "CONFUSION.md"), sb.ToString());
        }
    }

    private static string? RepositoryRoot() => Repository.TryRoot;
}
