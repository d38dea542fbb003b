using Linkage.Model;
using Linkage.Problems;

namespace Linkage.Recognise;

/// <summary>Recognises the layout of a submission and the role of each column from its header alone.</summary>
public static class LayoutDetector
{
    private static readonly ColumnRole[] UniqueRoles =
    [
        ColumnRole.State, ColumnRole.Area, ColumnRole.Period, ColumnRole.Quarter, ColumnRole.Month, ColumnRole.Date,
        ColumnRole.Measure, ColumnRole.Linkage, ColumnRole.Flag, ColumnRole.Confidentiality,
        ColumnRole.Origin, ColumnRole.Exploitation,
    ];

    /// <summary>Builds the plan for a header; <paramref name="forced"/> is the <c>--layout</c> override.</summary>
    public static LayoutPlan Detect(string file, int headerLine, IReadOnlyList<string> header, Vocabulary vocabulary, Layout? forced = null)
    {
        var columns = header.Select((h, i) => Assign(i, h, vocabulary)).ToList();
        var problems = new List<Problem>();

        foreach (var role in UniqueRoles)
        {
            var same = columns.Where(c => c.Role == role).ToList();
            if (same.Count > 1)
            {
                problems.Add(ProblemCatalogue.AmbiguousColumns(file, headerLine, RoleName(role), same[0].Header, same[1].Header));
            }
        }

        // Counts, totals and categories may repeat once per measure ("children_internal", "cases_internal").
        foreach (var group in columns.Where(c => c.Role is ColumnRole.Category or ColumnRole.Total or ColumnRole.Count).GroupBy(c => (c.Role, c.Category, c.MeasureHint)))
        {
            var same = group.ToList();
            if (same.Count > 1)
            {
                var what = group.Key.Category is { } cat ? Codes.Of(cat) : RoleName(group.Key.Role);
                problems.Add(ProblemCatalogue.AmbiguousColumns(file, headerLine, what, same[0].Header, same[1].Header));
            }
        }

        var (layout, reason) = forced is { } f ? (f, "--layout") : Choose(header, columns);
        if (layout is null)
        {
            var found = columns.Where(c => c.Role is not (ColumnRole.Unrecognised or ColumnRole.Ignore)).Select(c => $"{c.Header} = {RoleName(c.Role)}").ToList();
            problems.Add(ProblemCatalogue.LayoutUnrecognised(
                file,
                headerLine,
                found.Count == 0 ? "no known column" : string.Join(", ", found),
                "a linkage column with a count, linkage category columns or a total, or case-level country columns"));
            return new LayoutPlan(null, reason, columns, problems);
        }

        CheckRequired(file, headerLine, layout.Value, columns, problems);
        foreach (var c in columns.Where(c => c.Role == ColumnRole.Unrecognised))
        {
            problems.Add(ProblemCatalogue.UnrecognisedColumn(file, headerLine, c.Header, c.Index + 1));
        }

        return new LayoutPlan(layout, reason, columns, problems);
    }

    /// <summary>The name of a role as written in config files and messages.</summary>
    public static string RoleName(ColumnRole role) => role switch
    {
        ColumnRole.Category => "linkage category",
        _ => role.ToString().ToLowerInvariant(),
    };

    /// <summary>True when a header is that of SDMX-CSV 2.0: <c>STRUCTURE</c>, <c>STRUCTURE_ID</c>, and an <c>ACTION</c> column.</summary>
    public static bool IsSdmxV2Header(IReadOnlyList<string> header)
    {
        ArgumentNullException.ThrowIfNull(header);

        // SDMX-CSV 2.0 may put STRUCTURE_NAME between STRUCTURE_ID and ACTION when labels are included.
        return header.Count >= 3 && TextFold.Fold(header[0]) == "structure" && TextFold.Fold(header[1]) == "structure id" && header.Any(h => TextFold.Fold(h) == "action");
    }

    private static (Layout? Layout, string Reason) Choose(IReadOnlyList<string> header, List<ColumnAssignment> columns)
    {
        var folded = header.Select(TextFold.Fold).ToList();
        if (IsSdmxV2Header(header))
        {
            return (Layout.SdmxV2, "the header starts with STRUCTURE, STRUCTURE_ID and has ACTION (SDMX-CSV 2.0)");
        }

        if (folded.Count >= 1 && folded[0] == "dataflow")
        {
            return (Layout.SdmxV1, "the header starts with DATAFLOW (SDMX-CSV 1.0)");
        }

        bool Has(ColumnRole r) => columns.Any(c => c.Role == r);
        if (Has(ColumnRole.Origin) || Has(ColumnRole.Exploitation))
        {
            return (Layout.Records, "it has case-level columns (countries of origin and exploitation)");
        }

        // Category columns settle it before a date does: an aggregate file may carry a report date.
        if (Has(ColumnRole.Category) || (Has(ColumnRole.Total) && !Has(ColumnRole.Linkage)))
        {
            return (Layout.Wide, "linkage categories (or a total) are columns");
        }

        if (Has(ColumnRole.Date))
        {
            return (Layout.Records, "it has a case date and no linkage category columns");
        }

        if (Has(ColumnRole.Linkage) && Has(ColumnRole.Count))
        {
            return (Layout.Long, "it has a linkage label column and a count column");
        }

        if (Has(ColumnRole.Linkage))
        {
            return (Layout.Records, "it has a linkage label column but no count: one row per case");
        }

        if (Has(ColumnRole.Count))
        {
            return (Layout.Long, "it has a count column but no linkage: each count is a total with linkage not recorded");
        }

        return (null, "no layout fits");
    }

    private static void CheckRequired(string file, int headerLine, Layout layout, List<ColumnAssignment> columns, List<Problem> problems)
    {
        bool Has(ColumnRole r) => columns.Any(c => c.Role == r);
        var name = LayoutPlan.NameOf(layout);
        void Require(bool ok, string role)
        {
            if (!ok)
            {
                problems.Add(ProblemCatalogue.MissingRole(file, headerLine, name, role));
            }
        }

        Require(Has(ColumnRole.State), "state");
        if (Has(ColumnRole.Quarter) || Has(ColumnRole.Month))
        {
            Require(Has(ColumnRole.Period), "year (needed with a quarter or month column)");
        }

        // A value column the layout does not read would be dropped without a word; case-level columns are
        // only noted, since an aggregate file may carry a report date.
        var valueRoles = layout switch
        {
            Layout.Wide => new[] { ColumnRole.Count, ColumnRole.Linkage },
            Layout.Records => [],
            _ => [ColumnRole.Total, ColumnRole.Category],
        };
        foreach (var c in columns.Where(c => valueRoles.Contains(c.Role)))
        {
            problems.Add(ProblemCatalogue.ColumnNotUsed(file, headerLine, name, c.Header, RoleName(c.Role), Severity.Error));
        }

        if (layout != Layout.Records)
        {
            foreach (var c in columns.Where(c => c.Role is ColumnRole.Date or ColumnRole.Origin or ColumnRole.Exploitation))
            {
                problems.Add(ProblemCatalogue.ColumnNotUsed(file, headerLine, name, c.Header, RoleName(c.Role), Severity.Warning));
            }
        }

        switch (layout)
        {
            case Layout.Wide:
                Require(Has(ColumnRole.Period), "period");
                Require(Has(ColumnRole.Category) || Has(ColumnRole.Total), "linkage category or total");
                break;
            case Layout.Long or Layout.SdmxV1 or Layout.SdmxV2:
                Require(Has(ColumnRole.Period), "period");
                Require(Has(ColumnRole.Count), "count");
                break;
            case Layout.Records:
                Require(Has(ColumnRole.Period) || Has(ColumnRole.Date), "period or date");
                if (columns.FirstOrDefault(c => c.Role is ColumnRole.Count or ColumnRole.Total or ColumnRole.Category) is { } count)
                {
                    // Each case record counts as one; a count column means the file is aggregate, and ignoring it would miscount.
                    problems.Add(ProblemCatalogue.CountInRecords(file, headerLine, count.Header));
                }

                Require(Has(ColumnRole.Linkage) || (Has(ColumnRole.Origin) && Has(ColumnRole.Exploitation)), "linkage (or both country of origin and country of exploitation)");
                break;
        }
    }

    private static ColumnAssignment Assign(int index, string header, Vocabulary vocabulary)
    {
        var folded = TextFold.Fold(header);
        if (folded.Length == 0)
        {
            return new(index, header, ColumnRole.Unrecognised, null, null, "the header cell is empty");
        }

        if (vocabulary.Columns.TryGetValue(folded, out var role))
        {
            // "total cases" is a known total column that also names its measure; without the measure its total
            // would join the file's default measure and be set against the wrong categories.
            Measure? hint = role == ColumnRole.Total && SplitMeasure(folded, vocabulary) is { Label.IsTotal: true } named ? named.Measure : null;
            return new(index, header, role, null, hint, $"'{header}' is a known name for the {RoleName(role)} column");
        }

        if (vocabulary.Linkage.TryGetValue(folded, out var label))
        {
            return label.IsTotal
                ? new(index, header, ColumnRole.Total, null, null, $"'{header}' is a known label for the total")
                : new(index, header, ColumnRole.Category, label.Category, null, $"'{header}' is a known label for {Codes.Of(label.Category!.Value)}");
        }

        if (vocabulary.Measures.TryGetValue(folded, out var measure))
        {
            return new(index, header, ColumnRole.Count, null, measure, $"'{header}' names the measure {Codes.Of(measure)}, so it holds the counts");
        }

        if (SplitMeasure(folded, vocabulary) is { } split)
        {
            var (m, combined) = split;
            return combined.IsTotal
                ? new(index, header, ColumnRole.Total, null, m, $"'{header}' combines the measure {Codes.Of(m)} with the total")
                : new(index, header, ColumnRole.Category, combined.Category, m, $"'{header}' combines the measure {Codes.Of(m)} with {Codes.Of(combined.Category!.Value)}");
        }

        return new(index, header, ColumnRole.Unrecognised, null, null, $"'{header}' is not in the dictionary");
    }

    /// <summary>Splits a folded header that combines a measure and a linkage label, e.g. "children internal" or "total cases".</summary>
    private static (Measure Measure, LinkageLabel Label)? SplitMeasure(string folded, Vocabulary vocabulary)
    {
        foreach (var (measureLabel, m) in vocabulary.Measures)
        {
            string? rest = null;
            if (folded.StartsWith(measureLabel + " ", StringComparison.Ordinal))
            {
                rest = folded[(measureLabel.Length + 1)..];
            }
            else if (folded.EndsWith(" " + measureLabel, StringComparison.Ordinal))
            {
                rest = folded[..^(measureLabel.Length + 1)];
            }

            if (rest is not null && vocabulary.Linkage.TryGetValue(rest, out var combined))
            {
                return (m, combined);
            }
        }

        return null;
    }
}
