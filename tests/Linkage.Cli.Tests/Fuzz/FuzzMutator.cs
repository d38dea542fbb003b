using System.Globalization;
using System.Text;

namespace Linkage.Cli.Tests.Fuzz;

/// <summary>The mutations the fuzzer applies to valid submissions.</summary>
internal enum Mutation
{
    Truncate,
    ByteFlip,
    ReEncode,
    DelimiterSwap,
    QuoteInjection,
    HugeField,
    WideRow,
    LongLine,
    NulBytes,
    CrLfMix,
    Empty,
    HeaderOnly,
    DuplicateHeader,
    XlsxCut,
}

/// <summary>One generated input: the bytes of a file, its extension and how it was made.</summary>
/// <param name="Seed">The seed that makes exactly this case again.</param>
/// <param name="Extension">The file extension, with the dot.</param>
/// <param name="Bytes">The file's content.</param>
/// <param name="Mutations">The mutations applied, in order.</param>
/// <param name="Steps">What each mutation did (base file, positions, encodings), for the failure message.</param>
internal sealed record FuzzCase(int Seed, string Extension, byte[] Bytes, IReadOnlyList<Mutation> Mutations, IReadOnlyList<string> Steps)
{
    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"seed {Seed}: {string.Join("; ", Steps)} ({Bytes.Length} bytes, {Extension})");
}

/// <summary>
/// Makes one fuzz case from a seed: picks a valid submission (a random window of its rows), applies one to three
/// text mutations, encodes it (in its own encoding or, when re-encoding, another one), then applies byte mutations.
/// The same seed always gives the same bytes.
/// </summary>
internal static class FuzzMutator
{
    /// <summary>Fields of at least this many characters count as huge (design of the brief: ≥ 1 MB).</summary>
    public const int HugeFieldChars = 1 << 20;

    /// <summary>The number of columns of the wide-row mutation.</summary>
    public const int WideRowColumns = 100_000;

    private static readonly char[] Delimiters = [',', ';', '\t', '|'];

    private static readonly string[] LineEndings = ["\n", "\r\n", "\r"];

    // Text mutations with their weights: the expensive ones (≥ 1 MB, 10^5 columns) are rarer.
    private static readonly (Mutation Kind, int Weight)[] TextMutations =
    [
        (Mutation.Truncate, 10),
        (Mutation.ByteFlip, 10),
        (Mutation.ReEncode, 12),
        (Mutation.DelimiterSwap, 10),
        (Mutation.QuoteInjection, 12),
        (Mutation.HugeField, 1),
        (Mutation.WideRow, 1),
        (Mutation.LongLine, 2),
        (Mutation.NulBytes, 6),
        (Mutation.CrLfMix, 8),
        (Mutation.HeaderOnly, 4),
        (Mutation.DuplicateHeader, 8),
    ];

    private static readonly (string Name, Func<Encoding> Make, bool Bom)[] Encodings =
    [
        ("UTF-16 LE with BOM", () => new UnicodeEncoding(false, false), true),
        ("UTF-16 LE without BOM", () => new UnicodeEncoding(false, false), false),
        ("UTF-16 BE with BOM", () => new UnicodeEncoding(true, false), true),
        ("UTF-16 BE without BOM", () => new UnicodeEncoding(true, false), false),
        ("windows-1251", () => Encoding.GetEncoding(1251), false),
        ("windows-1252", () => Encoding.GetEncoding(1252), false),
        ("latin1", () => Encoding.Latin1, false),
        ("UTF-8 with BOM", () => new UTF8Encoding(false), true),
    ];

    static FuzzMutator()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>Makes the case of <paramref name="seed"/>.</summary>
    public static FuzzCase Generate(int seed)
    {
        var rng = new Random(seed);
        var kinds = new List<Mutation>();
        var steps = new List<string>();
        var pick = rng.Next(100);
        if (pick < 3)
        {
            kinds.Add(Mutation.Empty);
            var blank = rng.Next(3) switch { 0 => string.Empty, 1 => "\n", _ => " \r\n\t\r\n" };
            steps.Add($"empty file ({Escape(blank)})");
            return new FuzzCase(seed, ".csv", Encoding.UTF8.GetBytes(blank), kinds, steps);
        }

        if (pick < 13)
        {
            return Xlsx(seed, rng, kinds, steps);
        }

        var source = FuzzSubmissions.Text[rng.Next(FuzzSubmissions.Text.Count)];
        var take = 1 + rng.Next(Math.Min(40, source.Rows.Count));
        var start = rng.Next(source.Rows.Count - take + 1);
        var doc = new TextDoc(source.Header, [.. source.Rows.Skip(start).Take(take)], source.Delimiter);
        steps.Add(string.Create(CultureInfo.InvariantCulture, $"{source.Name} rows {start + 1}-{start + take}"));

        var count = 1 + rng.Next(3);
        for (var i = 0; i < count; i++)
        {
            kinds.Add(Choose(rng));
        }

        // Text mutations first, then the encoding, then byte mutations: each acts on what a submitter could send.
        foreach (var kind in kinds)
        {
            var step = kind switch
            {
                Mutation.DelimiterSwap => SwapDelimiter(doc, rng),
                Mutation.QuoteInjection => InjectQuotes(doc, rng),
                Mutation.HugeField => HugeField(doc, rng),
                Mutation.WideRow => WideRow(doc, rng),
                Mutation.LongLine => LongLine(doc, rng),
                Mutation.CrLfMix => MixLineEndings(doc, rng),
                Mutation.HeaderOnly => HeaderOnly(doc),
                Mutation.DuplicateHeader => DuplicateHeader(doc, rng),
                _ => null,
            };
            if (step is not null)
            {
                steps.Add(step);
            }
        }

        var (encoding, bom, encodingName) = (source.Encoding, source.Bom, source.Encoding.WebName + (source.Bom ? " with BOM" : string.Empty));
        if (kinds.Contains(Mutation.ReEncode))
        {
            var e = Encodings[rng.Next(Encodings.Length)];
            (encoding, bom, encodingName) = (e.Make(), e.Bom, e.Name);
            steps.Add("re-encoded as " + e.Name);
        }

        var text = doc.Join(rng);
        byte[] bytes = [.. bom ? Encoding.GetEncoding(encoding.CodePage).GetPreamble() : [], .. encoding.GetBytes(text)];
        foreach (var kind in kinds)
        {
            (bytes, var step) = kind switch
            {
                Mutation.Truncate => Truncate(bytes, rng),
                Mutation.ByteFlip => FlipBytes(bytes, rng),
                Mutation.NulBytes => InsertNuls(bytes, rng),
                _ => (bytes, null),
            };
            if (step is not null)
            {
                steps.Add(step);
            }
        }

        var extension = source.Delimiter == '\t' && rng.Next(2) == 0 ? ".txt" : ".csv";
        steps.Insert(1, "encoding " + encodingName);
        return new FuzzCase(seed, extension, bytes, kinds, steps);
    }

    private static Mutation Choose(Random rng)
    {
        var total = TextMutations.Sum(m => m.Weight);
        var r = rng.Next(total);
        foreach (var (kind, weight) in TextMutations)
        {
            if (r < weight)
            {
                return kind;
            }

            r -= weight;
        }

        return Mutation.ByteFlip;
    }

    private static FuzzCase Xlsx(int seed, Random rng, List<Mutation> kinds, List<string> steps)
    {
        var bytes = FuzzSubmissions.Xlsx;
        steps.Add("04-long-it.xlsx");
        kinds.Add(Mutation.XlsxCut);
        var mode = rng.Next(3);
        if (mode is 0 or 2)
        {
            // Cut anywhere, often near the end where the zip's central directory is.
            var at = rng.Next(2) == 0 ? rng.Next(bytes.Length) : bytes.Length - 1 - rng.Next(Math.Min(600, bytes.Length - 1));
            bytes = bytes[..at];
            steps.Add(string.Create(CultureInfo.InvariantCulture, $"XLSX cut at byte {at}"));
        }

        if (mode is 1 or 2)
        {
            kinds.Add(Mutation.ByteFlip);
            var (flipped, step) = FlipBytes(bytes, rng);
            bytes = flipped;
            steps.Add(step!);
        }

        return new FuzzCase(seed, ".xlsx", bytes, kinds, steps);
    }

    private static string SwapDelimiter(TextDoc doc, Random rng)
    {
        var to = Delimiters.Where(d => d != doc.Delimiter).ElementAt(rng.Next(Delimiters.Length - 1));
        var mode = rng.Next(3);
        var from = doc.Delimiter;
        for (var i = 0; i < doc.Lines.Count; i++)
        {
            if (mode == 0 || (mode == 1 && i == 0) || (mode == 2 && rng.Next(2) == 0))
            {
                doc.Lines[i] = doc.Lines[i].Replace(from, to);
            }
        }

        if (mode == 0)
        {
            doc.Delimiter = to;
        }

        var where = mode switch { 0 => "every line", 1 => "the header only", _ => "random lines" };
        return $"delimiter '{Escape(from.ToString())}' -> '{Escape(to.ToString())}' on {where}";
    }

    private static string InjectQuotes(TextDoc doc, Random rng)
    {
        var n = 1 + rng.Next(3);
        var at = new List<string>();
        for (var k = 0; k < n; k++)
        {
            var i = rng.Next(doc.Lines.Count);
            var line = doc.Lines[i];
            var fields = line.Split(doc.Delimiter);
            var f = rng.Next(fields.Length);
            switch (rng.Next(4))
            {
                case 0:
                    var p = rng.Next(line.Length + 1);
                    doc.Lines[i] = line.Insert(p, "\"");
                    break;
                case 1:
                    fields[f] = "\"" + fields[f];
                    doc.Lines[i] = string.Join(doc.Delimiter, fields);
                    break;
                case 2:
                    fields[f] += "\"";
                    doc.Lines[i] = string.Join(doc.Delimiter, fields);
                    break;
                default:
                    fields[f] = "\"" + fields[f] + "\"\"" + (rng.Next(2) == 0 ? "\"" : string.Empty);
                    doc.Lines[i] = string.Join(doc.Delimiter, fields);
                    break;
            }

            at.Add(Line(i));
        }

        return "stray quotes on " + string.Join(", ", at);
    }

    private static string HugeField(TextDoc doc, Random rng)
    {
        var i = doc.Lines.Count > 1 ? 1 + rng.Next(doc.Lines.Count - 1) : 0;
        var fields = doc.Lines[i].Split(doc.Delimiter);
        var f = rng.Next(fields.Length);
        var size = HugeFieldChars + rng.Next(4096);
        var (content, what) = rng.Next(4) switch
        {
            0 => (new string('7', size), "digits"),
            1 => (new string('x', size), "letters"),
            2 => ("\"" + Repeat("a" + doc.Delimiter + "b\n", size) + "\"", "a quoted field with delimiters and line breaks"),
            _ => (Repeat("1 ", size), "spaced digits"),
        };
        fields[f] = content;
        doc.Lines[i] = string.Join(doc.Delimiter, fields);
        return string.Create(CultureInfo.InvariantCulture, $"huge field ({what}, {content.Length} chars) in field {f + 1} of {Line(i)}");
    }

    private static string WideRow(TextDoc doc, Random rng)
    {
        var header = rng.Next(3) == 0;
        var i = header || doc.Lines.Count == 1 ? 0 : 1 + rng.Next(doc.Lines.Count - 1);
        var builder = new StringBuilder(doc.Lines[i]);
        var have = doc.Lines[i].Split(doc.Delimiter).Length;
        for (var c = have; c < WideRowColumns; c++)
        {
            builder.Append(doc.Delimiter).Append(header ? "col" + c.ToString(CultureInfo.InvariantCulture) : "1");
        }

        doc.Lines[i] = builder.ToString();
        return string.Create(CultureInfo.InvariantCulture, $"{WideRowColumns} columns on {Line(i)}");
    }

    private static string LongLine(TextDoc doc, Random rng)
    {
        var size = 100_000 + rng.Next(1_200_000);
        var i = rng.Next(doc.Lines.Count + 1);
        switch (rng.Next(3))
        {
            case 0:
                doc.Lines.Insert(i, Repeat("long line without delimiters ", size));
                return string.Create(CultureInfo.InvariantCulture, $"a {size}-char line without delimiters inserted as {Line(i)}");
            case 1:
                var j = Math.Min(i, doc.Lines.Count - 1);
                doc.Lines[j] += new string(' ', size);
                return string.Create(CultureInfo.InvariantCulture, $"{Line(j)} padded with {size} spaces");
            default:
                doc.Lines.Insert(i, Repeat("1" + doc.Delimiter, size));
                return string.Create(CultureInfo.InvariantCulture, $"a {size}-char line of numbers and delimiters inserted as {Line(i)}");
        }
    }

    private static string MixLineEndings(TextDoc doc, Random rng)
    {
        doc.MixedEndings = true;
        var stray = rng.Next(3);
        for (var k = 0; k < stray; k++)
        {
            var i = rng.Next(doc.Lines.Count);
            doc.Lines[i] = doc.Lines[i].Insert(rng.Next(doc.Lines[i].Length + 1), "\r");
        }

        return string.Create(CultureInfo.InvariantCulture, $"mixed CR, LF and CRLF line endings, {stray} stray CR inside lines");
    }

    private static string HeaderOnly(TextDoc doc)
    {
        doc.Lines.RemoveRange(1, doc.Lines.Count - 1);
        return "header only";
    }

    private static string DuplicateHeader(TextDoc doc, Random rng)
    {
        var names = doc.Lines[0].Split(doc.Delimiter);
        switch (rng.Next(3))
        {
            case 0 when names.Length > 1:
                var (a, b) = (rng.Next(names.Length), rng.Next(names.Length));
                if (a == b)
                {
                    b = (a + 1) % names.Length;
                }

                names[b] = names[a];
                doc.Lines[0] = string.Join(doc.Delimiter, names);
                return string.Create(CultureInfo.InvariantCulture, $"header column {b + 1} renamed to column {a + 1}'s name");
            case 1:
                var c = rng.Next(names.Length);
                for (var i = 0; i < doc.Lines.Count; i++)
                {
                    var fields = doc.Lines[i].Split(doc.Delimiter).ToList();
                    if (c < fields.Count)
                    {
                        fields.Add(fields[c]);
                    }

                    doc.Lines[i] = string.Join(doc.Delimiter, fields);
                }

                return string.Create(CultureInfo.InvariantCulture, $"column {c + 1} repeated at the end");
            default:
                var at = 1 + rng.Next(doc.Lines.Count);
                doc.Lines.Insert(at, doc.Lines[0]);
                return "header repeated as " + Line(at);
        }
    }

    private static (byte[], string?) Truncate(byte[] bytes, Random rng)
    {
        if (bytes.Length == 0)
        {
            return (bytes, null);
        }

        var at = rng.Next(bytes.Length);
        return (bytes[..at], string.Create(CultureInfo.InvariantCulture, $"truncated at byte {at}"));
    }

    private static (byte[], string?) FlipBytes(byte[] bytes, Random rng)
    {
        if (bytes.Length == 0)
        {
            return (bytes, null);
        }

        var copy = (byte[])bytes.Clone();
        var n = 1 + rng.Next(16);
        var at = new List<int>();
        for (var k = 0; k < n; k++)
        {
            var i = rng.Next(copy.Length);
            copy[i] = rng.Next(2) == 0 ? (byte)(copy[i] ^ (1 << rng.Next(8))) : (byte)rng.Next(256);
            at.Add(i);
        }

        return (copy, "bytes changed at " + string.Join(",", at.Order().Select(i => i.ToString(CultureInfo.InvariantCulture))));
    }

    private static (byte[], string?) InsertNuls(byte[] bytes, Random rng)
    {
        var list = bytes.ToList();
        var n = 1 + rng.Next(4);
        var at = new List<int>();
        for (var k = 0; k < n; k++)
        {
            var i = rng.Next(list.Count + 1);
            list.Insert(i, 0);
            at.Add(i);
        }

        return ([.. list], "NUL inserted at bytes " + string.Join(",", at.Select(i => i.ToString(CultureInfo.InvariantCulture))));
    }

    private static string Repeat(string unit, int atLeast)
    {
        var builder = new StringBuilder(atLeast + unit.Length);
        while (builder.Length < atLeast)
        {
            builder.Append(unit);
        }

        return builder.ToString();
    }

    private static string Line(int index) => string.Create(CultureInfo.InvariantCulture, $"line {index + 1}");

    private static string Escape(string s) => s.Replace("\t", "\\t", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>A submission being mutated: its lines (the first is the header), delimiter and line endings.</summary>
    private sealed class TextDoc(string header, List<string> rows, char delimiter)
    {
        public List<string> Lines { get; } = [header, .. rows];

        public char Delimiter { get; set; } = delimiter;

        public bool MixedEndings { get; set; }

        public string Join(Random rng)
        {
            if (!MixedEndings)
            {
                return string.Join("\n", Lines) + "\n";
            }

            var builder = new StringBuilder();
            foreach (var line in Lines)
            {
                builder.Append(line).Append(LineEndings[rng.Next(LineEndings.Length)]);
            }

            return builder.ToString();
        }
    }
}
