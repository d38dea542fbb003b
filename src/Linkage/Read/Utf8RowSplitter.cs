using System.Text.Unicode;

namespace Linkage.Read;

/// <summary>
/// Splits the lines of a UTF-8 CSV file into cleaned fields without CsvHelper, for the parallel case-record path.
/// It reads only what it can read exactly as <see cref="CsvSourceTable"/> does: one record per line, fields
/// either unquoted (no quote inside) or wholly quoted with doubled quotes inside, valid UTF-8, no lone carriage
/// return. Anything else makes it say so (<see cref="TrySplit"/> returns false), and the caller reads the whole
/// file the ordinary way instead. Field text is decoded once per distinct value of a column and reused.
/// </summary>
internal sealed class Utf8RowSplitter(byte delimiter)
{
    /// <summary>Distinct values remembered per column; a column of more distinct values is decoded each time.</summary>
    private const int MaxRemembered = 1 << 15;

    private readonly List<Dictionary<byte[], string>?> _columns = [];
    private readonly List<Dictionary<byte[], string>.AlternateLookup<ReadOnlySpan<byte>>> _lookups = [];
    private readonly List<string> _fields = [];
    private readonly List<string[]> _arrays = [];
    private byte[] _scratch = new byte[256];

    /// <summary>
    /// Splits one line (without its line break) into fields, cleaned (<see cref="FieldText.Clean"/>) and with
    /// trailing empty fields removed; an empty array for a blank line. False when the line needs the full reader.
    /// The array is reused by the next call: copy it to keep the row.
    /// </summary>
    public bool TrySplit(ReadOnlySpan<byte> line, out string[] fields)
    {
        fields = [];
        if (line.Contains((byte)'\r'))
        {
            return false;
        }

        _fields.Clear();
        var column = 0;
        var rest = line;
        while (true)
        {
            ReadOnlySpan<byte> raw;
            bool last;
            if (rest.Length > 0 && rest[0] == (byte)'"')
            {
                if (!TryUnquote(rest, out raw, out var consumed))
                {
                    return false;
                }

                rest = rest[consumed..];
                if (rest.Length == 0)
                {
                    last = true;
                }
                else if (rest[0] == delimiter)
                {
                    rest = rest[1..];
                    last = false;
                }
                else
                {
                    return false; // Text after a closing quote.
                }
            }
            else
            {
                var end = rest.IndexOf(delimiter);
                raw = end < 0 ? rest : rest[..end];
                if (raw.Contains((byte)'"'))
                {
                    return false; // A quote inside an unquoted field.
                }

                last = end < 0;
                rest = last ? [] : rest[(end + 1)..];
            }

            if (!TryText(column, raw, out var text))
            {
                return false;
            }

            _fields.Add(text);
            column++;
            if (last)
            {
                break;
            }
        }

        var n = _fields.Count;
        while (n > 0 && _fields[n - 1].Length == 0)
        {
            n--;
        }

        if (n > 0)
        {
            // One array per field count, reused: the caller copies the fields of a row it keeps.
            while (_arrays.Count <= n)
            {
                _arrays.Add(new string[_arrays.Count]);
            }

            fields = _arrays[n];
            _fields.CopyTo(0, fields, 0, n);
        }

        return true;
    }

    /// <summary>The content of a quoted field at the start of <paramref name="text"/>, doubled quotes made single.</summary>
    private bool TryUnquote(ReadOnlySpan<byte> text, out ReadOnlySpan<byte> content, out int consumed)
    {
        content = default;
        consumed = 0;
        var length = 0;
        var i = 1;
        while (true)
        {
            var next = text[i..].IndexOf((byte)'"');
            if (next < 0)
            {
                return false; // Never closed on this line: the record runs over lines.
            }

            Append(text.Slice(i, next), ref length);
            i += next + 1;
            if (i < text.Length && text[i] == (byte)'"')
            {
                Append("\""u8, ref length);
                i++;
                continue;
            }

            content = _scratch.AsSpan(0, length);
            consumed = i;
            return true;
        }
    }

    private void Append(ReadOnlySpan<byte> bytes, ref int length)
    {
        if (length + bytes.Length > _scratch.Length)
        {
            Array.Resize(ref _scratch, Math.Max(_scratch.Length * 2, length + bytes.Length));
        }

        bytes.CopyTo(_scratch.AsSpan(length));
        length += bytes.Length;
    }

    /// <summary>The cleaned text of a field, remembered per column; false for bytes the full reader must judge.</summary>
    private bool TryText(int column, ReadOnlySpan<byte> raw, out string text)
    {
        while (_columns.Count <= column)
        {
            var values = new Dictionary<byte[], string>(ByteArrayComparer.Instance);
            _columns.Add(values);
            _lookups.Add(values.GetAlternateLookup<ReadOnlySpan<byte>>());
        }

        var remembered = _columns[column];
        if (remembered is not null && _lookups[column].TryGetValue(raw, out var known))
        {
            text = known;
            return true;
        }

        if (!TryDecode(raw, out text))
        {
            return false;
        }

        if (remembered is not null)
        {
            if (remembered.Count < MaxRemembered)
            {
                remembered[raw.ToArray()] = text;
            }
            else
            {
                _columns[column] = null; // Mostly distinct values (an id column): stop remembering.
            }
        }

        return true;
    }

    /// <summary>Strict UTF-8 decoding and the reader's cleaning; false when the full reader would reject the row.</summary>
    private static bool TryDecode(ReadOnlySpan<byte> raw, out string text)
    {
        text = string.Empty;
        if (raw.IsEmpty)
        {
            return true;
        }

        var chars = raw.Length <= 512 ? stackalloc char[raw.Length] : new char[raw.Length];
        if (Utf8.ToUtf16(raw, chars, out _, out var written, replaceInvalidSequences: false, isFinalBlock: true) != System.Buffers.OperationStatus.Done)
        {
            return false;
        }

        var decoded = FieldText.Clean(new string(chars[..written]));

        // The full reader turns undecodable bytes and non-characters into row problems; leave those rows to it.
        if (decoded.Contains(EncodingGuess.Invalid, StringComparison.Ordinal) || FieldText.IndexOfInvalid(decoded) >= 0)
        {
            return false;
        }

        text = decoded;
        return true;
    }

    /// <summary>Compares byte arrays by content, and byte spans against them.</summary>
    private sealed class ByteArrayComparer : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
    {
        public static ByteArrayComparer Instance { get; } = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => GetHashCode((ReadOnlySpan<byte>)obj);

        public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

        public int GetHashCode(ReadOnlySpan<byte> alternate)
        {
            var hash = default(HashCode);
            hash.AddBytes(alternate);
            return hash.ToHashCode();
        }

        public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();
    }
}
