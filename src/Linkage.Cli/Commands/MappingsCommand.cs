using System.CommandLine;
using System.Globalization;

using Linkage.Pipeline;
using Linkage.Problems;
using Linkage.Suggest;

namespace Linkage.Cli.Commands;

/// <summary>
/// <c>linkage mappings suggest INPUT... [--out FILE]</c>: reads the inputs like <c>validate</c>, and writes what the
/// pipeline did not recognise as a ready-to-edit config fragment with the model's suggestions (stdout by default).
/// </summary>
internal static class MappingsCommand
{
    public static Command Create(CliContext cli)
    {
        var inputs = new InputOptions();
        var outFile = new Option<string?>("--out")
        {
            Description = "File to write the config fragment to (default: standard output).",
            HelpName = "FILE",
        };
        var suggest = new Command("suggest", "Suggest config mappings for the labels and headers the inputs use but the pipeline does not recognise.");
        inputs.AddTo(suggest);
        suggest.Options.Add(outFile);
        suggest.SetAction(parse =>
        {
            var resolved = inputs.Resolve(parse, cli.Clock, out var error);
            if (resolved is null)
            {
                return cli.UsageError(error!);
            }

            var result = PipelineRunner.Run(resolved.Inputs, resolved.Context, resolved.Options);
            var rows = MappingReview.Build(result, resolved.Context.Vocabulary);
            var fragment = MappingFragment.Write(rows);
            var summary = string.Create(CultureInfo.InvariantCulture, $"{rows.Count} unrecognised label(s) or header(s), {rows.Sum(r => r.RowsAffected)} row(s) affected");
            if (parse.GetValue(outFile) is not { } path)
            {
                cli.Out.Write(fragment);
                cli.Error.WriteLine($"linkage: {summary}; review the suggestions before passing them with --config.");
                return ExitCodes.Success;
            }

            try
            {
                File.WriteAllText(path, fragment, new System.Text.UTF8Encoding(false));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                cli.Error.WriteLine($"linkage: the config fragment could not be written to '{path}' ({ex.Message.ReplaceLineEndings(" ").Trim().TrimEnd('.')}).");
                return ExitCodes.OutputError;
            }

            cli.Out.WriteLine($"{summary}; suggestions written to {path}; review them, then pass the file with --config.");
            return ExitCodes.Success;
        });
        var command = new Command("mappings", "Work with label and column mappings.");
        command.Subcommands.Add(suggest);
        return command;
    }
}
