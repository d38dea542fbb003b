using Linkage.Config;
using Linkage.Problems;
using Linkage.Recognise;
using Linkage.Reconcile;

namespace Linkage.Suggest;

/// <summary>One unrecognised label or header, where it was met, and what the model suggests it means.</summary>
/// <param name="Label">The label or header as written in the submission.</param>
/// <param name="Column">The column it came from (for a header: the header itself).</param>
/// <param name="Target">Whether it is a linkage label, a measure label or a column header.</param>
/// <param name="RowsAffected">Rows rejected because of it.</param>
/// <param name="Files">The files it was met in, in input order.</param>
/// <param name="Suggestion">The model's best class, its probability and the runner-up.</param>
public sealed record MappingReviewRow(string Label, string Column, SuggestionTarget Target, long RowsAffected, IReadOnlyList<string> Files, Suggestion Suggestion)
{
    /// <summary>The config section a mapping of this row goes under: <c>linkage</c>, <c>measure</c> or <c>columns</c>.</summary>
    public string Section => Target switch
    {
        SuggestionTarget.Linkage => "linkage",
        SuggestionTarget.Measure => "measure",
        _ => "columns",
    };
}

/// <summary>
/// Collects what a run did not recognise — linkage labels (<c>unrecognised-label</c>), measure labels
/// (<c>unrecognised-measure</c>) and column headers (<c>unrecognised-column</c>) — and asks a
/// <see cref="LabelSuggester"/> what each may mean. A model is trained only for a target that has something to
/// suggest for, so a run that recognised everything trains nothing. Nothing here changes the run's data: a
/// suggestion becomes a mapping only through a config the statistician passes, or <c>--accept-suggestions</c>.
/// </summary>
public static class MappingReview
{
    private static int _modelRequests;

    /// <summary>Models asked for in this process (each trained once by <see cref="LabelSuggester.Train"/>); a clean run asks for none.</summary>
    internal static int ModelRequests => Volatile.Read(ref _modelRequests);

    /// <summary>The review rows of a run, most rows affected first (then label, ordinal).</summary>
    public static IReadOnlyList<MappingReviewRow> Build(PipelineResult result, Vocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(vocabulary);
        // Counted as met, not collected: a large file can reject millions of rows for one unknown label.
        var met = new Dictionary<(string Label, string Column, SuggestionTarget Target), Met>();
        void Meet(string label, string column, SuggestionTarget target, string file, int? row)
        {
            if (!met.TryGetValue((label, column, target), out var m))
            {
                m = new Met();
                met[(label, column, target)] = m;
            }

            if (!m.Files.Contains(file, StringComparer.Ordinal))
            {
                m.Files.Add(file);
            }

            // Rejects come file by file in row order, so a row met twice for one label is met twice in a row.
            if (row is { } r && (m.LastFile != file || m.LastRow != r))
            {
                m.Rows++;
                (m.LastFile, m.LastRow) = (file, r);
            }
        }

        var wideFiles = result.Files.Where(f => f.Plan?.Layout == Layout.Wide).Select(f => f.File).ToHashSet(StringComparer.Ordinal);
        foreach (var file in result.Files)
        {
            foreach (var p in RejectCollection.InRowOrder(file.Rejects))
            {
                switch (p.Code)
                {
                    case "unrecognised-label" when !string.IsNullOrWhiteSpace(p.Value):
                        Meet(p.Value!, p.Column ?? string.Empty, SuggestionTarget.Linkage, p.File, p.Row);
                        break;
                    case "unrecognised-measure" when !string.IsNullOrWhiteSpace(p.Value):
                        Meet(p.Value!, p.Column ?? string.Empty, SuggestionTarget.Measure, p.File, p.Row);
                        break;
                    case "unrecognised-column" when !string.IsNullOrWhiteSpace(p.Column):
                        Meet(p.Column!, p.Column!, SuggestionTarget.Column, p.File, p.Row);
                        break;
                }
            }

            // A header nobody filled in is still worth mapping before the next submission fills it.
            foreach (var p in file.FileProblems.Where(p => p.Code == "unrecognised-column" && !string.IsNullOrWhiteSpace(p.Column)))
            {
                Meet(p.Column!, p.Column!, SuggestionTarget.Column, p.File, null);
            }
        }

        var rows = new List<MappingReviewRow>();
        foreach (var (key, m) in met.Where(m => PersonalDataGuard.Kind(m.Key.Label, vocabulary) is null))
        {
            var (target, suggestion) = (key.Target, Suggest(vocabulary, key.Target, key.Label));

            // In a wide file the linkage categories are columns: an unknown header there may be a linkage label
            // ("Herkunft unbekannt"), which the config maps under "linkage", not "columns".
            if (target == SuggestionTarget.Column && m.Files.Any(wideFiles.Contains))
            {
                // The column model answering "a linkage column" says the same: in a wide file that is a category.
                var asLinkage = Suggest(vocabulary, SuggestionTarget.Linkage, key.Label);
                // "None of these" as a linkage label says nothing about what else the header is.
                if (asLinkage.Canonical != LabelSuggester.None && (asLinkage.Confidence > suggestion.Confidence || suggestion.Canonical == "linkage"))
                {
                    (target, suggestion) = (SuggestionTarget.Linkage, asLinkage);
                }
            }

            rows.Add(new MappingReviewRow(key.Label, key.Column, target, m.Rows, [.. m.Files], suggestion));
        }

        return [.. rows
            .OrderByDescending(r => r.RowsAffected)
            .ThenBy(r => r.Label, StringComparer.Ordinal)
            .ThenBy(r => r.Column, StringComparer.Ordinal)
            .ThenBy(r => r.Target)];
    }

    /// <summary>
    /// The user's config with every suggestion of confidence ≥ <paramref name="threshold"/> added as an alias, and
    /// the rows applied. A suggestion never overrides a mapping the config already has for the same label.
    /// </summary>
    public static (LinkageConfig Config, IReadOnlyList<MappingReviewRow> Applied) Accept(LinkageConfig? config, IReadOnlyList<MappingReviewRow> rows, double threshold)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var merged = Clone(config ?? new LinkageConfig());
        var applied = new List<MappingReviewRow>();
        foreach (var row in rows.Where(r => r.Suggestion.Confidence >= threshold && r.Suggestion.Canonical != LabelSuggester.None).GroupBy(r => (r.Target, r.Label)).Select(g => g.First()))
        {
            var section = row.Target switch
            {
                SuggestionTarget.Linkage => merged.Linkage,
                SuggestionTarget.Measure => merged.Measure,
                _ => merged.Columns,
            };
            var folded = TextFold.Fold(row.Label);
            if (section.Values.Any(names => names.Any(n => TextFold.Fold(n) == folded)))
            {
                continue;
            }

            if (!section.TryGetValue(row.Suggestion.Canonical, out var names))
            {
                section[row.Suggestion.Canonical] = names = [];
            }

            names.Add(row.Label);
            applied.Add(row);
        }

        return (merged, applied);
    }

    /// <summary>The model that suggests for <paramref name="target"/> (trained on first use, then cached by <see cref="LabelSuggester"/>).</summary>
    private static LabelSuggester SuggesterFor(Vocabulary vocabulary, SuggestionTarget target)
    {
        Interlocked.Increment(ref _modelRequests);
        return LabelSuggester.Train(vocabulary, target);
    }

    private static LinkageConfig Clone(LinkageConfig config) => config with
    {
        Columns = config.Columns.ToDictionary(kv => kv.Key, kv => kv.Value.ToList()),
        Linkage = config.Linkage.ToDictionary(kv => kv.Key, kv => kv.Value.ToList()),
        Measure = config.Measure.ToDictionary(kv => kv.Key, kv => kv.Value.ToList()),
    };

    /// <summary>Where one unknown label was met: its files in order, and the distinct rows.</summary>
    private sealed class Met
    {
        public List<string> Files { get; } = [];

        public long Rows { get; set; }

        public string? LastFile { get; set; }

        public int LastRow { get; set; }
    }

    /// <summary>
    /// The suggestion for one label: the model's, unless the label's own words (prosecuted, female, nationals) or a
    /// country's name make it none of the linkage categories, whatever the model's least unlikely category is.
    /// </summary>
    internal static Suggestion Suggest(Vocabulary vocabulary, SuggestionTarget target, string label)
    {
        var suggestion = SuggesterFor(vocabulary, target).Suggest(label);
        var reading = Recognise.Concepts.ConceptLexicon.BuiltIn.Read(TextFold.Fold(label));
        var why = target switch
        {
            SuggestionTarget.Linkage => NotALinkageLabel(label) ?? Contradicts(Recognise.Concepts.LabelMeaning.Linkage(reading) is { Linkage: { } l } ? (l.Category is { } c ? Model.Codes.Of(c) : "total") : null),
            SuggestionTarget.Measure => Recognise.Concepts.LabelMeaning.NotAMeasureLabel(reading) ?? Contradicts(Recognise.Concepts.LabelMeaning.Measure(reading) is { Measure: { } m } ? Model.Codes.Of(m) : null),
            _ => null,
        };

        // Where the label's words do read as a category, a model that says another is overruled, not followed.
        string? Contradicts(string? read) =>
            read is not null && read != suggestion.Canonical ? $"its words read as {read}, not {suggestion.Canonical}" : null;

        return why is null ? suggestion : new Suggestion(label, LabelSuggester.None, 1, suggestion.Canonical, suggestion.Confidence) { Why = why };
    }

    /// <summary>Why <paramref name="label"/> is no linkage label by its words or as a country's name or demonym; null when nothing says so.</summary>
    internal static string? NotALinkageLabel(string label)
    {
        var folded = TextFold.Fold(label);
        if (Recognise.Concepts.LabelMeaning.NotALinkageLabel(Recognise.Concepts.ConceptLexicon.BuiltIn.Read(folded)) is { } why)
        {
            return why;
        }

        // Two- and three-letter texts are left alone: "no" is Norway's code and a linkage label too.
        return folded.Length > 3 && (Geography.BuiltIn.FindCountryFolded(folded) ?? Geography.BuiltIn.FindCitizenshipFolded(folded)) is { } country
            ? $"it names a country or its citizens ({country.Name})"
            : null;
    }
}
