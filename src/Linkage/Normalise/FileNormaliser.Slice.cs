using System.Globalization;

using Linkage.Model;
using Linkage.Problems;
using Linkage.Read;
using Linkage.Recognise;

namespace Linkage.Normalise;

/// <summary>Who a row's figure counts, by its age value: the children, everyone, or (no age column) what the measure says.</summary>
internal enum Population
{
    /// <summary>No age column: the measure column, the count column's header or the file default decide.</summary>
    AsMeasured,

    /// <summary>Persons under 18.</summary>
    Children,

    /// <summary>Persons of all ages.</summary>
    AllAges,
}

/// <summary>What a row's breakdown columns decide (design.md "Input layouts", slices).</summary>
/// <param name="Population">Who the figure counts.</param>
/// <param name="Citizenship">The row's category of a citizenship breakdown, or null for a row that is no part of one.</param>
/// <param name="CitizenshipColumn">The column it came from.</param>
/// <param name="PowerOfTen">The unit multiplier (SDMX <c>UNIT_MULT</c>): values are counts × 10^n.</param>
/// <param name="Flag">Flags the slice adds to the value (<c>e</c> for estimated or modelled data).</param>
internal readonly record struct RowSlice(Population Population, string? Citizenship, string CitizenshipColumn, int PowerOfTen, string Flag);

public sealed partial class FileNormaliser
{
    private readonly SetAsideLedger _setAside;

    /// <summary>
    /// Reads a row's breakdown columns and decides whether the statistics use it. Returns false when the row is
    /// outside the publication: it is then set aside (counted once, under its first reason) and must not be read
    /// further. A value that cannot be read at all adds a problem, and the row is rejected by the caller.
    /// </summary>
    private bool TrySlice(RawRow row, List<Problem> problems, out RowSlice slice)
    {
        slice = new RowSlice(Population.AsMeasured, null, string.Empty, 0, string.Empty);
        if (OutsideOsce(row) is { } outside)
        {
            SetAside(SetAsideReason.OutsideOsce, outside.Column, outside.Value, row.Line);
            return false;
        }

        // A count column whose header names one part of a breakdown (OWID's "… under 18 years old - Female") counts
        // that part only: never the children or the victims.
        if (_valueParts is { } part)
        {
            SetAside(SetAsideReason.BreakdownPart, part.Header, part.Part!, row.Line);
            return false;
        }

        // The config's select pins a breakdown's value: its other rows are set aside, and the selected column's
        // own reading (a part of a breakdown, another indicator) no longer applies.
        foreach (var (column, value) in _selects)
        {
            var text = Cell(row, column.Index);
            if (Fold(text) != value)
            {
                SetAside(SetAsideReason.NotSelected, column.Header, text, row.Line);
                return false;
            }
        }

        if (_plan.Find(ColumnRole.Measure) is { } measureCol && !_selected.Contains(measureCol.Index) && Cell(row, measureCol.Index) is { Length: > 0 } indicator
            && _ctx.Vocabulary.ReadMeasure(indicator) is { Measure: null, Outside: true })
        {
            SetAside(SetAsideReason.OtherIndicator, measureCol.Header, indicator, row.Line);
            return false;
        }

        var population = Population.AsMeasured;
        string? citizenship = null;
        var citizenshipColumn = string.Empty;
        var power = 0;
        var flag = string.Empty;
        ColumnAssignment? dimensionCol = null;
        var dimensionIsCitizenship = false;
        foreach (var c in _plan.Columns)
        {
            if (_selected.Contains(c.Index) && c.Role is not (ColumnRole.Origin or ColumnRole.Unit or ColumnRole.UnitMultiplier or ColumnRole.Nature))
            {
                continue;
            }

            var text = Cell(row, c.Index);
            switch (c.Role)
            {
                case ColumnRole.Sex or ColumnRole.Form or ColumnRole.Breakdown when text.Length > 0:
                    {
                        var v = SliceValues.Breakdown(text);
                        if (v.Kind is SliceKind.Part or SliceKind.NotKnown)
                        {
                            SetAside(PartReason(row.Line), c.Header, text, row.Line);
                            return false;
                        }

                        break;
                    }

                case ColumnRole.Age when text.Length > 0:
                    {
                        var v = SliceValues.Age(text);
                        switch (v.Kind)
                        {
                            case SliceKind.Total:
                                population = Population.AllAges;
                                break;
                            case SliceKind.Children:
                                population = Population.Children;
                                break;
                            case SliceKind.Adults:
                                SetAside(SetAsideReason.Adults, c.Header, text, row.Line);
                                return false;
                            case SliceKind.Unrecognised:
                                problems.Add(ProblemCatalogue.UnreadableSlice(_file, row.Line, c.Header, text, LayoutDetector.RoleName(c.Role), v.Why));
                                break;
                            default:
                                SetAside(PartReason(row.Line), c.Header, text, row.Line);
                                return false;
                        }

                        break;
                    }

                case ColumnRole.BreakdownName when text.Length > 0:
                    {
                        dimensionCol = c;
                        if (SliceValues.Breakdown(text).Kind == SliceKind.Total)
                        {
                            break;
                        }

                        if (IsCitizenshipDimension(text))
                        {
                            dimensionIsCitizenship = true;
                            break;
                        }

                        // By form of exploitation, by country of repatriation…: rows that split the total's persons another way.
                        SetAside(SetAsideReason.BreakdownPart, c.Header, text, row.Line);
                        return false;
                    }

                case ColumnRole.Origin when text.Length > 0 || _plan.Find(ColumnRole.Origin) == c:
                    citizenship = text;
                    citizenshipColumn = c.Header;
                    break;

                case ColumnRole.Unit when text.Length > 0:
                    if (!IsCountUnit(text))
                    {
                        SetAside(SetAsideReason.OtherUnit, c.Header, text, row.Line);
                        return false;
                    }

                    break;

                case ColumnRole.UnitMultiplier when text.Length > 0:
                    if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out power) || power > 9)
                    {
                        problems.Add(ProblemCatalogue.UnreadableSlice(_file, row.Line, c.Header, text, "unit multiplier", "expected the power of ten, 0 to 9"));
                    }

                    break;

                case ColumnRole.Nature when text.Length > 0:
                    switch (Fold(text))
                    {
                        case "c" or "ca" or "g" or "n" or "country data" or "country adjusted" or "global monitoring" or "non relevant" or "not relevant":
                            break;
                        case "e" or "m" or "estimated" or "modelled" or "modeled" or "estimate":
                            flag = "e";
                            break;
                        default:
                            problems.Add(ProblemCatalogue.UnreadableSlice(_file, row.Line, c.Header, text, "nature of the data", "expected C, CA, E, G, M or N (UN SDG data nature)"));
                            break;
                    }

                    break;
            }
        }

        if (_plan.Find(ColumnRole.BreakdownValue) is { } categoryCol && !_selected.Contains(categoryCol.Index))
        {
            var category = Cell(row, categoryCol.Index);
            if (dimensionIsCitizenship)
            {
                citizenship = category;
                citizenshipColumn = categoryCol.Header;
            }
            else if (category.Length > 0 && SliceValues.Breakdown(category).Kind != SliceKind.Total)
            {
                // A category under the total dimension (or with no dimension named) is a part of something.
                SetAside(SetAsideReason.BreakdownPart, categoryCol.Header, category, row.Line);
                return false;
            }
        }
        else if (dimensionIsCitizenship)
        {
            problems.Add(ProblemCatalogue.UnreadableSlice(_file, row.Line, dimensionCol!.Header, Cell(row, dimensionCol.Index), "breakdown", "the file has no category column to say which citizenship"));
        }

        slice = new RowSlice(population, citizenship, citizenshipColumn, power, flag);
        return true;
    }

    /// <summary>The measure of a value, with the age column's say: under 18 is children, all ages is victims.</summary>
    private Measure? SliceMeasure(ColumnAssignment column, RowBasics b, RowSlice slice, out bool setAside)
    {
        setAside = false;
        if (slice.Population == Population.AsMeasured)
        {
            return MeasureFor(column, b.Measure);
        }

        var stated = column.MeasureHint ?? b.Measure ?? _fileMeasure;
        if (stated == Measure.Investigations)
        {
            // Cases have no age: an age part of investigations is a part of something else.
            if (slice.Population == Population.AllAges)
            {
                return Measure.Investigations;
            }

            setAside = true;
            return null;
        }

        return slice.Population == Population.Children ? Measure.Children : stated ?? Measure.Victims;
    }

    /// <summary>The State cell when it names a country that is not a participating State, or a world region.</summary>
    private (string Column, string Value)? OutsideOsce(RawRow row)
    {
        if ((_plan.Find(ColumnRole.State) ?? (_ctx.FixedState is null ? _plan.Find(ColumnRole.Exploitation) : null)) is not { } stateCol)
        {
            return null;
        }

        var text = Cell(row, stateCol.Index).Trim();
        if (text.Length == 0)
        {
            // A blank code beside a name (GLOTIP's Sark): the name says whose figure it is.
            if (_plan.Find(ColumnRole.StateName) is { } nameCol && Cell(row, nameCol.Index).Trim() is { Length: > 0 } name
                && _ctx.Geography.FindState(name) is null)
            {
                return (nameCol.Header, name);
            }

            return null;
        }

        if (StateOf(stateCol, text) is not null)
        {
            return null;
        }

        if (_ctx.Vocabulary.Missing.Contains(text))
        {
            return null;
        }

        if (stateCol.Codes == "m49")
        {
            // Every M49 number that is no participating State is a country or an area outside the OSCE (1 World, 150 Europe).
            return text.All(char.IsAsciiDigit) ? (stateCol.Header, text) : null;
        }

        return _ctx.Geography.FindCountry(text) is not null || IsWorldAggregate(Fold(text)) ? (stateCol.Header, text) : null;
    }

    /// <summary>The participating State a State cell names, by M49 number in a column of M49 numbers.</summary>
    private StateEntry? StateOf(ColumnAssignment stateCol, string text)
    {
        if (stateCol.Codes == "m49")
        {
            return _ctx.Geography.FindByM49(text) is { } byNumber ? _ctx.Geography.FindStateFolded(TextFold.Fold(byNumber.Alpha3)) : null;
        }

        return _ctx.Geography.FindStateFolded(Fold(text));
    }

    /// <summary>World, continents and unions as publishers name them in a country column (<c>EU27_2020</c>, <c>World</c>, <c>Europe</c>).</summary>
    private static bool IsWorldAggregate(string folded)
    {
        var words = folded.Split(' ');
        if (words.Length == 0)
        {
            return false;
        }

        var stem = words[0].TrimEnd("0123456789".ToCharArray());
        if (stem is "eu" or "ea" or "eea" or "efta" or "euro" or "eu27" && words.Skip(1).All(w => w.All(char.IsAsciiDigit)))
        {
            return true;
        }

        string[] regions = ["world", "europe", "africa", "asia", "americas", "america", "oceania", "caribbean", "total", "global", "european union", "euro area", "sub saharan africa", "latin america and the caribbean", "northern america", "central asia"];
        return regions.Any(r => folded == r || folded.EndsWith(" " + r, StringComparison.Ordinal) || folded.StartsWith(r + " ", StringComparison.Ordinal));
    }

    /// <summary>A dimension value that names a citizenship breakdown (<c>by citizenship</c>, <c>par nationalité</c>).</summary>
    private static bool IsCitizenshipDimension(string text)
    {
        var r = Recognise.Concepts.ConceptLexicon.BuiltIn.Read(TextFold.Fold(text));
        return r.Has(Recognise.Concepts.Concept.Citizenship) || r.Has(Recognise.Concepts.Concept.Nationals);
    }

    private bool IsCountUnit(string text) => Fold(text) is "counts" or "count" or "number" or "numbers" or "nr" or "no" or "num" or "persons" or "person" or "victims" or "cases" or "pers" or "ps";

    private void SetAside(string reason, string column, string value, int line) => _setAside.Add(reason, column, value, line);

    /// <summary>
    /// Why a case record is outside the publication: its State (or country of exploitation standing for it) is not
    /// an OSCE participating State, or its age columns say it is not a child (or cannot say). Null when it is counted.
    /// </summary>
    internal (string Reason, string Column, string Value)? RecordOutside(RawRow row)
    {
        if (OutsideOsce(row) is { } outside)
        {
            return (SetAsideReason.OutsideOsce, outside.Column, outside.Value);
        }

        var ages = _plan.Columns.Where(c => c.Role == ColumnRole.Age).ToList();
        if (ages.Count == 0)
        {
            return null;
        }

        // The first age column that tells decides (CTDC: majority status, then an age band).
        foreach (var c in ages)
        {
            if (SliceValues.IsChild(Cell(row, c.Index)) is { } child)
            {
                return child ? null : (SetAsideReason.NotAChild, c.Header, Cell(row, c.Index));
            }
        }

        return (SetAsideReason.NotAChild, ages[0].Header, Cell(row, ages[0].Index));
    }
}
