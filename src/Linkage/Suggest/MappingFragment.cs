using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Linkage.Suggest;

/// <summary>
/// Writes review rows as a ready-to-edit <c>--config</c> fragment: the <c>linkage</c>, <c>measure</c> and
/// <c>columns</c> sections with each suggested alias, and a comment above each giving its confidence, the runner-up
/// and where it was met (the config loader skips comments). A statistician deletes what is wrong and passes the rest.
/// </summary>
public static class MappingFragment
{
    private static readonly JsonSerializerOptions Strings = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The fragment's text (UTF-8, LF line ends).</summary>
    public static string Write(IReadOnlyList<MappingReviewRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append("// Suggested by linkage mappings suggest: review each mapping, delete the wrong ones, then pass this\n")
            .Append("// file with --config (or merge its sections into your config). Nothing is applied until you do.\n")
            .Append("{\n");
        var sections = rows
            .GroupBy(r => (r.Section, r.Label))
            .Select(g => g.First())
            .GroupBy(r => r.Section)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        for (var s = 0; s < sections.Count; s++)
        {
            text.Append("  ").Append(Quote(sections[s].Key)).Append(": {\n");
            // "None of these" is no mapping: it is said in a comment, and nothing is written under it.
            foreach (var r in sections[s].Where(r => r.Suggestion.Canonical == LabelSuggester.None).OrderBy(r => r.Label, StringComparer.Ordinal))
            {
                var why = r.Suggestion.Why ?? string.Create(inv, $"confidence {r.Suggestion.Confidence:0.00}");
                text.Append(string.Create(inv, $"    // {Quote(r.Label)}: none of these, outside the publication ({why}); {r.RowsAffected} row(s) in {string.Join(", ", r.Files.Select(Quote))}\n"));
            }

            var byCanonical = sections[s].Where(r => r.Suggestion.Canonical != LabelSuggester.None).GroupBy(r => r.Suggestion.Canonical).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
            for (var c = 0; c < byCanonical.Count; c++)
            {
                var labels = byCanonical[c].OrderByDescending(r => r.RowsAffected).ThenBy(r => r.Label, StringComparer.Ordinal).ToList();
                foreach (var r in labels)
                {
                    var runnerUp = r.Suggestion.RunnerUp is null ? string.Empty : string.Create(inv, $", runner-up {r.Suggestion.RunnerUp} ({r.Suggestion.RunnerUpConfidence:0.00})");
                    text.Append(string.Create(inv, $"    // {Quote(r.Label)}: confidence {r.Suggestion.Confidence:0.00}{runnerUp}; {r.RowsAffected} row(s) in {string.Join(", ", r.Files.Select(Quote))}\n"));
                }

                text.Append("    ").Append(Quote(byCanonical[c].Key)).Append(": [")
                    .Append(string.Join(", ", labels.Select(r => Quote(r.Label))))
                    .Append(c < byCanonical.Count - 1 ? "],\n" : "]\n");
            }

            text.Append(s < sections.Count - 1 ? "  },\n" : "  }\n");
        }

        return text.Append("}\n").ToString();
    }

    private static string Quote(string value) => JsonSerializer.Serialize(value, Strings);
}
