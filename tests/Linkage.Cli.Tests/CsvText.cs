using System.Text;

namespace Linkage.Cli.Tests;

/// <summary>A small RFC 4180 reader for checking output files independently of the code under test.</summary>
internal static class CsvText
{
    public static List<Dictionary<string, string>> ReadFile(string path)
    {
        var rows = Parse(File.ReadAllText(path, Encoding.UTF8));
        var header = rows[0];
        return [.. rows.Skip(1).Select(r => header.Select((h, i) => (h, v: i < r.Count ? r[i] : string.Empty)).ToDictionary(x => x.h, x => x.v))];
    }

    public static List<List<string>> Parse(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                row.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                rows.Add(row);
                row = [];
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }

        return rows;
    }
}
