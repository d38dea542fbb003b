using System.Text;

using Linkage.Model;
using Linkage.Recognise;
using Linkage.Recognise.Concepts;

namespace Linkage.Tests.Recognise.Concepts;

/// <summary>One row of <c>Recognise/Data/recognition-corpus.tsv</c>: a header or label written for the tests by someone who had not seen the lexicon.</summary>
internal sealed record CorpusRow(int Line, string Kind, string Language, string Text, string Expected, string Measure, string Note);

/// <summary>How the recogniser did on one corpus row.</summary>
internal enum Outcome
{
    /// <summary>Recognised, with the expected meaning.</summary>
    Right,

    /// <summary>Recognised, with another meaning (or recognised although it is out of domain).</summary>
    Wrong,

    /// <summary>Left unrecognised (a reject and a suggestion in a run); right for out-of-domain rows.</summary>
    Unrecognised,
}

/// <summary>Reads the corpus and judges the recogniser on it.</summary>
internal static class RecognitionCorpus
{
    public static IReadOnlyList<CorpusRow> Rows { get; } = Read();

    private static List<CorpusRow> Read()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Recognise", "Data", "recognition-corpus.tsv");
        var rows = new List<CorpusRow>();
        var n = 0;
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            n++;
            if (n == 1 || line.Length == 0)
            {
                continue;
            }

            var f = line.Split('\t');
            rows.Add(new CorpusRow(n, f[0], f[1], f[2], f[3], f.Length > 4 ? f[4] : string.Empty, f.Length > 5 ? f[5] : string.Empty));
        }

        return rows;
    }

    /// <summary>What the recogniser made of a row, as the corpus writes meanings (<c>category:internal</c>, <c>count</c>, <c>none</c>), and its measure.</summary>
    public static (string Meaning, string Measure, string Reason) Recognise(CorpusRow row)
    {
        var vocabulary = Vocabulary.BuiltIn;
        if (row.Kind == "header")
        {
            var h = vocabulary.ReadHeader(row.Text);
            if (h.IsWeak)
            {
                return ("none", string.Empty, "weak: " + h.Reason);
            }

            var meaning = h.Role switch
            {
                ColumnRole.Category => "category:" + Codes.Of(h.Category!.Value),
                ColumnRole.Ignore or ColumnRole.Unrecognised => "none",
                ColumnRole.UnitMultiplier => "unit",
                _ => Vocabulary.RoleKeyOrName(h.Role),
            };
            return (meaning, h.Measure is { } m ? Codes.Of(m) : string.Empty, h.Reason);
        }

        var linkage = vocabulary.ReadLinkage(row.Text);
        var measure = vocabulary.ReadMeasure(row.Text);
        if (linkage.Linkage is { } l && measure.Measure is not null)
        {
            return ("both", string.Empty, linkage.Reason + " | " + measure.Reason);
        }

        if (linkage.Linkage is { } label)
        {
            return (label.Category is { } c ? Codes.Of(c) : "total", string.Empty, linkage.Reason);
        }

        return measure.Measure is { } mm ? (Codes.Of(mm), Codes.Of(mm), measure.Reason) : ("none", string.Empty, linkage.Reason + " | " + measure.Reason);
    }

    /// <summary>The outcome of a row: a measure the header names but the recogniser missed counts as unrecognised, another measure as wrong.</summary>
    public static Outcome Judge(CorpusRow row, string meaning, string measure)
    {
        if (meaning == "none")
        {
            return Outcome.Unrecognised;
        }

        if (meaning != row.Expected)
        {
            return Outcome.Wrong;
        }

        if (row.Kind == "header" && row.Measure.Length > 0 && measure != row.Measure)
        {
            return measure.Length == 0 ? Outcome.Unrecognised : Outcome.Wrong;
        }

        return row.Kind == "header" && row.Measure.Length == 0 && measure.Length > 0 && meaning is "count" or "total" ? Outcome.Wrong : Outcome.Right;
    }
}
