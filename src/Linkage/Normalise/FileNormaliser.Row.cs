using Linkage.Model;
using Linkage.Problems;
using Linkage.Read;
using Linkage.Recognise;

namespace Linkage.Normalise;

/// <summary>The cells every layout shares: State, area, region, period, measure and status flag.</summary>
/// <param name="State">The reporting participating State.</param>
/// <param name="Area">Subnational area, empty for national figures.</param>
/// <param name="Region">Region from the region map.</param>
/// <param name="Period">The period, or null when the layout takes it from a case date.</param>
/// <param name="Measure">The measure named in the row, if any.</param>
/// <param name="Flag">Status flag letters given for the whole row.</param>
internal sealed record RowBasics(StateEntry State, string Area, string Region, Period? Period, Measure? Measure, string Flag);

public sealed partial class FileNormaliser
{
    /// <summary>Parses the shared cells; problems are added to <paramref name="problems"/> (all of them, not just the first).</summary>
    private RowBasics? ParseBasics(RawRow row, List<Problem> problems, bool periodRequired)
    {
        foreach (var c in _plan.Columns)
        {
            if (c.Role == ColumnRole.Unrecognised && Cell(row, c.Index).Length > 0)
            {
                problems.Add(c.Header.Length == 0
                    ? ProblemCatalogue.ValueInUnnamedColumn(_file, row.Line, c.Index + 1, Cell(row, c.Index))
                    : ProblemCatalogue.ValueInUnrecognisedColumn(_file, row.Line, c.Header, Cell(row, c.Index)));
            }
        }

        foreach (var c in _plan.Columns.Where(c => c.Role == ColumnRole.Outside && Cell(row, c.Index).Length > 0))
        {
            problems.Add(ProblemCatalogue.BreakdownPartNotRead(_file, row.Line, c.Header, Cell(row, c.Index), LayoutDetector.RoleName(c.Role)));
        }

        StateEntry? state = null;
        var stateCol = _plan.Find(ColumnRole.State) ?? (_ctx.FixedState is null ? _plan.Find(ColumnRole.Exploitation) : null);
        var stateText = stateCol is null ? string.Empty : Cell(row, stateCol.Index);
        if (stateCol is null)
        {
            // --state: every row is the named State's.
            state = _ctx.FixedState!;
            stateText = state.Alpha3;
        }
        else if (stateCol.Role == ColumnRole.Exploitation && (stateText.Trim().Length == 0 || _ctx.Vocabulary.Missing.Contains(stateText.Trim())))
        {
            problems.Add(ProblemCatalogue.StateNotRecorded(_file, row.Line, stateCol.Header, stateText));
        }
        else if (stateText.Length == 0)
        {
            problems.Add(ProblemCatalogue.MissingState(_file, row.Line, stateCol.Header));
        }
        else
        {
            state = StateOf(stateCol, stateText);
            if (state is null)
            {
                problems.Add(ProblemCatalogue.NotOsceState(_file, row.Line, stateCol.Header, stateText, _ctx.Geography.FindCountry(stateText)?.Name));
            }
        }

        var area = _plan.Find(ColumnRole.Area) is { } areaCol ? Cell(row, areaCol.Index) : string.Empty;
        if (_ctx.Vocabulary.Missing.Contains(area.Trim()) || (_ctx.Vocabulary.TryLinkage(Fold(area), out var l) && l.IsTotal))
        {
            // "", "-", "total": the national figure.
            area = string.Empty;
        }

        var region = string.Empty;
        if (state is not null)
        {
            if (_ctx.Regions.RegionOf(state.Alpha3, area) is { } r)
            {
                region = r;
            }
            else
            {
                problems.Add(ProblemCatalogue.NoRegion(_file, row.Line, stateCol?.Header ?? "--state", stateText));
            }
        }

        Period? period = null;
        if (_plan.Find(ColumnRole.Period) is { } periodCol)
        {
            var text = Cell(row, periodCol.Index);
            if (!PeriodParser.TryParse(text, _ctx.MaxYear, out var p, out var error))
            {
                problems.Add(ProblemCatalogue.BadPeriod(_file, row.Line, periodCol.Header, text, error!));
            }
            else
            {
                period = p;
                foreach (var (role, kind) in new[] { (ColumnRole.Quarter, PeriodKind.Quarter), (ColumnRole.Month, PeriodKind.Month) })
                {
                    if (_plan.Find(role) is { } partCol)
                    {
                        var partText = Cell(row, partCol.Index);
                        if (!PeriodParser.TryRefine(period.Value, partText, kind, out var refined, out var partError))
                        {
                            problems.Add(ProblemCatalogue.BadPeriod(_file, row.Line, partCol.Header, partText, partError!));
                        }
                        else
                        {
                            period = refined;
                        }
                    }
                }
            }
        }
        else if (periodRequired)
        {
            // The plan guarantees a period column for layouts that need one.
            throw new InvalidOperationException("A layout that needs a period column was planned without one.");
        }

        Measure? measure = null;
        if (_plan.Find(ColumnRole.Measure) is { } measureCol)
        {
            var text = Cell(row, measureCol.Index);
            if (_ctx.Vocabulary.TryMeasure(Fold(text), out var m))
            {
                measure = m;

                // A value column named for the other measure ("victims" beside indicator "cases") is a contradiction, not a choice.
                foreach (var c in _plan.Columns)
                {
                    if (c.MeasureHint is { } hint && hint != m && Cell(row, c.Index).Length > 0)
                    {
                        problems.Add(ProblemCatalogue.MeasureMismatch(_file, row.Line, c.Header, Codes.Of(hint), measureCol.Header, text));
                    }
                }
            }
            else
            {
                problems.Add(ProblemCatalogue.UnrecognisedMeasure(_file, row.Line, measureCol.Header, text));
            }
        }

        var flag = string.Empty;
        if (_plan.Find(ColumnRole.Flag) is { } flagCol)
        {
            var text = Cell(row, flagCol.Index);
            if (FlagCodes.TryObservationStatus(text, out var f))
            {
                flag = f;
            }
            else
            {
                problems.Add(ProblemCatalogue.UnknownFlag(_file, row.Line, flagCol.Header, text));
            }
        }

        if (_plan.Find(ColumnRole.Confidentiality) is { } confCol)
        {
            var text = Cell(row, confCol.Index);
            if (FlagCodes.TryConfidentiality(text, out var f))
            {
                flag = CellValue.MergeFlags(flag, f);
            }
            else
            {
                problems.Add(ProblemCatalogue.UnknownFlag(_file, row.Line, confCol.Header, text));
            }
        }

        return problems.Count == 0 ? new RowBasics(state!, area, region, period, measure, flag) : null;
    }

    /// <summary>Parses a count cell, adding a problem when it is not one.</summary>
    private CellValue? ParseCount(RawRow row, ColumnAssignment column, string rowFlag, List<Problem> problems)
    {
        var text = Cell(row, column.Index);
        var parsed = column.CommaGroupsThousands
            ? CountParser.TryParseWithCommaGroups(text, _ctx.Vocabulary, out var value, out var error)
            : CountParser.TryParse(text, _ctx.Vocabulary, out value, out error);
        if (!parsed)
        {
            problems.Add(ProblemCatalogue.BadCount(_file, row.Line, column.Header, text, error!));
            return null;
        }

        // An empty cell whose row status says confidential (SDMX OBS_VALUE "" with CONF_STATUS C) is withheld, not
        // missing as well: the status explains the empty cell.
        var own = value.Count is null && value.Flag == "m" && rowFlag.Contains('c', StringComparison.Ordinal) ? string.Empty : value.Flag;
        return value with { Flag = CellValue.MergeFlags(own, rowFlag) };
    }
}
