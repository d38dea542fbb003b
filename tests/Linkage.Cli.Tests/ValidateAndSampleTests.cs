using System.Text.Json;

using Linkage.Sample;

namespace Linkage.Cli.Tests;

[TestClass]
public sealed class ValidateAndSampleTests
{
    [TestMethod]
    public void Validate_explains_layout_encoding_delimiter_and_column_roles_for_every_sample_file()
    {
        var result = Cli.RunProcess(Cli.RepoRoot, "validate", "sample-data");

        Assert.AreEqual(0, result.ExitCode, result.Error);
        StringAssert.Contains(result.Out, "layout: wide");
        StringAssert.Contains(result.Out, "layout: long");
        StringAssert.Contains(result.Out, "layout: sdmx-csv-v1");
        StringAssert.Contains(result.Out, "layout: sdmx-csv-v2");
        StringAssert.Contains(result.Out, "layout: records");
        StringAssert.Contains(result.Out, "encoding: windows-1251");
        StringAssert.Contains(result.Out, "encoding: windows-1252");
        StringAssert.Contains(result.Out, "encoding: utf-16le (byte order mark)");
        StringAssert.Contains(result.Out, "delimiter: tab");
        StringAssert.Contains(result.Out, "'страна' -> state");
        StringAssert.Contains(result.Out, "'grenzüberschreitend' -> international");
        StringAssert.Contains(result.Out, "'nacionalidad' -> origin");
        StringAssert.Contains(result.Out, "exit code 0");
    }

    [TestMethod]
    public void Validate_json_gives_the_same_accounting_as_text()
    {
        var result = Cli.Run("validate", Cli.SampleData, "--json");

        Assert.AreEqual(0, result.ExitCode, result.Error);
        using var doc = JsonDocument.Parse(result.Out);
        var files = doc.RootElement.GetProperty("files").EnumerateArray().ToList();
        Assert.AreEqual(8, files.Count);
        Assert.IsTrue(files.All(f => f.GetProperty("rows_read").GetInt64() == f.GetProperty("rows_accepted").GetInt64() + f.GetProperty("rows_rejected").GetInt64()));
        var ru = files.Single(f => f.GetProperty("file").GetString()!.EndsWith("08-wide-ru.csv", StringComparison.Ordinal));
        Assert.AreEqual("windows-1251", ru.GetProperty("encoding").GetString());
        Assert.AreEqual("state", ru.GetProperty("columns")[0].GetProperty("role").GetString());
        Assert.AreEqual(0, doc.RootElement.GetProperty("exit_code").GetInt32());
    }

    [TestMethod]
    public void Validate_lists_each_problem_with_code_row_column_and_value()
    {
        using var tmp = new TempDir();
        var file = tmp.Write("in.csv", "country;year;measure;total\nAustria;2020;children;12\nAustria;2021;children;zwölf\n");

        var result = Cli.Run("validate", file, "--json");

        Assert.AreEqual(1, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Out);
        var problem = doc.RootElement.GetProperty("files")[0].GetProperty("problems")[0];
        Assert.AreEqual("bad-count", problem.GetProperty("code").GetString());
        Assert.AreEqual(3, problem.GetProperty("row").GetInt32());
        Assert.AreEqual("total", problem.GetProperty("column").GetString());
        Assert.AreEqual("zwölf", problem.GetProperty("value").GetString());
        Assert.AreEqual($"File '{file}', row 3, column 'total' has 'zwölf': not a count; expected a count written with digits (and optional thousands separators).", problem.GetProperty("message").GetString());
    }

    [TestMethod]
    public void Sample_writes_the_same_bytes_for_the_same_seed_and_they_validate_cleanly()
    {
        using var tmp = new TempDir();
        Assert.AreEqual(0, Cli.Run("sample", "--out", tmp.File("a"), "--seed", "5", "--records", "400").ExitCode);
        Assert.AreEqual(0, Cli.Run("sample", "--out", tmp.File("b"), "--seed", "5", "--records", "400").ExitCode);

        var names = Directory.GetFiles(tmp.File("a")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.AreEqual(8, names.Count);
        foreach (var name in names.Where(n => !n!.EndsWith(".xlsx", StringComparison.Ordinal)))
        {
            CollectionAssert.AreEqual(File.ReadAllBytes(tmp.File("a/" + name)), File.ReadAllBytes(tmp.File("b/" + name)), name);
        }

        var validate = Cli.Run("validate", tmp.File("a"));
        Assert.AreEqual(0, validate.ExitCode, validate.Out);
    }

    [TestMethod]
    public void Committed_sample_data_is_what_the_default_seed_writes()
    {
        using var tmp = new TempDir();
        Assert.AreEqual(0, Cli.Run("sample", "--out", tmp.Path).ExitCode);

        foreach (var path in Directory.GetFiles(tmp.Path).Where(p => !p.EndsWith(".xlsx", StringComparison.Ordinal)))
        {
            var committed = Path.Combine(Cli.SampleData, Path.GetFileName(path));
            CollectionAssert.AreEqual(File.ReadAllBytes(committed), File.ReadAllBytes(path), Path.GetFileName(path));
        }
    }

    [TestMethod]
    public void Sample_records_only_writes_one_records_file_that_validate_accepts_but_for_its_bad_rows()
    {
        using var tmp = new TempDir();
        var expected = SampleGenerator.WriteRecordsFile(tmp.File("expected.csv"), 20_000, 3);

        var sample = Cli.Run("sample", "--out", tmp.File("out"), "--records-only", "--records", "20000", "--seed", "3");

        Assert.AreEqual(0, sample.ExitCode, sample.Error);
        var file = tmp.File("out/records.csv");
        CollectionAssert.AreEqual(new[] { "records.csv" }, Directory.GetFiles(tmp.File("out")).Select(Path.GetFileName).ToList());
        CollectionAssert.AreEqual(File.ReadAllBytes(tmp.File("expected.csv")), File.ReadAllBytes(file));
        Assert.AreEqual(20_000, File.ReadLines(file).Count() - 1);
        StringAssert.Contains(sample.Out, $"20000 records written, {expected.BadRows} of them bad on purpose");

        var validate = Cli.Run("validate", file, "--json");

        // Exit 1: the bad rows are rejected (and the measure is assumed: the file has no measure column).
        Assert.AreEqual(1, validate.ExitCode, validate.Error);
        using var doc = JsonDocument.Parse(validate.Out);
        var report = doc.RootElement.GetProperty("files")[0];
        Assert.AreEqual("records", report.GetProperty("layout").GetString());
        Assert.AreEqual(20_000, report.GetProperty("rows_read").GetInt64());
        Assert.AreEqual(expected.GoodRows, report.GetProperty("rows_accepted").GetInt64());
        Assert.AreEqual(expected.BadRows, report.GetProperty("rows_rejected").GetInt64());
        Assert.IsGreaterThan(0L, expected.BadRows);
    }
}
