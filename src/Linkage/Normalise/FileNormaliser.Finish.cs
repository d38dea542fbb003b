
using Linkage.Model;
using Linkage.Problems;

namespace Linkage.Normalise;

public sealed partial class FileNormaliser
{
    /// <summary>
    /// Two rows of one file for the same cell: identical values collapse, different values reject both rows. A
    /// collapsed row stays in the provenance of the value it repeats (as the long layout keeps it), so that it is
    /// in exactly one place: an observation.
    /// </summary>
    private void RejectInFileDuplicates()
    {
        var kept = new List<Observation>(_observations.Count);
        foreach (var group in _observations.GroupBy(o => (o.State, o.Area, o.Period, o.Measure, o.Linkage)))
        {
            var first = group.First();
            var rest = group.Skip(1).ToList();
            if (rest.Count == 0)
            {
                kept.Add(first);
                continue;
            }

            if (rest.All(o => o.Count == first.Count && o.Flag == first.Flag))
            {
                // A new set: the observations of one row may share theirs.
                var lines = new LineSet();
                foreach (var line in group.SelectMany(o => o.Source.Lines.Lines()).Order().Distinct())
                {
                    lines.Add(line);
                }

                kept.Add(first with { Source = first.Source with { Lines = lines } });
                continue;
            }

            var key = RowAccounting.Describe(first);
            foreach (var o in group)
            {
                var other = group.First(x => x != o && (x.Count != o.Count || x.Flag != o.Flag));
                Reject(o.Source.Row, [ProblemCatalogue.DuplicateInFile(_file, o.Source.Row, o.Source.Column, RowAccounting.Show(o), other.Source.Row, RowAccounting.Show(other), key)]);
            }
        }

        _observations.Clear();
        _observations.AddRange(kept);
    }

    /// <summary>Keeps "every row in exactly one place": see <see cref="RowAccounting"/>.</summary>
    private void DropObservationsOfRejectedRows()
    {
        var kept = RowAccounting.DropObservationsOfRejectedRows(_observations, _rejectedLines, _rejects, _file);
        _observations.Clear();
        _observations.AddRange(kept);
    }
}
