namespace Linkage.Normalise;

/// <summary>
/// Why a row is outside the publication: it is read and understood, but counts something the statistics do not
/// publish. Set-aside rows are no error (they do not raise the exit code) and are listed compactly in
/// <c>internal/set-aside.csv</c>.
/// </summary>
public static class SetAsideReason
{
    /// <summary>The row is about a country that is not an OSCE participating State (or a world region).</summary>
    public const string OutsideOsce = "outside-osce";

    /// <summary>Another indicator than the pipeline's measures (persons prosecuted, convicted, offences…).</summary>
    public const string OtherIndicator = "other-indicator";

    /// <summary>Another unit than counts (rates, shares).</summary>
    public const string OtherUnit = "other-unit";

    /// <summary>Adults only.</summary>
    public const string Adults = "adults";

    /// <summary>One part of a breakdown whose total the statistics use (a sex, an age band, a form of exploitation…).</summary>
    public const string BreakdownPart = "breakdown-part";

    /// <summary>
    /// One part of a breakdown whose total the file does not give, and whose parts could not be summed in its place:
    /// they are not a complete partition (Female without Male, age bands with a gap), or one of them is withheld or flagged.
    /// </summary>
    public const string PartWithoutTotal = "part-without-total";

    /// <summary>A row whose value in a column the config's <c>select</c> pins is another value.</summary>
    public const string NotSelected = "not-selected";

    /// <summary>A case record of a person not under 18 (CTDC majority status adult), or whose age is not recorded.</summary>
    public const string NotAChild = "not-a-child";
}

/// <summary>One line of <c>internal/set-aside.csv</c>: the rows of a file set aside for one reason and value.</summary>
/// <param name="File">Input file name as given.</param>
/// <param name="Reason">One of <see cref="SetAsideReason"/>.</param>
/// <param name="Column">Header of the column whose value decided it.</param>
/// <param name="Value">That value, as written.</param>
/// <param name="Rows">Rows set aside for it.</param>
/// <param name="FirstRow">1-based line of the first of them.</param>
/// <param name="LastRow">1-based line of the last of them.</param>
public sealed record SetAsideEntry(string File, string Reason, string Column, string Value, long Rows, int FirstRow, int LastRow);

/// <summary>Counts set-aside rows per reason, column and value, keeping the first and last line of each.</summary>
internal sealed class SetAsideLedger(string file)
{
    /// <summary>At most this many distinct values are listed per reason and column; the rest are counted under "(other values)".</summary>
    public const int MaxValuesPerReason = 1000;

    private readonly Dictionary<(string Reason, string Column, string Value), (long Rows, int First, int Last)> _entries = [];
    private readonly Dictionary<(string Reason, string Column), int> _valuesPerReason = [];

    private readonly HashSet<int> _lines = [];

    // Lines whose reason is asked for later (a sum of a breakdown's parts, whose other parts follow it).
    private readonly Dictionary<int, (string Reason, string Column, string Value)?> _watched = [];

    /// <summary>Rows set aside so far.</summary>
    public long Rows { get; private set; }

    /// <summary>The lines set aside, so that each row can be shown to be in exactly one place.</summary>
    public IReadOnlySet<int> Lines => _lines;

    /// <summary>Sets one row aside.</summary>
    public void Add(string reason, string column, string value, int line)
    {
        Rows++;
        _lines.Add(line);
        if (_watched.Count > 0 && _watched.ContainsKey(line))
        {
            _watched[line] = (reason, column, value);
        }

        var key = (reason, column, value);
        if (!_entries.ContainsKey(key))
        {
            var seen = _valuesPerReason.GetValueOrDefault((reason, column));
            if (seen >= MaxValuesPerReason)
            {
                key = (reason, column, "(other values)");
            }
            else
            {
                _valuesPerReason[(reason, column)] = seen + 1;
            }
        }

        _entries[key] = _entries.TryGetValue(key, out var e)
            ? (e.Rows + 1, Math.Min(e.First, line), Math.Max(e.Last, line))
            : (1, line, line);
    }

    /// <summary>Remembers why <paramref name="line"/> is set aside, if it is: see <see cref="ReasonOf"/>.</summary>
    public void Watch(int line) => _watched.TryAdd(line, null);

    /// <summary>The reason, column and value a watched line was set aside for, or null.</summary>
    public (string Reason, string Column, string Value)? ReasonOf(int line) => _watched.GetValueOrDefault(line);

    /// <summary>The entries, by reason, column and first row.</summary>
    public IReadOnlyList<SetAsideEntry> Entries() =>
        [.. _entries
            .Select(kv => new SetAsideEntry(file, kv.Key.Reason, kv.Key.Column, kv.Key.Value, kv.Value.Rows, kv.Value.First, kv.Value.Last))
            .OrderBy(e => e.Reason, StringComparer.Ordinal)
            .ThenBy(e => e.Column, StringComparer.Ordinal)
            .ThenBy(e => e.FirstRow)];
}
