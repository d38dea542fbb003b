using System.CommandLine;

namespace Linkage.Cli.Tests;

/// <summary>
/// Start-up: <c>--help</c> and a usage error load only the CLI and its parser, never the pipeline or its heavy
/// libraries (ML.NET, ScottPlot and Skia, MathNet, the spreadsheet readers) nor the built-in tables; and the help
/// the CLI writes itself (for speed) says everything System.CommandLine's did.
/// </summary>
[TestClass]
public sealed class StartupTests
{
    /// <summary>Assemblies whose loading would cost start-up time (their names, or the start of them).</summary>
    private static readonly string[] Heavy =
    [
        "Linkage.Core", "Microsoft.ML", "ScottPlot", "SkiaSharp", "HarfBuzzSharp", "MathNet", "ExcelDataReader", "MiniExcel", "CsvHelper",
        "System.Text.Json",
    ];

    [TestMethod]
    [DataRow("--help")]
    [DataRow("run", "--help")]
    [DataRow("validate", "-h")]
    [DataRow("sample", "--help")]
    [DataRow("mappings", "suggest", "--help")]
    [DataRow("run", "--min-cell", "abc")]
    public void Startup_loads_nothing_heavy_for_help_or_a_usage_error(params string[] args)
    {
        using var tmp = new TempDir();
        var list = tmp.File("assemblies.txt");
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["DOTNET_STARTUP_HOOKS"] = typeof(StartupHook).Assembly.Location,
            [StartupHook.AssembliesVariable] = list,
        };

        var result = Cli.RunProcess(tmp.Path, environment, args);

        Assert.AreEqual(args[^1].StartsWith('-') && args[^1] != "abc" ? 0 : 2, result.ExitCode, result.Error);
        var loaded = File.ReadAllLines(list);
        CollectionAssert.Contains(loaded, "System.CommandLine", "the list is real: the parser was loaded");
        foreach (var name in loaded)
        {
            Assert.IsFalse(Heavy.Any(h => name.StartsWith(h, StringComparison.Ordinal)), $"'linkage {string.Join(' ', args)}' loaded {name}");
        }
    }

    [TestMethod]
    public void Help_of_every_command_lists_its_arguments_options_defaults_and_required_options()
    {
        var run = Cli.Run("run", "--help");
        var sample = Cli.Run("sample", "--help");
        var root = Cli.Run("--help");
        var suggest = Cli.Run("mappings", "suggest", "-?");

        foreach (var r in new[] { run, sample, root, suggest })
        {
            Assert.AreEqual(0, r.ExitCode, r.Error);
            Assert.AreEqual(string.Empty, r.Error, "help is shown although the command line lacks INPUT and --out");
        }

        StringAssert.StartsWith(run.Out, "Description:\n  Process submissions and write the outputs.\n\nUsage:\n  linkage run <INPUT>... [options]\n\nArguments:\n  <INPUT>  ".ReplaceLineEndings());
        StringAssert.Contains(run.Out, "  --out <DIR> (REQUIRED)  ".ReplaceLineEndings());
        StringAssert.Contains(run.Out, "shares need a denominator of at least k. [default: 5]");
        StringAssert.Contains(run.Out, "  --quiet    ");
        StringAssert.Contains(run.Out, "  -?, -h, --help  ");
        Assert.IsFalse(run.Out.Contains("/h", StringComparison.Ordinal), "the Windows spellings are accepted, not listed");
        StringAssert.Contains(sample.Out, "[default: 3000]");
        StringAssert.Contains(root.Out, "Usage:\n  linkage [command] [options]".ReplaceLineEndings());
        StringAssert.Contains(root.Out, "  --version       ");
        StringAssert.Contains(root.Out, "Commands:\n  run <INPUT>       Process submissions and write the outputs.".ReplaceLineEndings());
        StringAssert.Contains(suggest.Out, "Usage:\n  linkage mappings suggest <INPUT>... [options]".ReplaceLineEndings());
    }

    [TestMethod]
    public void Help_wraps_descriptions_under_their_column_to_the_width_it_is_given()
    {
        var root = new RootCommand("A tool.");
        var command = new Command("go", "Does it.");
        command.Options.Add(new Option<string>("--long") { Description = "one two three four five six seven eight nine ten eleven twelve", HelpName = "X" });
        root.Subcommands.Add(command);

        var text = PlainHelpAction.Render(command, 40);

        var lines = text.ReplaceLineEndings("\n").Split('\n');
        Assert.IsTrue(lines.All(l => l.Length <= 40), text);
        CollectionAssert.IsSubsetOf(
            new[] { "  --long <X>      one two three four", "                  five six seven eight", "                  nine ten eleven twelve" },
            lines,
            text);
    }
}
