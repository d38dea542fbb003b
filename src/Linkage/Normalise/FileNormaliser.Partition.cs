using System.Globalization;

using Linkage.Model;
using Linkage.Problems;
using Linkage.Read;
using Linkage.Recognise;
using Linkage.Recognise.Concepts;

namespace Linkage.Normalise;

/// <summary>
/// Where a breakdown's total is absent, its parts are summed when they are a complete partition (design.md "Input
/// layouts", slices): Female + Male (+ unknown or other sex) make the total of a sex breakdown; age bands that tile
/// 0–17 make the children; the children and the adults (+ age unknown) make everyone. A part row waits until the
/// file's end: when its total turns up, or the parts do not tile, or one of them is withheld or flagged, it is read
/// as before (set aside as a part, never added). A sum keeps every part's row in its provenance.
/// </summary>
public sealed partial class FileNormaliser
{
    private const string Total = "T";
    private const string Children = "C";
    private const string Adults = "A";
    private const string Unknown = "U";
    private const string NoAge = "-";

    private ColumnAssignment? _sexPartition;
    private ColumnAssignment? _agePartition;
    private int[]? _valueColumns;
    private int[]? _keyColumns;

    /// <summary>Part rows held per cell (every column but the breakdowns and the values), in the order first seen.</summary>
    private readonly Dictionary<string, List<HeldRow>> _held = new(StringComparer.Ordinal);

    /// <summary>The (sex, age) combinations a cell gave on a row of its own: totals, and the children.</summary>
    private readonly Dictionary<string, Dictionary<(string Sex, string Age), RawRow>> _given = new(StringComparer.Ordinal);

    /// <summary>Sums made from parts: the line the sum is read under, the other parts' lines, and how it was made.</summary>
    private readonly Dictionary<int, (int[] Others, string How)> _sums = [];

    /// <summary>Part rows of a cell whose total is neither given nor summed: set aside as <see cref="SetAsideReason.PartWithoutTotal"/>.</summary>
    private readonly HashSet<int> _withoutTotal = [];

    /// <summary>The reason a part row is set aside: a part beside its total, or a part whose total is missing.</summary>
    private string PartReason(int line) => _withoutTotal.Contains(line) ? SetAsideReason.PartWithoutTotal : SetAsideReason.BreakdownPart;

    /// <summary>A part row that waits for the end of the file, with its place in the breakdowns.</summary>
    /// <param name="Row">The row, its fields copied.</param>
    /// <param name="Sex">T, F, M, U, O, or another part (P).</param>
    /// <param name="Age">T, C (under 18), A (18 and over), U, a band <c>lo-hi</c>, or "-" without an age column.</param>
    private sealed record HeldRow(RawRow Row, string Sex, string Age)
    {
        public bool Used { get; set; }
    }

    /// <summary>Decides which columns may be summed: one sex (or sex-like) breakdown and one age column, not pinned by a select.</summary>
    private void PreparePartitions()
    {
        if (_plan.Layout is not (Layout.Long or Layout.SdmxV1 or Layout.SdmxV2 or Layout.Wide) || _valueParts is not null)
        {
            return;
        }

        var sexLike = _plan.Columns.Where(c => c.Role is ColumnRole.Sex or ColumnRole.Breakdown && !_selected.Contains(c.Index)).ToList();
        var ages = _plan.Columns.Where(c => c.Role == ColumnRole.Age && !_selected.Contains(c.Index)).ToList();
        if (sexLike.Count > 1 || ages.Count > 1 || sexLike.Count + ages.Count == 0)
        {
            return;
        }

        _sexPartition = sexLike.FirstOrDefault();
        _agePartition = ages.FirstOrDefault();
        _valueColumns = [.. _plan.Columns.Where(c => c.Role is ColumnRole.Count or ColumnRole.Total or ColumnRole.Category or ColumnRole.Flag or ColumnRole.Confidentiality).Select(c => c.Index)];
        _keyColumns = [.. _plan.Columns.Select(c => c.Index).Where(i => i != _sexPartition?.Index && i != _agePartition?.Index && !_valueColumns.Contains(i))];
    }

    /// <summary>Holds a part row until the file's end; returns false for a row read at once (a total, the children, or no breakdown part).</summary>
    private bool TryHold(RawRow row)
    {
        if (_keyColumns is null)
        {
            return false;
        }

        var sex = _sexPartition is { } s ? SexClass(Cell(row, s.Index)) : Total;
        var age = _agePartition is { } a ? AgeClass(Cell(row, a.Index)) : NoAge;
        if (sex is null || age is null)
        {
            // A value the slice rules cannot read: the row is read now, and rejected with the reason.
            return false;
        }

        var key = string.Join('\u001f', _keyColumns.Select(i => Fold(Cell(row, i))));
        if (sex == Total && age is Total or Children or NoAge)
        {
            if (!_given.TryGetValue(key, out var given))
            {
                given = [];
                _given[key] = given;
            }

            // Only the children's row may stand in a later sum (children + adults); of the others, being there is enough.
            given.TryAdd((sex, age), age == Children ? new RawRow(row.Line, (string[])row.Fields.Clone()) : default);
            return false;
        }

        if (!_held.TryGetValue(key, out var held))
        {
            held = [];
            _held[key] = held;
        }

        held.Add(new HeldRow(new RawRow(row.Line, (string[])row.Fields.Clone()), sex, age));
        return true;
    }

    /// <summary>At the file's end: sums the complete partitions whose total is absent, then reads every other held row as before.</summary>
    private void ReleaseHeld()
    {
        foreach (var (key, held) in _held)
        {
            var given = _given.TryGetValue(key, out var g) ? g : [];
            var ages = _agePartition is null ? new[] { NoAge } : [Children, Total];
            foreach (var age in ages)
            {
                if (given.ContainsKey((Total, age)))
                {
                    continue;
                }

                var summed = SexPartition(held, age) is { } bySex && Sum(bySex, _sexPartition!, null, given, key, age);
                if (!summed && _agePartition is not null && AgePartition(held, given, age) is { } byAge)
                {
                    summed = Sum(byAge, _agePartition, age == Children ? "0 to 17 years" : "Total", given, key, age);
                }

                if (!summed)
                {
                    // No total and no complete partition: the parts of this cell say so when set aside.
                    foreach (var h in held.Where(h => !h.Used && (h.Age == age || (age == Children && h.Sex == Total && h.Age.Contains('-', StringComparison.Ordinal) && Hi(h.Age) <= 17))))
                    {
                        _withoutTotal.Add(h.Row.Line);
                    }
                }
            }
        }

        foreach (var row in _held.Values.SelectMany(h => h).Where(h => !h.Used).OrderBy(h => h.Row.Line))
        {
            Dispatch(row.Row);
        }

        _held.Clear();
        _given.Clear();
    }

    /// <summary>Female and male (each once), with an unknown or other sex if given, at one age: the sex breakdown's total.</summary>
    private static List<HeldRow>? SexPartition(List<HeldRow> held, string age)
    {
        var parts = held.Where(h => h.Age == age && !h.Used).ToList();
        var f = parts.Count(p => p.Sex == "F");
        var m = parts.Count(p => p.Sex == "M");
        if (f != 1 || m != 1 || parts.Any(p => p.Sex is not ("F" or "M" or "U" or "O")) || parts.GroupBy(p => p.Sex).Any(x => x.Count() > 1))
        {
            return null;
        }

        return parts;
    }

    /// <summary>
    /// Age parts at the sex total that tile the wanted age: bands from 0 to 17 for the children; the children (given or
    /// tiled) and 18 and over, with an unknown age if given, for everyone.
    /// </summary>
    private static List<HeldRow>? AgePartition(List<HeldRow> held, Dictionary<(string Sex, string Age), RawRow> given, string age)
    {
        var atTotal = held.Where(h => h.Sex == Total && !h.Used).ToList();
        var bands = atTotal.Where(h => h.Age.Contains('-', StringComparison.Ordinal)).Select(h => (Row: h, Lo: Lo(h.Age), Hi: Hi(h.Age))).OrderBy(b => b.Lo).ToList();
        List<HeldRow>? Tiles(int from, int to)
        {
            var next = from;
            var used = new List<HeldRow>();
            foreach (var b in bands.Where(b => b.Hi <= to))
            {
                if (b.Lo != next)
                {
                    return null;
                }

                used.Add(b.Row);
                next = b.Hi + 1;
            }

            return next == to + 1 ? used : null;
        }

        if (age == Children)
        {
            return Tiles(0, 17);
        }

        var adults = atTotal.Where(h => h.Age == Adults).ToList();
        var unknown = atTotal.Where(h => h.Age == Unknown).ToList();
        if (adults.Count != 1 || unknown.Count > 1)
        {
            return null;
        }

        List<HeldRow> children;
        if (given.TryGetValue((Total, Children), out var childrenRow))
        {
            // The children's own row is read as the children too: it stands in the sum as a part, not held.
            children = [new HeldRow(childrenRow, Total, Children) { Used = true }];
        }
        else if (Tiles(0, 17) is { } tiled)
        {
            children = tiled;
        }
        else
        {
            return null;
        }

        return [.. children, .. adults, .. unknown];
    }

    private static int Lo(string band) => int.Parse(band.AsSpan(0, band.IndexOf('-', StringComparison.Ordinal)), CultureInfo.InvariantCulture);

    private static int Hi(string band) => int.Parse(band.AsSpan(band.IndexOf('-', StringComparison.Ordinal) + 1), CultureInfo.InvariantCulture);

    /// <summary>
    /// Adds up the parts' value columns into one row read under the first part's line, when every part's value is a
    /// plain count (a withheld, missing or flagged part makes the sum unknown: the parts are then read as before).
    /// Returns false when it could not.
    /// </summary>
    private bool Sum(List<HeldRow> parts, ColumnAssignment column, string? totalAge, Dictionary<(string Sex, string Age), RawRow> given, string key, string age)
    {
        var fields = (string[])parts[0].Row.Fields.Clone();
        foreach (var i in _valueColumns!)
        {
            var role = _plan.Columns[i].Role;
            var cells = parts.Select(p => Cell(p.Row, i).Trim()).ToList();
            if (role is ColumnRole.Flag or ColumnRole.Confidentiality)
            {
                if (cells.Any(c => c.Length > 0))
                {
                    return false;
                }

                continue;
            }

            if (cells.All(c => c.Length == 0))
            {
                continue;
            }

            long sum = 0;
            foreach (var c in cells)
            {
                if (!long.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                {
                    return false;
                }

                sum += n;
            }

            fields[i] = sum.ToString(CultureInfo.InvariantCulture);
        }

        fields[column.Index] = totalAge ?? "Total";
        var line = parts.Where(p => !p.Used).Min(p => p.Row.Line);
        foreach (var p in parts)
        {
            p.Used = true;
        }

        var values = string.Join(" + ", parts.OrderBy(p => p.Row.Line).Select(p => Cell(p.Row, column.Index).Trim()));
        var lines = parts.Select(p => p.Row.Line).Order().ToArray();
        var how = string.Create(CultureInfo.InvariantCulture, $"sum of '{column.Header}' {values} (rows {string.Join(", ", lines)}): no total given");
        _sums[line] = ([.. lines.Where(l => l != line)], how);
        var summed = new RawRow(line, fields);
        _setAside.Watch(line);
        given[(Total, age)] = summed;
        _given[key] = given;
        Dispatch(summed);
        return true;
    }

    /// <summary>
    /// Puts every part of a sum where its sum went: in the observation's provenance, or rejected or set aside with it.
    /// </summary>
    private void PlaceSummedParts()
    {
        if (_sums.Count == 0)
        {
            return;
        }

        var placed = new HashSet<int>();
        for (var i = 0; i < _observations.Count; i++)
        {
            var o = _observations[i];
            var extra = o.Source.Lines.Lines().Where(_sums.ContainsKey).ToList();
            if (extra.Count == 0)
            {
                continue;
            }

            var lines = new LineSet();
            foreach (var line in o.Source.Lines.Lines().Concat(extra.SelectMany(l => _sums[l].Others)).Order().Distinct())
            {
                lines.Add(line);
            }

            var how = string.Join("; ", extra.Select(l => _sums[l].How));
            _observations[i] = o with { Source = o.Source with { Lines = lines, Column = $"{o.Source.Column} ({how})" } };
            placed.UnionWith(extra);
        }

        foreach (var (line, (others, _)) in _sums.Where(s => !placed.Contains(s.Key)))
        {
            foreach (var other in others)
            {
                if (_rejectedLines.Contains(line))
                {
                    Reject(other, [ProblemCatalogue.RejectedWithGroup(_file, other, line, "breakdown total (summed from its parts)")]);
                }
                else if (_setAside.ReasonOf(line) is { } why)
                {
                    // Outside the OSCE, another indicator…: each part for the reason its sum was set aside.
                    SetAside(why.Reason, why.Column, why.Value, other);
                }
                else
                {
                    // The sum gave no figure: its parts are outside the publication, like any part.
                    var column = _sexPartition ?? _agePartition!;
                    SetAside(SetAsideReason.BreakdownPart, column.Header, "part of a sum that gave no figure", other);
                }
            }
        }
    }

    /// <summary>A sex value's class: T (the total), F, M, U (not known), O (another sex), P (another part), or null when unreadable.</summary>
    private static string? SexClass(string text)
    {
        if (text.Trim().Length == 0)
        {
            return Total;
        }

        var v = SliceValues.Breakdown(text);
        switch (v.Kind)
        {
            case SliceKind.Total:
                return Total;
            case SliceKind.NotKnown:
                return Unknown;
            case SliceKind.Part:
                break;
            default:
                return null;
        }

        var folded = TextFold.Fold(text);
        if (folded is "f" or "w")
        {
            return "F";
        }

        if (folded == "m")
        {
            return "M";
        }

        if (folded is "o" or "_o" or "other" or "x")
        {
            return "O";
        }

        var r = ConceptLexicon.BuiltIn.Read(folded);
        var female = r.Has(Concept.Female);
        var male = r.Has(Concept.Male);
        return female == male || r.Unmatched.Count > 0 ? "P" : female ? "F" : "M";
    }

    /// <summary>An age value's class: T, C, A, U, a band <c>lo-hi</c>, or null when unreadable.</summary>
    private static string? AgeClass(string text)
    {
        if (text.Trim().Length == 0)
        {
            return Total;
        }

        var v = SliceValues.Age(text);
        return v.Kind switch
        {
            SliceKind.Total => Total,
            SliceKind.Children => Children,
            SliceKind.Adults => SliceValues.Band(text) is { } adults && adults.Hi < 150 ? null : Adults,
            SliceKind.NotKnown => Unknown,
            SliceKind.AgeBand => SliceValues.Band(text) is { } band ? string.Create(CultureInfo.InvariantCulture, $"{band.Lo}-{band.Hi}") : "P",
            _ => null,
        };
    }
}
