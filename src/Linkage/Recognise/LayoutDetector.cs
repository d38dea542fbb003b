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

    /// <summary>
    /// Builds the plan for a header and, when given, the file's first rows: the header proposes a role for each column,
    /// the values confirm it, decide it where the header is silent or weak, or contradict it (then the file gets one
    /// problem naming both). <paramref name="forced"/> is the <c>--layout</c> override.
    /// </summary>
    /// <param name="file">File name, for problems.</param>
    /// <param name="headerLine">1-based line of the header.</param>
    /// <param name="header">The header cells.</param>
    /// <param name="vocabulary">Codes and config aliases.</param>
    /// <param name="forced">The layout given with <c>--layout</c>.</param>
    /// <param name="sample">The first rows, whose values are evidence.</param>
    /// <param name="geography">States and countries.</param>
    /// <param name="stateGiven">How a file without a State column gets its State: <c>fixed</c> (<c>--state</c>), <c>exploitation</c> (<c>stateFrom</c>), or null.</param>
    public static LayoutPlan Detect(string file, int headerLine, IReadOnlyList<string> header, Vocabulary vocabulary, Layout? forced = null, IReadOnlyList<string[]>? sample = null, Geography? geography = null, string? stateGiven = null)
    {
        ArgumentNullException.ThrowIfNull(header);
        var columns = header.Select((h, i) => Assign(i, h, vocabulary)).ToList();
        var problems = new List<Problem>();
        var outside = false;
        ColumnProfile[]? profiles = null;
        if (sample is { Count: > 0 })
        {
            profiles = ValueProfiler.Profile(header.Count, sample, vocabulary, geography ?? Geography.BuiltIn);
            outside = WeighValues(file, headerLine, columns, profiles, problems);
        }

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
            return new LayoutPlan(null, reason, columns, problems) { SetAsideOutsideOsce = outside };
        }

        if (layout == Layout.Records)
        {
            // In case records, a column that is no role (a data source, control methods, gender) does not change
            // what a row counts: it is ignored, with one warning naming it. So is a person's sex.
            for (var i = 0; i < columns.Count; i++)
            {
                if (columns[i].Role is ColumnRole.Unrecognised or ColumnRole.Sex or ColumnRole.Form or ColumnRole.Breakdown or ColumnRole.Source or ColumnRole.Region
                    && columns[i].Header.Length > 0)
                {
                    if (columns[i].Role == ColumnRole.Unrecognised)
                    {
                        problems.Add(ProblemCatalogue.RecordColumnIgnored(file, headerLine, columns[i].Header));
                    }

                    columns[i] = columns[i] with { Role = ColumnRole.Ignore, Reason = columns[i].Reason + "; ignored: in case records it does not change what a row counts" };
                }
            }
        }
        else if (sample is { Count: > 1 } && profiles is not null)
        {
            // In aggregate files, a column no header placed may still split the rows of one cell: a breakdown.
            MarkSplittingColumns(columns, profiles, sample);
        }

        CheckRequired(file, headerLine, layout.Value, columns, problems, stateGiven);
        foreach (var c in columns.Where(c => c.Role == ColumnRole.Unrecognised))
        {
            problems.Add(ProblemCatalogue.UnrecognisedColumn(file, headerLine, c.Header, c.Index + 1));
        }

        return new LayoutPlan(layout, reason, columns, problems) { SetAsideOutsideOsce = outside };
    }

    /// <summary>Distinct values a breakdown found by its values may have: more is a free-text column, not a breakdown.</summary>
    private const int MaxBreakdownValues = 12;

    /// <summary>The roles that say which cell a row of an aggregate file counts: two rows alike in all of them count the same cell.</summary>
    private static readonly ColumnRole[] CellRoles =
    [
        ColumnRole.State, ColumnRole.Area, ColumnRole.Period, ColumnRole.Quarter, ColumnRole.Month, ColumnRole.Measure, ColumnRole.Linkage,
        ColumnRole.Sex, ColumnRole.Age, ColumnRole.Form, ColumnRole.Breakdown, ColumnRole.BreakdownName, ColumnRole.BreakdownValue,
        ColumnRole.Origin, ColumnRole.Unit, ColumnRole.UnitMultiplier,
    ];

    /// <summary>
    /// In an aggregate file, a column no header reading placed, whose few text values split the rows of one cell
    /// (two rows for the same State, period, measure and linkage that differ only there), is a breakdown: its total
    /// is used and its parts are set aside, never added to it (design.md "Input layouts", slices). A column that
    /// splits nothing stays unrecognised, and its rows are rejected as before.
    /// </summary>
    private static void MarkSplittingColumns(List<ColumnAssignment> columns, ColumnProfile[] profiles, IReadOnlyList<string[]> sample)
    {
        var keyColumns = columns.Where(c => CellRoles.Contains(c.Role)).Select(c => c.Index).ToArray();
        if (!columns.Any(c => c.Role is ColumnRole.State or ColumnRole.Period))
        {
            return;
        }

        for (var i = 0; i < columns.Count; i++)
        {
            var c = columns[i];
            var p = profiles[i];
            if (c.Role != ColumnRole.Unrecognised || TextFold.Fold(c.Header).Length == 0 || p.Distinct.Count is < 2 or > MaxBreakdownValues
                || p.Counts * 2 > p.Values || p.Years * 2 > p.Values || p.Dates > 0)
            {
                continue;
            }

            var seen = new Dictionary<string, string>(StringComparer.Ordinal);
            string? split = null;
            foreach (var row in sample)
            {
                if (i >= row.Length)
                {
                    continue;
                }

                var key = string.Join('\u001f', keyColumns.Select(k => k < row.Length ? TextFold.Fold(row[k]) : string.Empty));
                var value = row[i].Trim();
                if (seen.TryGetValue(key, out var other) && other != value)
                {
                    split = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"'{other}' and '{value}' split the rows of one State and period");
                    break;
                }

                seen.TryAdd(key, value);
            }

            if (split is null)
            {
                continue;
            }

            var values = string.Join(", ", p.Distinct.Order(StringComparer.Ordinal).Take(6)) + (p.Distinct.Count > 6 ? ", …" : string.Empty);
            var reason = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{c.Reason}; its values decide: {p.Distinct.Count} distinct values ({values}), and {split}: a breakdown whose total is used, its parts set aside");
            columns[i] = c with { Role = ColumnRole.Breakdown, Confidence = 0.8, Reason = reason };
        }
    }

    /// <summary>Distinct countries outside the OSCE in a State column that make a file a world-wide publication.</summary>
    private const int OutsideThreshold = 3;

    /// <summary>
    /// Combines each column's header reading with what its values say. Returns true when the State column covers
    /// countries outside the OSCE (a world-wide publication, whose other countries' rows are set aside).
    /// </summary>
    private static bool WeighValues(string file, int headerLine, List<ColumnAssignment> columns, ColumnProfile[] profiles, List<Problem> problems)
    {
        var evidence = profiles.Select((p, i) => ValueProfiler.Evidence(p, columns[i].Role)).ToArray();
        for (var i = 0; i < columns.Count; i++)
        {
            var c = columns[i];
            var p = profiles[i];
            var e = evidence[i];
            c = c with { ValueEvidence = e?.Evidence ?? Describe(p), CommaGroupsThousands = p.CommaGrouped > 0 };
            if (e is not null && Disagrees(c, e))
            {
                problems.Add(ProblemCatalogue.HeaderValuesDisagree(file, headerLine, c.Header, RoleName(c.Role), e.Evidence));
            }

            if (c.Role == ColumnRole.State && e is { Role: ColumnRole.State, Codes: { } codes })
            {
                c = c with { Codes = codes };
            }

            columns[i] = c;
        }

        bool Taken(ColumnRole role) => columns.Any(x => x.Role == role && x.Confidence >= Concepts.HeaderMeaning.Weak);

        // Where the header says nothing sure, the values decide, if their role is still free.
        for (var i = 0; i < columns.Count; i++)
        {
            var c = columns[i];
            if (evidence[i] is not { } e || c.Confidence >= Concepts.HeaderMeaning.Weak && c.Role != ColumnRole.Unrecognised)
            {
                continue;
            }

            var free = e.Role switch
            {
                ColumnRole.Count => !columns.Any(x => x.Role is ColumnRole.Count or ColumnRole.Category or ColumnRole.Total),
                ColumnRole.Age => !Taken(ColumnRole.Age),

                // Country codes beside a State column of names (OWID's "Entity,Code"): the codes are the State, and
                // the names are checked against them below.
                ColumnRole.State => !Taken(ColumnRole.State) || (profiles[i].Mostly(profiles[i].ShortCodes)
                    && columns.Where(x => x.Role == ColumnRole.State).All(x => !profiles[x.Index].Mostly(profiles[x.Index].ShortCodes) && x.Codes is null)),
                _ => !Taken(e.Role),
            };
            if (free)
            {
                columns[i] = c with { Role = e.Role, Category = null, Confidence = 0.9, Codes = e.Codes, Reason = $"{c.Reason}; its values decide: {e.Evidence}" };
            }
        }

        // A unit column whose values are children/investigations is the measure (SDMX files use UNIT_MEASURE for it).
        if (!columns.Any(x => x.Role == ColumnRole.Measure))
        {
            for (var i = 0; i < columns.Count; i++)
            {
                if (columns[i].Role == ColumnRole.Unit && evidence[i] is { Role: ColumnRole.Measure } e)
                {
                    columns[i] = columns[i] with { Role = ColumnRole.Measure, Reason = $"{columns[i].Reason}; its values are measures, and no other column gives the measure: {e.Evidence}" };
                    break;
                }
            }
        }

        // Two State columns (a code and a name): the one whose values are codes is the State, the other is checked against it.
        var states = columns.Where(x => x.Role == ColumnRole.State).ToList();
        if (states.Count == 2)
        {
            var codes = states.Where(x => profiles[x.Index].Mostly(profiles[x.Index].ShortCodes) || x.Codes is not null).ToList();
            if (codes.Count == 1)
            {
                var name = states.Single(x => x != codes[0]);
                columns[name.Index] = name with { Role = ColumnRole.StateName, Reason = $"{name.Reason}; a second State column beside the codes in '{codes[0].Header}': it names the same State" };
            }
        }

        // Counts that carry a header part ("… - Female") keep it; a column of values that is weak stays as read.
        var state = columns.FirstOrDefault(x => x.Role == ColumnRole.State);
        return state is not null && profiles[state.Index].DistinctOutside.Count >= OutsideThreshold;
    }

    /// <summary>A summary of values that point to no role: how many were seen.</summary>
    private static string Describe(ColumnProfile p) => p.Values == 0
        ? "no value in the first rows"
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{p.Values} values, {p.Distinct.Count}{(p.Distinct.Count == ColumnProfile.MaxDistinct ? "+" : string.Empty)} distinct, of no one kind");

    /// <summary>True when a sure header role is contradicted by values of another, specific kind.</summary>
    private static bool Disagrees(ColumnAssignment c, ValueEvidence e)
    {
        if (c.Confidence < Concepts.HeaderMeaning.Weak || c.Role is ColumnRole.Unrecognised or ColumnRole.Ignore)
        {
            return false;
        }

        return (c.Role, e.Role) switch
        {
            (ColumnRole.State, ColumnRole.Linkage or ColumnRole.Measure or ColumnRole.Period or ColumnRole.Count) => true,
            (ColumnRole.Linkage, ColumnRole.State or ColumnRole.Period or ColumnRole.Count or ColumnRole.Measure) => true,
            (ColumnRole.Period, ColumnRole.State or ColumnRole.Linkage or ColumnRole.Measure) => true,
            (ColumnRole.Count or ColumnRole.Total or ColumnRole.Category, ColumnRole.State or ColumnRole.Linkage or ColumnRole.Measure) => true,
            (ColumnRole.Measure, ColumnRole.State or ColumnRole.Linkage or ColumnRole.Count or ColumnRole.Period) => true,
            _ => false,
        };
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

        // A citizenship column beside a count is a breakdown of an aggregate file, not a case record.
        if (Has(ColumnRole.Origin) && !Has(ColumnRole.Exploitation) && Has(ColumnRole.Count) && !Has(ColumnRole.Date))
        {
            return (Layout.Long, "it has a count column and a citizenship breakdown");
        }

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

    private static void CheckRequired(string file, int headerLine, Layout layout, List<ColumnAssignment> columns, List<Problem> problems, string? stateGiven)
    {
        bool Has(ColumnRole r) => columns.Any(c => c.Role == r);
        var name = LayoutPlan.NameOf(layout);
        void Require(bool ok, string role, string? otherwise = null)
        {
            if (!ok)
            {
                problems.Add(ProblemCatalogue.MissingRole(file, headerLine, name, role, otherwise));
            }
        }

        Require(
            Has(ColumnRole.State) || stateGiven == "fixed" || (stateGiven == "exploitation" && layout == Layout.Records && Has(ColumnRole.Exploitation)),
            "state",
            layout == Layout.Records
                ? ", or give --state ISO3 or (CTDC's convention) \"stateFrom\": \"exploitation\""
                : ", or give --state ISO3 when the whole file is one State's");
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
            // In long and SDMX layouts a citizenship column is a breakdown that gives the linkage (Eurostat's citizen).
            foreach (var c in columns.Where(c => c.Role is ColumnRole.Date or ColumnRole.Exploitation || (c.Role == ColumnRole.Origin && layout == Layout.Wide)))
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
        if (TextFold.Fold(header).Length == 0)
        {
            return new(index, header, ColumnRole.Unrecognised, null, null, "the header cell is empty");
        }

        var reading = vocabulary.ReadHeader(header);
        return new(index, header, reading.Role, reading.Category, reading.Measure, reading.Reason) { Confidence = reading.Role == ColumnRole.Unrecognised ? 0 : reading.Confidence, Part = reading.Part };
    }
}
