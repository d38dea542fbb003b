using System.Text.RegularExpressions;

namespace Linkage.Tests.Architecture;

/// <summary>
/// The library's folders follow the stage diagram of the README: each folder may refer only to folders before it, so
/// a stage never reaches a later stage, and nothing in the library refers to the CLI. The scan is the one of
/// <see cref="NamespaceCycleTests"/> (<c>using Linkage.X</c> and qualified <c>X.Name</c> references).
/// </summary>
[TestClass]
public sealed partial class StageOrderTests
{
    /// <summary>
    /// The folders in stage order. Model and Problems are the shared vocabulary; Read opens the inputs; Config is the
    /// user's config (read through Read); then the stages from Recognise to Analyse; Suggest reads what reconcile left
    /// unrecognised; Localisation, Render and Report make the publication; Output writes it; Sample makes example inputs
    /// with Output's writes; Pipeline runs them all, so it comes last.
    /// </summary>
    internal static readonly string[] Order =
    [
        "Model", "Problems", "Read", "Config", "Recognise", "Normalise", "Reconcile", "Suggest", "Aggregate", "Protect",
        "Analyse", "Localisation", "Render", "Report", "Output", "Sample", "Pipeline",
    ];

    /// <summary>Every reference from a folder to a folder at or after it in <see cref="Order"/>, as "From → To"; folders not in the order are named too.</summary>
    internal static List<string> Violations(IReadOnlyList<(string Folder, string Text)> sources)
    {
        var rank = Order.Select((f, i) => (f, i)).ToDictionary(x => x.f, x => x.i, StringComparer.Ordinal);
        var found = new List<string>();
        foreach (var folder in sources.Select(s => s.Folder).Distinct(StringComparer.Ordinal).Where(f => !rank.ContainsKey(f)))
        {
            found.Add($"{folder} is in no stage of the order");
        }

        foreach (var (from, targets) in NamespaceCycleTests.References(sources))
        {
            foreach (var to in targets.Where(t => rank.ContainsKey(from) && rank.ContainsKey(t) && rank[t] >= rank[from]))
            {
                found.Add($"{from} → {to}");
            }
        }

        foreach (var (folder, text) in sources.Where(s => Cli().IsMatch(LineComment().Replace(s.Text, string.Empty))))
        {
            found.Add($"{folder} → Cli");
        }

        return [.. found.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    [TestMethod]
    public void Each_library_folder_refers_only_to_earlier_stages_and_never_to_the_cli()
    {
        var sources = NamespaceCycleTests.Sources();
        var violations = Violations(sources);

        Assert.IsEmpty(violations, "references to a later stage: " + string.Join(", ", violations));
        CollectionAssert.AreEquivalent(Order, sources.Select(s => s.Folder).Distinct(StringComparer.Ordinal).ToList(), "every folder of src/Linkage is in the order, and every stage of the order is a folder");
    }

    [TestMethod]
    public void A_planted_reference_to_a_later_stage_or_to_the_cli_is_found()
    {
        (string, string)[] clean =
        [
            ("Read", "using Linkage.Problems;\nnamespace Linkage.Read;"),
            ("Protect", "using Linkage.Aggregate;\nnamespace Linkage.Protect;\n// Render.ChartRenderer is not called here"),
            ("Render", "using Linkage.Protect;\nnamespace Linkage.Render;"),
        ];
        Assert.IsEmpty(Violations(clean));

        // Protect reaches the charts (a later stage), Read names the CLI, and a folder outside the diagram appears.
        (string, string)[] planted =
        [
            ("Read", "namespace Linkage.Read;\nclass R { string S => Linkage.Cli.Program.Name; }"),
            ("Protect", "using Linkage.Aggregate;\nnamespace Linkage.Protect;\nclass P { void Draw() => Render.ChartRenderer.RenderAll(null); }"),
            ("Render", "using Linkage.Protect;\nnamespace Linkage.Render;"),
            ("Helpers", "namespace Linkage.Helpers;"),
        ];
        CollectionAssert.AreEqual(new[] { "Helpers is in no stage of the order", "Protect → Render", "Read → Cli" }, Violations(planted));
    }

    /// <summary>
    /// The stages after Protect (and Output) may not name the unprotected figures: the State-year figures, the
    /// aggregate's result, or the statistics' <c>Aggregate</c>. They see the counts only through Protect's result.
    /// </summary>
    internal static List<string> UnprotectedReaches(IEnumerable<(string Relative, string Text)> files) =>
        [.. files
            .Where(f => AfterProtect.Any(d => f.Relative.StartsWith(d + "/", StringComparison.Ordinal)) && f.Relative != "Analyse/StatisticsResult.cs")
            .Where(f => Unprotected().IsMatch(LineComment().Replace(f.Text, string.Empty)))
            .Select(f => f.Relative)
            .Order(StringComparer.Ordinal)];

    private static readonly string[] AfterProtect = ["Analyse", "Localisation", "Render", "Report", "Output"];

    [TestMethod]
    public void No_stage_after_protect_names_the_unprotected_figures()
    {
        var root = Path.Combine(TestSupport.Repository.Root, "src", "Linkage");
        var files = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Select(f => (Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllText(f)))
            .ToList();

        Assert.IsEmpty(UnprotectedReaches(files), "files after Protect that name unprotected figures: " + string.Join(", ", UnprotectedReaches(files)));
        Assert.IsGreaterThan(20, files.Count(f => AfterProtect.Any(d => f.Item1.StartsWith(d + "/", StringComparison.Ordinal))), "the scan found the later stages' files");

        (string, string)[] planted = [("Report/ReportBuilder.cs", "var n = stats.Aggregate.States.Count;"), ("Render/Heat.cs", "void Draw(IReadOnlyList<StateYear> s) { }"), ("Protect/X.cs", "IReadOnlyList<StateYear> s;")];
        CollectionAssert.AreEqual(new[] { "Render/Heat.cs", "Report/ReportBuilder.cs" }, UnprotectedReaches(planted));
    }

    [GeneratedRegex(@"\bStateYear\b|\bAggregateResult\b|\bAggregator\.Run\b|\.Aggregate\.(?:States|Regions|Warnings)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Unprotected();

    [GeneratedRegex(@"(?<![\w.])(?:using\s+)?Linkage\.Cli\b", RegexOptions.CultureInvariant)]
    private static partial Regex Cli();

    [GeneratedRegex(@"//[^\n]*", RegexOptions.CultureInvariant)]
    private static partial Regex LineComment();
}
