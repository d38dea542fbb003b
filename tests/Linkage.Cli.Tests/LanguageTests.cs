using System.Text;
using System.Text.Json;
using System.Xml.Linq;

namespace Linkage.Cli.Tests;

/// <summary><c>--lang</c>: the charts and report in another language, everything else byte for byte the same.</summary>
[TestClass]
public sealed class LanguageTests
{
    [TestMethod]
    public void Run_with_lang_ru_writes_russian_charts_and_report_and_the_same_tables_and_file_names_as_english()
    {
        using var tmp = new TempDir();
        var en = tmp.File("en");
        var ru = tmp.File("ru");

        var english = Cli.Run("run", Cli.SampleData, "--out", en, "--as-of", "2026-11-28");
        var russian = Cli.Run("run", Cli.SampleData, "--out", ru, "--as-of", "2026-11-28", "--lang", "ru");

        Assert.AreEqual(0, english.ExitCode, english.Error);
        Assert.AreEqual(0, russian.ExitCode, russian.Error);
        CollectionAssert.AreEqual(Files(en), Files(ru), "the same outputs under the same names");
        foreach (var file in Files(en).Where(f => f.EndsWith(".csv", StringComparison.Ordinal)))
        {
            CollectionAssert.AreEqual(File.ReadAllBytes(Path.Combine(en, file)), File.ReadAllBytes(Path.Combine(ru, file)), $"{file} stays in English codes");
        }

        var html = File.ReadAllText(Path.Combine(ru, "publish", "report.html"));
        StringAssert.Contains(html, "<html lang=\"ru\">");
        StringAssert.Contains(File.ReadAllText(Path.Combine(en, "publish", "report.html")), "<html lang=\"en\">");
        var md = File.ReadAllText(Path.Combine(ru, "publish", "report.md"));
        StringAssert.StartsWith(md, "# Связь с торговлей людьми");
        StringAssert.Contains(md, "## Региональная таблица: дети");
        StringAssert.Contains(md, "| Восточная Европа |");
        var svg = XDocument.Parse(Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(ru, "publish", "charts", "trend-apc-children.svg"))));
        var texts = svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim()).ToList();
        CollectionAssert.Contains(texts, "Тенденция общего числа: годовое процентное изменение по регионам");
        CollectionAssert.Contains(texts, "ОБСЕ");
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(ru, "manifest.json")));
        var arguments = manifest.RootElement.GetProperty("arguments").EnumerateArray().Select(a => a.GetString()).ToList();
        var at = arguments.IndexOf("--lang");
        Assert.IsGreaterThanOrEqualTo(0, at, string.Join(" ", arguments));
        Assert.AreEqual("ru", arguments[at + 1]);
    }

    [TestMethod]
    public void Run_with_an_unknown_lang_is_a_usage_error_naming_the_six_languages_and_writes_nothing()
    {
        using var tmp = new TempDir();
        var input = tmp.Write("in/a.csv", Unattended.LockAndRecoveryTests.SmallInput);

        var result = Cli.Run("run", input, "--out", tmp.File("out"), "--lang", "xx");

        Assert.AreEqual(2, result.ExitCode);
        Assert.AreEqual("linkage: --lang 'xx' is not a language of the charts and report; expected one of en, fr, de, it, ru, es.", result.Error.Trim());
        Assert.IsFalse(Directory.Exists(tmp.File("out")));
        StringAssert.Contains(Cli.Run("run", "--help").Out, "--lang <CODE>");
    }

    [TestMethod]
    public void Run_with_if_changed_runs_again_when_only_the_language_changed()
    {
        using var tmp = new TempDir();
        var input = tmp.Write("in/a.csv", Unattended.LockAndRecoveryTests.SmallInput);
        var target = tmp.File("out");
        string[] Args(params string[] extra) => ["run", tmp.File("in"), "--out", target, "--as-of", "2026-11-28", "--if-changed", .. extra];
        Assert.AreEqual(0, Cli.Run(Args()).ExitCode);
        Assert.IsTrue(Skipped(Cli.Run(Args())), "baseline: nothing changed");

        var french = Cli.Run(Args("--lang", "fr"));

        Assert.IsFalse(Skipped(french), "a new language is a new report: " + french.Out);
        Assert.AreEqual(0, french.ExitCode, french.Error);
        StringAssert.Contains(File.ReadAllText(Path.Combine(target, "publish", "report.html")), "<html lang=\"fr\">");
        Assert.IsTrue(Skipped(Cli.Run(Args("--lang", "fr"))), "the same language again is skipped");
        Assert.IsTrue(Skipped(Cli.Run(Args("--lang", "FR"))), "the code in another case is the same language");
        Assert.IsFalse(Skipped(Cli.Run(Args())), "back to English runs again");
    }

    private static bool Skipped(CliResult result) => result.Out.StartsWith("--if-changed:", StringComparison.Ordinal);

    private static List<string> Files(string root) =>
        [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Order(StringComparer.Ordinal)];
}
