using System.Text;

namespace Linkage.Read;

/// <summary>
/// Splits the decoded start of a file into records for detection, following the same RFC 4180 rules as
/// CsvHelper: a quote opens a quoted field only at the start of a field, "" inside quotes is a quote, text after
/// a closing quote is kept, and a line break inside quotes belongs to the field.
/// </summary>
internal static class ProbeSplitter
{
    /// <summary>
    /// Splits <paramref name="text"/> on <paramref name="delimiter"/> until <paramref name="maxNonBlank"/> non-blank
    /// records have been read. When <paramref name="complete"/> is false the text is a prefix and its last,
    /// possibly cut, record is dropped. Completely empty lines are skipped (as CsvHelper does).
    /// </summary>
    public static List<ProbeRecord> Split(string text, char delimiter, bool complete, int maxNonBlank)
    {
        var records = new List<ProbeRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        int line = 1, start = 1, nonBlank = 0, i = 0;
        bool inQuotes = false, fieldStart = true, any = false;

        while (i < text.Length && nonBlank < maxNonBlank)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i += 2;
                        continue;
                    }

                    inQuotes = false;
                }
                else
                {
                    if (c == '\n' || (c == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
                    {
                        line++;
                    }

                    field.Append(c);
                }

                i++;
                continue;
            }

            if (c == '\r' || c == '\n')
            {
                i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                if (any)
                {
                    fields.Add(field.ToString());
                    nonBlank += Add(records, start, line, fields);
                }

                field.Clear();
                fields.Clear();
                any = false;
                fieldStart = true;
                line++;
                start = line;
                continue;
            }

            any = true;
            if (c == delimiter)
            {
                fields.Add(field.ToString());
                field.Clear();
                fieldStart = true;
            }
            else if (c == '"' && fieldStart)
            {
                inQuotes = true;
                fieldStart = false;
            }
            else
            {
                field.Append(c);
                fieldStart = false;
            }

            i++;
        }

        // The last record has no line break after it: keep it only when it is known to be whole.
        if (any && complete && nonBlank < maxNonBlank)
        {
            fields.Add(field.ToString());
            Add(records, start, line, fields);
        }

        return records;
    }

    private static int Add(List<ProbeRecord> records, int start, int end, List<string> fields)
    {
        var record = new ProbeRecord(start, end - start + 1, [.. fields]);
        records.Add(record);
        return record.IsBlank ? 0 : 1;
    }
}
