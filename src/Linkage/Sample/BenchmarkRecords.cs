using System.Globalization;

using Linkage.Config;
using Linkage.Model;
using Linkage.Recognise;

namespace Linkage.Sample;

/// <summary>
/// Writes the benchmark records file row by row: a reporting State (weighted, so large States send more), a case date
/// over 2016–2025 (mostly <c>yyyy-mm-dd</c>, some <c>dd/mm/yyyy</c>, always day first), and citizenship and country of
/// exploitation from which the pipeline derives the linkage. Places are written as alpha-3, alpha-2, English name or
/// another spelling from <c>Recognise/Data</c>. Everything random is drawn up front or from one seeded
/// <see cref="Random"/>, and every text is built once, so a row costs a few draws and writes.
/// </summary>
internal sealed class BenchmarkRecords
{
    /// <summary>About one row in this many gets exactly one defect.</summary>
    private const int BadOneIn = 2000;

    /// <summary>Slots of a place's spelling table: 20 alpha-3, 6 alpha-2, 8 name, 2 upper-case name, 4 other spellings.</summary>
    private const int FormSlots = 40;

    private const int StateSlots = 4096;

    // Origins outside the OSCE seen in trafficking reports; Namibia is left out on purpose: its alpha-2 "NA" is a
    // missing-value marker, and a case system writing "NA" means "not available".
    private static readonly string[] Abroad =
    [
        "MAR", "NGA", "BRA", "COL", "VNM", "CHN", "PHL", "THA", "IND", "SYR", "AFG", "ERI", "DOM",
        "EGY", "PAK", "IRQ", "CMR", "GHA", "SEN", "PRY", "VEN", "CUB", "LKA", "BGD", "IRN",
    ];

    private static readonly string[] NotOsce = ["BRA", "JPN", "AUS", "MEX", "CHN", "ARG"];
    private static readonly string[] BadDates = ["2019-02-30", "31/04/2021", "2021-13-01", "??", "summer 2020"];
    private static readonly string[] NoSuchCountry = ["Atlantis", "Ruritania", "Freedonia", "Elbonia"];
    private static readonly HashSet<string> Microstates = ["AND", "LIE", "MCO", "SMR", "VAT", "ISL", "MLT", "LUX", "MNE"];

    private static readonly DateOnly FirstDay = new(2016, 1, 1);
    private static readonly DateOnly LastDay = new(2025, 12, 31);

    private readonly Random _rng;
    private readonly Place[] _states;
    private readonly int[] _stateBySlot = new int[StateSlots];
    private readonly Place[] _abroad;
    private readonly Place[] _notOsce;
    private readonly string[] _iso;
    private readonly string[] _slash;

    public BenchmarkRecords(int seed)
    {
        _rng = new Random(seed);
        var countries = ConfigLoader.LoadEmbedded<List<StateEntry>>("countries.json").ToDictionary(c => c.Alpha3, StringComparer.Ordinal);
        var states = ConfigLoader.LoadEmbedded<List<StateEntry>>("states.json").OrderBy(s => s.Alpha3, StringComparer.Ordinal).ToList();
        _states = [.. states.Select(s => new Place(Forms(s)))];
        _abroad = [.. Abroad.Select(a => new Place(Forms(countries[a])))];
        _notOsce = [.. NotOsce.Select(a => new Place(Forms(countries[a])))];

        // Log-normal sizes, microstates small: a few States send most records, as in real data.
        var weights = states.Select(s => (Microstates.Contains(s.Alpha3) ? 0.05 : 1.0) * Math.Exp(Normal())).ToArray();
        var total = weights.Sum();
        var cumulative = 0.0;
        var slot = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            cumulative += weights[i];
            var end = i == weights.Length - 1 ? StateSlots : (int)Math.Round(cumulative / total * StateSlots);
            for (; slot < end; slot++)
            {
                _stateBySlot[slot] = i;
            }
        }

        var days = LastDay.DayNumber - FirstDay.DayNumber + 1;
        _iso = new string[days];
        _slash = new string[days];
        for (var d = 0; d < days; d++)
        {
            var date = FirstDay.AddDays(d);
            _iso[d] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            _slash[d] = date.ToString("dd'/'MM'/'yyyy", CultureInfo.InvariantCulture);
        }
    }

    public RecordsFileSummary Write(TextWriter writer, long rows)
    {
        writer.Write(SampleGenerator.RecordsFileHeader);
        writer.Write('\n');
        long badState = 0, badDate = 0, badCountry = 0, inside = 0, across = 0, unknown = 0;
        var groups = new HashSet<(int State, int Year, LinkageCategory Linkage)>();
        for (long r = 0; r < rows; r++)
        {
            var defect = _rng.Next(BadOneIn) == 0 ? 1 + _rng.Next(3) : 0;
            var stateIndex = _stateBySlot[_rng.Next(StateSlots)];
            var home = _states[stateIndex];
            var day = _rng.Next(_iso.Length);
            var date = _rng.Next(100) < 15 ? _slash[day] : _iso[day];
            var (citizenship, exploitation, linkage) = Linkage(home);
            var state = home.Form(_rng);
            switch (defect)
            {
                case 1:
                    state = _notOsce[_rng.Next(_notOsce.Length)].Form(_rng);
                    badState++;
                    break;
                case 2:
                    date = BadDates[_rng.Next(BadDates.Length)];
                    badDate++;
                    break;
                case 3:
                    if (_rng.Next(2) == 0)
                    {
                        citizenship = NoSuchCountry[_rng.Next(NoSuchCountry.Length)];
                    }
                    else
                    {
                        exploitation = NoSuchCountry[_rng.Next(NoSuchCountry.Length)];
                    }

                    badCountry++;
                    break;
                default:
                    _ = linkage switch
                    {
                        LinkageCategory.Internal => inside++,
                        LinkageCategory.International => across++,
                        _ => unknown++,
                    };
                    groups.Add((stateIndex, FirstDay.AddDays(day).Year, linkage));
                    break;
            }

            writer.Write(state);
            writer.Write(',');
            writer.Write(date);
            writer.Write(',');
            writer.Write(citizenship);
            writer.Write(',');
            writer.Write(exploitation);
            writer.Write('\n');
        }

        return new RecordsFileSummary(rows, 0, badState, badDate, badCountry, inside, across, unknown, groups.Count);
    }

    /// <summary>Citizenship and country of exploitation of one case, and the linkage they mean.</summary>
    private (string Citizenship, string Exploitation, LinkageCategory Linkage) Linkage(Place home)
    {
        var kind = _rng.Next(100);
        if (kind < 45)
        {
            return (home.Form(_rng), home.Form(_rng), LinkageCategory.Internal);
        }

        if (kind < 75)
        {
            var foreign = Foreign(home);

            // Mostly brought into the State; some of its own children exploited abroad.
            return _rng.Next(10) < 7
                ? (foreign.Form(_rng), home.Form(_rng), LinkageCategory.International)
                : (home.Form(_rng), foreign.Form(_rng), LinkageCategory.International);
        }

        return _rng.Next(4) switch
        {
            0 => (string.Empty, home.Form(_rng), LinkageCategory.Unknown),
            1 => ("n/a", home.Form(_rng), LinkageCategory.Unknown),
            2 => (home.Form(_rng), string.Empty, LinkageCategory.Unknown),
            _ => (string.Empty, string.Empty, LinkageCategory.Unknown),
        };
    }

    /// <summary>Another OSCE State (a bit over half the time) or a country outside the OSCE; never the home State.</summary>
    private Place Foreign(Place home)
    {
        if (_rng.Next(100) < 45)
        {
            return _abroad[_rng.Next(_abroad.Length)];
        }

        while (true)
        {
            var other = _states[_stateBySlot[_rng.Next(StateSlots)]];
            if (!ReferenceEquals(other, home))
            {
                return other;
            }
        }
    }

    /// <summary>The spelling table of a place: CSV-ready texts in the proportions of <see cref="FormSlots"/>.</summary>
    private string[] Forms(StateEntry entry)
    {
        var others = new[] { entry.Formal }.Concat(entry.Aliases)
            .Where(a => a is not null && a != entry.Name && !Vocabulary.BuiltIn.Missing.Contains(a.Trim()))
            .Select(a => a!)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var forms = new List<string>(FormSlots);
        forms.AddRange(Enumerable.Repeat(entry.Alpha3, 20));
        forms.AddRange(Enumerable.Repeat(entry.Alpha2, 6));
        forms.AddRange(Enumerable.Repeat(entry.Name, 8));
        forms.AddRange(Enumerable.Repeat(entry.Name.ToUpperInvariant(), 2));
        for (var i = 0; i < 4; i++)
        {
            forms.Add(others.Count > 0 ? others[_rng.Next(others.Count)] : entry.Name);
        }

        return [.. forms.Select(Csv)];
    }

    private static string Csv(string text) =>
        text.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;

    private double Normal() =>
        Math.Sqrt(-2 * Math.Log(1 - _rng.NextDouble())) * Math.Cos(2 * Math.PI * _rng.NextDouble());

    /// <summary>A country or State, as its spelling table.</summary>
    private sealed class Place(string[] forms)
    {
        public string Form(Random rng) => forms[rng.Next(forms.Length)];
    }
}
