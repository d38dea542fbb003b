using System.Globalization;

using Linkage.Model;
using Linkage.Problems;

namespace Linkage.Normalise;

public sealed partial class FileNormaliser
{
    /// <summary>Two rows of one file for the same cell: identical values collapse, different values reject both rows.</summary>
    private void RejectInFileDuplicates()
    {
        var kept = new List<Observation>(_observations.Count);
        foreach (var group in _observations.GroupBy(o => (o.State, o.Area, o.Period, o.Measure, o.Linkage)))
        {
            var first = group.First();
            var rest = group.Skip(1).ToList();
            if (rest.Count == 0 || rest.All(o => o.Count == first.Count && o.Flag == first.Flag))
            {
                kept.Add(first);
                continue;
            }

            var key = Describe(first);
            foreach (var o in group)
            {
                var other = group.First(x => x != o && (x.Count != o.Count || x.Flag != o.Flag));
                Reject(o.Source.Row, [ProblemCatalogue.DuplicateInFile(_file, o.Source.Row, o.Source.Column, ShowObs(o), other.Source.Row, ShowObs(other), key)]);
            }
        }

        _observations.Clear();
        _observations.AddRange(kept);
    }

    /// <summary>Keeps "every row in exactly one place": an observation touching a rejected row is dropped, and its other rows are rejected with it.</summary>
    private void DropObservationsOfRejectedRows()
    {
        if (_rejectedLines.Count == 0)
        {
            return;
        }

        bool changed;
        do
        {
            changed = false;
            var kept = new List<Observation>(_observations.Count);
            foreach (var o in _observations)
            {
                var cause = o.Source.Lines.Lines().FirstOrDefault(_rejectedLines.Contains);
                if (cause == 0)
                {
                    kept.Add(o);
                    continue;
                }

                changed = true;
                foreach (var line in o.Source.Lines.Lines())
                {
                    if (_rejectedLines.Add(line))
                    {
                        _rejects.Add(ProblemCatalogue.RejectedWithGroup(_file, line, cause, Describe(o)));
                    }
                }
            }

            _observations.Clear();
            _observations.AddRange(kept);
        }
        while (changed);
    }

    private static string Describe(Observation o) => string.Create(
        CultureInfo.InvariantCulture,
        $"{o.State}{(o.Area.Length > 0 ? " " + o.Area : string.Empty)} {o.Period} {Codes.Of(o.Measure)} {Codes.Of(o.Linkage)}");

    private static string ShowObs(Observation o) =>
        (o.Count?.ToString(CultureInfo.InvariantCulture) ?? string.Empty) + (o.Flag.Length > 0 ? " " + o.Flag : string.Empty);
}
