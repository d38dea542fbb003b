using System.CommandLine;

using Linkage.Cli.Commands;
using Linkage.Problems;

namespace Linkage.Cli;

/// <summary>The <c>linkage</c> command: run, validate, sample.</summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error, TimeProvider.System, errorIsTerminal: !Console.IsErrorRedirected);

    /// <summary>Runs the command line with the given writers and clock (tests call this in-process).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, TimeProvider clock, bool errorIsTerminal = false)
    {
        var cli = new CliContext(output, error, clock, errorIsTerminal);
        var root = new RootCommand("linkage: paragraph-23 trafficking-linkage submissions to comparable, disclosure-controlled statistics.");
        root.Subcommands.Add(RunCommand.Create(cli));
        root.Subcommands.Add(ValidateCommand.Create(cli));
        root.Subcommands.Add(SampleCommand.Create(cli));
        root.Subcommands.Add(MappingsCommand.Create(cli));
        PlainHelpAction.Install(root, wrapToConsole: ReferenceEquals(output, Console.Out));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            // Plain sentences on stderr and the design's usage code 2 (System.CommandLine would print the whole
            // help text and answer 1); one JSON event per error when the command line asked for JSON logs.
            if (AsksForJsonLogs(args))
            {
                return JsonUsageErrors(cli, parse);
            }

            foreach (var e in parse.Errors)
            {
                error.WriteLine($"linkage: {e.Message}");
            }

            var command = string.Join(' ', parse.CommandResult.Command == root ? ["linkage"] : new[] { "linkage", parse.CommandResult.Command.Name });
            error.WriteLine($"linkage: run '{command} --help' for the usage.");
            return ExitCodes.Usage;
        }

        var config = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        try
        {
            return parse.Invoke(config);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A bug, not bad data: still one sentence, no stack trace, and a code that stops a nightly job.
            error.WriteLine($"linkage: internal error ({ex.GetType().Name}: {ex.Message}); please report it with the command line that caused it.");
            if (Environment.GetEnvironmentVariable("LINKAGE_TRACE") == "1")
            {
                error.WriteLine(ex.ToString());
            }

            return ExitCodes.DataError;
        }
    }

    /// <summary>
    /// The parse errors as <c>usage.error</c> events. A method of its own so that the JSON writer's assembly is loaded
    /// only when it is used, not by every start-up (<c>--help</c> included).
    /// </summary>
    private static int JsonUsageErrors(CliContext cli, ParseResult parse)
    {
        var log = new RunLog(cli, LogFormat.Json, quiet: false);
        foreach (var e in parse.Errors)
        {
            log.Report("usage.error", Problems.RunProblems.Usage(e.Message));
        }

        return ExitCodes.Usage;
    }

    /// <summary>True when the arguments say <c>--log-format json</c> (also <c>=json</c> or <c>:json</c>), read before parsing.</summary>
    private static bool AsksForJsonLogs(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--log-format=json" or "--log-format:json" || (args[i] == "--log-format" && i + 1 < args.Length && args[i + 1] == "json"))
            {
                return true;
            }
        }

        return false;
    }
}
