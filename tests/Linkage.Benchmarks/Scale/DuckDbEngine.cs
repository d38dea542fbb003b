using System.Diagnostics;
using System.Globalization;

using DuckDB.NET.Data;

using Linkage.Config;
using Linkage.Model;
using Linkage.Normalise;
using Linkage.Recognise;

namespace Linkage.Benchmarks.Scale;

/// <summary>
/// The same work in DuckDB (in memory): <c>read_csv</c> of the records file, State and country spellings mapped to
/// alpha-3 through tables built from the project's own <c>Recognise/Data</c> (the data <see cref="Geography"/> is built
/// from), missing markers from the project's vocabulary, ISO dates by cast and <c>dd/mm/yyyy</c> by <c>strptime</c>,
/// linkage derived as design.md says (same → internal, different → international, either missing → unknown), rows
/// with a State outside the OSCE, a date that is none or a country that does not exist left out, and a
/// <c>GROUP BY</c> State × year × linkage.
/// </summary>
/// <remarks>
/// The look-up is by lower-cased, trimmed text, not by the pipeline's full folding (accents, punctuation): the
/// generator writes spellings exactly as the data has them, so both give the same answer on the benchmark file, and
/// the cross-check would show it if they did not.
/// </remarks>
internal static class DuckDbEngine
{
    private const string Query = """
        WITH raw AS (
            SELECT lower(trim(coalesce("state", ''))) AS s,
                   trim(coalesce("date", '')) AS d,
                   lower(trim(coalesce("citizenship", ''))) AS c,
                   lower(trim(coalesce("country of exploitation", ''))) AS e
            FROM read_csv('@file', header = true, all_varchar = true, delim = ',', quote = '"', escape = '"')
        ),
        parsed AS (
            SELECT sn.alpha3 AS state,
                   coalesce(try_cast(d AS DATE), try_strptime(d, '%d/%m/%Y')) AS day,
                   coalesce(cc.alpha3, '?') AS cit,
                   coalesce(ce.alpha3, '?') AS exp
            FROM raw
            LEFT JOIN state_names sn ON sn.name = raw.s
            LEFT JOIN country_names cc ON cc.name = raw.c
            LEFT JOIN country_names ce ON ce.name = raw.e
        ),
        checked AS (
            SELECT *, state IS NOT NULL AND day IS NOT NULL AND year(day) BETWEEN @min_year AND @max_year AND cit <> '?' AND exp <> '?' AS ok
            FROM parsed
        )
        SELECT ok,
               CASE WHEN ok THEN state END AS state,
               CASE WHEN ok THEN year(day) END AS year,
               CASE WHEN NOT ok THEN NULL WHEN cit = '' OR exp = '' THEN 'unknown' WHEN cit = exp THEN 'internal' ELSE 'international' END AS linkage,
               count(*) AS n
        FROM checked
        GROUP BY ALL
        """;

    public static Measurement Run(string file)
    {
        // Built before the clock starts, as the pipeline's context is.
        // Missing markers map to '' in the country table, ahead of the countries: like the pipeline, "NA" is "not
        // available" before it is Namibia. A marker costs one join instead of a second look-up per cell.
        var missing = Vocabulary.BuiltIn.Missing.Select(m => m.Trim())
            .Concat(Vocabulary.BuiltIn.ExampleLinkage.Where(l => l.Value.Category == LinkageCategory.Unknown).Select(l => l.Key));
        var states = Names(ConfigLoader.LoadEmbedded<List<StateEntry>>("states.json"), []);
        var countries = Names(ConfigLoader.LoadEmbedded<List<StateEntry>>("countries.json"), missing);
        // A table function takes no parameters: the path goes in as an SQL string literal.
        var sql = Query
            .Replace("@file", file.Replace("'", "''", StringComparison.Ordinal), StringComparison.Ordinal)
            .Replace("@min_year", PeriodParser.MinYear.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("@max_year", (DateTime.UtcNow.Year + 1).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

        var clock = Stopwatch.StartNew();
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        Execute(connection, "CREATE TABLE state_names(name VARCHAR, alpha3 VARCHAR); CREATE TABLE country_names(name VARCHAR, alpha3 VARCHAR);");
        Append(connection, "state_names", states);
        Append(connection, "country_names", countries);

        long accepted = 0, rejected = 0, observations = 0, inside = 0, across = 0, unknown = 0;
        using (var command = connection.CreateCommand())
        {
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var n = reader.GetInt64(4);
                if (!reader.GetBoolean(0))
                {
                    rejected += n;
                    continue;
                }

                accepted += n;
                observations++;
                _ = reader.GetString(3) switch
                {
                    "internal" => inside += n,
                    "international" => across += n,
                    _ => unknown += n,
                };
            }
        }

        clock.Stop();
        var threads = Scalar(connection, "SELECT current_setting('threads')");
        return new Measurement("duckdb", clock.Elapsed.TotalSeconds, ProcessMemory.PeakOfSelf(), accepted + rejected, accepted, rejected, observations, inside, across, unknown, 0, "DuckDB threads: " + threads);
    }

    /// <summary>
    /// The missing markers (to '') and every spelling of every entry (alpha-3, alpha-2, name, formal name, aliases),
    /// lower-cased; the first wins a spelling, as in <see cref="Geography"/>.
    /// </summary>
    private static List<(string Name, string Alpha3)> Names(List<StateEntry> entries, IEnumerable<string> missing)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var marker in missing)
        {
            seen.TryAdd(marker.ToLowerInvariant(), string.Empty);
        }

        foreach (var e in entries)
        {
            foreach (var name in new[] { e.Alpha3, e.Alpha2, e.Name, e.Formal }.Concat(e.Aliases))
            {
                if (!string.IsNullOrWhiteSpace(name))
                {
                    seen.TryAdd(name.Trim().ToLowerInvariant(), e.Alpha3);
                }
            }
        }

        return [.. seen.Select(kv => (kv.Key, kv.Value))];
    }

    private static void Append(DuckDBConnection connection, string table, IEnumerable<(string Name, string Alpha3)> rows)
    {
        using var appender = connection.CreateAppender(table);
        foreach (var (name, alpha3) in rows)
        {
            appender.CreateRow().AppendValue(name).AppendValue(alpha3).EndRow();
        }
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string Scalar(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture) ?? string.Empty;
    }
}
