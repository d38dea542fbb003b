using System.Text.Json;

namespace Linkage.Cli.Tests.Suggest;

/// <summary>Unrecognised labels: the review file, the config fragment, and --accept-suggestions, end to end.</summary>
[TestClass]
public sealed class MappingSuggestionTests
{
    private const string Submission = "country,year,measure,linkage,count\n"
        + "Austria,2020,children,internal,12\n"
        + "Austria,2020,children,brought in from overseas,8\n"
        + "Germany,2020,children,internal,30\n"
        + "Germany,2020,children,brought in from overseas,5\n"
        + "France,2020,children,intérieurement déplacé,7\n";

    [TestMethod]
    public void A_run_lists_unrecognised_labels_with_a_suggestion_in_mapping_review_and_still_rejects_their_rows()
    {
        using var tmp = new TempDir();
        tmp.Write("in/a.csv", Submission);

        var result = Cli.Run("run", tmp.File("in"), "--out", tmp.File("out"), "--as-of", "2026-11-28");

        Assert.AreEqual(1, result.ExitCode, result.Error);
        var review = CsvText.ReadFile(tmp.File("out/internal/mapping-review.csv"));
        Assert.HasCount(2, review);
        Assert.AreEqual("brought in from overseas", review[0]["label"], "most rows affected first");
        Assert.AreEqual("linkage", review[0]["column"]);
        Assert.AreEqual("linkage", review[0]["target"]);
        Assert.AreEqual("2", review[0]["rows_affected"]);
        Assert.AreEqual("international", review[0]["suggested"]);
        Assert.AreEqual("internal", review[1]["suggested"]);
        Assert.AreEqual("no", review[0]["applied"]);
        Assert.IsTrue(double.Parse(review[0]["confidence"], System.Globalization.CultureInfo.InvariantCulture) > double.Parse(review[0]["runner_up_confidence"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.HasCount(3, CsvText.ReadFile(tmp.File("out/internal/rejects.csv")), "a suggestion never turns a reject into data by itself");
        Assert.IsFalse(File.ReadAllText(tmp.File("out/internal/observations.csv")).Contains("France", StringComparison.Ordinal));
    }

    [TestMethod]
    public void Mappings_suggest_writes_a_config_fragment_that_a_run_accepts_as_it_is()
    {
        using var tmp = new TempDir();
        tmp.Write("in/a.csv", Submission);

        var suggest = Cli.Run("mappings", "suggest", tmp.File("in"), "--out", tmp.File("fragment.json"));
        var fragment = File.ReadAllText(tmp.File("fragment.json"));
        var run = Cli.Run("run", tmp.File("in"), "--config", tmp.File("fragment.json"), "--out", tmp.File("out"), "--as-of", "2026-11-28");

        Assert.AreEqual(0, suggest.ExitCode, suggest.Error);
        StringAssert.Contains(suggest.Out, "2 unrecognised label(s) or header(s), 3 row(s) affected");
        StringAssert.Contains(fragment, "// \"brought in from overseas\": confidence ");
        StringAssert.Contains(fragment, "\"international\": [\"brought in from overseas\"]");
        StringAssert.Contains(fragment, "\"internal\": [\"intérieurement déplacé\"]");
        Assert.AreEqual(0, run.ExitCode, run.Error + run.Out);
        Assert.HasCount(5, CsvText.ReadFile(tmp.File("out/internal/observations.csv")));
    }

    [TestMethod]
    public void Accept_suggestions_applies_those_above_the_threshold_and_lists_each_in_the_manifest_the_report_and_the_log()
    {
        using var tmp = new TempDir();
        tmp.Write("in/a.csv", Submission);

        var result = Cli.Run("run", tmp.File("in"), "--out", tmp.File("out"), "--as-of", "2026-11-28", "--accept-suggestions", "0.5");

        Assert.AreEqual(1, result.ExitCode, "applying a guess is worth a look: exit 1");
        StringAssert.Contains(result.Out, "warning: --accept-suggestions: read 'brought in from overseas' (column 'linkage') as linkage \"international\"");
        Assert.HasCount(5, CsvText.ReadFile(tmp.File("out/internal/observations.csv")));
        Assert.HasCount(0, CsvText.ReadFile(tmp.File("out/internal/rejects.csv")));
        Assert.IsTrue(CsvText.ReadFile(tmp.File("out/internal/mapping-review.csv")).All(r => r["applied"] == "yes"));
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(tmp.File("out/manifest.json")));
        var suggestions = manifest.RootElement.GetProperty("suggestions");
        Assert.AreEqual(0.5, suggestions.GetProperty("accept_threshold").GetDouble());
        var applied = suggestions.GetProperty("applied").EnumerateArray().ToList();
        Assert.HasCount(2, applied);
        Assert.AreEqual("international", applied[0].GetProperty("mapped_to").GetString());
        var report = File.ReadAllText(tmp.File("out/publish/report.md"));
        StringAssert.Contains(report, "Labels read by a suggested mapping (--accept-suggestions 0.50)");
        StringAssert.Contains(report, "| brought in from overseas | linkage | linkage: international |");
    }

    [TestMethod]
    public void Accept_suggestions_without_a_value_uses_the_documented_090_and_never_maps_a_label_about_something_else()
    {
        using var tmp = new TempDir();
        tmp.Write("in/a.csv", Submission + "Austria,2021,children,Persons prosecuted,4\nAustria,2021,children,Nationals,9\n");

        var result = Cli.Run("run", tmp.File("in"), "--out", tmp.File("out"), "--as-of", "2026-11-28", "--accept-suggestions");

        using var manifest = JsonDocument.Parse(File.ReadAllBytes(tmp.File("out/manifest.json")));
        Assert.AreEqual(0.9, manifest.RootElement.GetProperty("suggestions").GetProperty("accept_threshold").GetDouble(), result.Out + result.Error);
        var review = CsvText.ReadFile(tmp.File("out/internal/mapping-review.csv"));
        foreach (var label in new[] { "Persons prosecuted", "Nationals" })
        {
            var row = review.Single(r => r["label"] == label);
            Assert.AreEqual("no", row["applied"], label);
            Assert.AreEqual("none", row["suggested"], label);
        }
    }

    [TestMethod]
    public void A_threshold_above_every_confidence_applies_nothing_and_bad_thresholds_are_usage_errors()
    {
        using var tmp = new TempDir();
        tmp.Write("in/a.csv", Submission);

        var none = Cli.Run("run", tmp.File("in"), "--out", tmp.File("out"), "--as-of", "2026-11-28", "--accept-suggestions", "1");

        Assert.AreEqual(1, none.ExitCode);
        Assert.HasCount(3, CsvText.ReadFile(tmp.File("out/internal/rejects.csv")));
        Assert.IsFalse(none.Out.Contains("--accept-suggestions: read", StringComparison.Ordinal));
        foreach (var bad in new[] { "0", "1.5", "abc", "0,9" })
        {
            var result = Cli.Run("run", tmp.File("in"), "--out", tmp.File("out2"), "--accept-suggestions", bad);
            Assert.AreEqual(2, result.ExitCode, bad);
            Assert.AreEqual($"linkage: --accept-suggestions '{bad}' is not a confidence; expected a number above 0 and at most 1, e.g. 0.9.", result.Error.Trim());
        }
    }

    [TestMethod]
    public void The_review_is_the_same_on_every_run_and_culture()
    {
        using var tmp = new TempDir();
        tmp.Write("in/a.csv", Submission);

        Assert.AreEqual(1, Cli.Run("run", tmp.File("in"), "--out", tmp.File("a"), "--as-of", "2026-11-28").ExitCode);
        Assert.AreEqual(1, Cli.WithCulture("tr-TR", () => Cli.Run("run", tmp.File("in"), "--out", tmp.File("b"), "--as-of", "2026-11-28")).ExitCode);

        CollectionAssert.AreEqual(File.ReadAllBytes(tmp.File("a/internal/mapping-review.csv")), File.ReadAllBytes(tmp.File("b/internal/mapping-review.csv")));
    }
}
