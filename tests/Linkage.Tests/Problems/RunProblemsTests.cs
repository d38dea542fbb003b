using Linkage.Problems;

namespace Linkage.Tests.Problems;

/// <summary>The run-level problems of the catalogue, each by its code: its severity and the one sentence the user reads.</summary>
[TestClass]
public sealed class RunProblemsTests
{
    private static readonly (string Factory, RunProblem Problem, string Code, Severity Severity, string Says)[] Cases =
    [
        ("Usage", RunProblems.Usage("Unrecognized command or argument '--foo'."), "usage", Severity.Error, "--foo"),
        ("LockFile", RunProblems.LockFile("the lock file 'o.lock' is not a linkage lock; remove it."), "lock-file", Severity.Error, "o.lock"),
        ("LockUnwritable", RunProblems.LockUnwritable("o.lock", "read-only file system", "linkage keeps its lock beside --out"), "output-unwritable", Severity.Error, "'o.lock' could not be written (read-only file system)"),
        ("LockHeld", RunProblems.LockHeld("pid 42 on host, since 10:00", "out", "out.lock"), "lock-held", Severity.Error, "(pid 42 on host, since 10:00) is writing to 'out'"),
        ("StaleLock", RunProblems.StaleLock("pid 41"), "stale-lock", Severity.Warning, "(pid 41), which is no longer running"),
        ("InterruptedRun", RunProblems.InterruptedRun("restored the previous outputs of an interrupted run"), "interrupted-run", Severity.Warning, "restored the previous outputs"),
        ("DisclosureAudit", RunProblems.DisclosureAudit("a share of a suppressed cell"), "disclosure-audit", Severity.Error, "not published: a share of a suppressed cell."),
        ("FontMissing", RunProblems.FontMissing("No font for chart text was found."), "font-missing", Severity.Error, "Nothing was written"),
        ("OutputUnwritable", RunProblems.OutputUnwritable("out", "disk full"), "output-unwritable", Severity.Error, "to 'out' (disk full); previous outputs were left as they were."),
        ("SuggestionApplied", RunProblems.SuggestionApplied("inländisch", "Art", "linkage", "internal", 0.934, 12), "suggestion-applied", Severity.Warning, "as linkage \"internal\" (confidence 0.93, 12 row(s))"),
        ("SuggestionNotApplied", RunProblems.SuggestionNotApplied("a label maps to two categories"), "suggestion-not-applied", Severity.Warning, "a label maps to two categories"),
        ("NoUsableData", RunProblems.NoUsableData(), "no-usable-data", Severity.Error, "internal/rejects.csv"),
        ("ConfigNoEffect", RunProblems.ConfigNoEffect("\"select\" names no column of any file."), "config-no-effect", Severity.Warning, "\"select\""),
        ("InputSkipped", RunProblems.InputSkipped("notes.docx", "not a supported type"), "input-skipped", Severity.Warning, "skipped notes.docx (not a supported type)."),
        ("StatisticsNote", RunProblems.StatisticsNote("No trend for Eastern Asia: one year."), "statistics-note", Severity.Warning, "Eastern Asia"),
    ];

    [TestMethod]
    public void Every_run_problem_has_its_code_its_severity_and_one_sentence_naming_what_it_was_given()
    {
        foreach (var (factory, problem, code, severity, says) in Cases)
        {
            Assert.AreEqual(code, problem.Code, factory);
            Assert.AreEqual(severity, problem.Severity, factory);
            StringAssert.Contains(problem.Message, says, factory);
            Assert.IsFalse(problem.Message.Contains('\n', StringComparison.Ordinal), factory);
        }
    }

    [TestMethod]
    public void Every_factory_of_the_catalogue_is_checked_here()
    {
        var factories = typeof(RunProblems).GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static).Select(m => m.Name).Order(StringComparer.Ordinal).ToList();

        CollectionAssert.AreEqual(factories, Cases.Select(c => c.Factory).Order(StringComparer.Ordinal).ToList(), "a new run problem needs its case above");
    }

    [TestMethod]
    public void The_suggestion_confidence_is_written_with_a_point_in_every_culture()
    {
        foreach (var culture in new[] { "de-DE", "tr-TR", "fr-FR" })
        {
            using var scope = new TestSupport.CultureScope(culture);
            StringAssert.Contains(RunProblems.SuggestionApplied("a", "b", "linkage", "internal", 0.5, 1).Message, "(confidence 0.50,", culture);
        }
    }
}
