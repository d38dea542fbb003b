using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Globalization;
using System.Text;

namespace Linkage.Cli;

/// <summary>
/// Writes <c>--help</c> in System.CommandLine's layout (Description, Usage, Arguments, Options, Commands) with plain
/// loops. The library's own help builder sorts and groups with LINQ over value tuples, generic code that ReadyToRun
/// cannot precompile outside the framework, so it was JIT-compiled on every <c>--help</c>: about a third of the
/// command's start-up time.
/// </summary>
internal sealed class PlainHelpAction : SynchronousCommandLineAction
{
    private const string Indent = "  ";

    private readonly bool _wrapToConsole;

    /// <summary>A help writer; <paramref name="wrapToConsole"/> wraps lines to the terminal's width when the output is one.</summary>
    public PlainHelpAction(bool wrapToConsole) => _wrapToConsole = wrapToConsole;

    /// <summary>Makes the root's help option (which every subcommand inherits) write with this action.</summary>
    public static void Install(RootCommand root, bool wrapToConsole)
    {
        foreach (var option in root.Options)
        {
            if (option is HelpOption help)
            {
                help.Action = new PlainHelpAction(wrapToConsole);
            }
        }
    }

    /// <summary>Help is shown even when the rest of the command line is incomplete (<c>linkage run --help</c> has no INPUT).</summary>
    public override bool ClearsParseErrors => true;

    /// <inheritdoc/>
    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var output = parseResult.InvocationConfiguration.Output;
        output.Write(Render(parseResult.CommandResult.Command, Width()));
        return 0;
    }

    /// <summary>The help text of <paramref name="command"/>, its lines wrapped at <paramref name="width"/> columns.</summary>
    public static string Render(Command command, int width)
    {
        ArgumentNullException.ThrowIfNull(command);
        var text = new StringBuilder();
        if (!string.IsNullOrEmpty(command.Description))
        {
            text.Append("Description:").AppendLine();
            AppendWrapped(text, Indent, command.Description, width);
            text.AppendLine();
        }

        text.Append("Usage:").AppendLine().Append(Indent).Append(Usage(command)).AppendLine().AppendLine();

        var arguments = new List<HelpRow>();
        foreach (var argument in command.Arguments)
        {
            if (!argument.Hidden)
            {
                arguments.Add(new HelpRow("<" + ArgumentName(argument) + ">", argument.Description ?? string.Empty));
            }
        }

        AppendSection(text, "Arguments:", arguments, width);
        AppendSection(text, "Options:", OptionRows(command), width);

        var commands = new List<HelpRow>();
        foreach (var sub in command.Subcommands)
        {
            if (!sub.Hidden)
            {
                var label = sub.Name;
                foreach (var argument in sub.Arguments)
                {
                    label += " <" + ArgumentName(argument) + ">";
                }

                commands.Add(new HelpRow(label, sub.Description ?? string.Empty));
            }
        }

        AppendSection(text, "Commands:", commands, width);
        return text.ToString();
    }

    /// <summary>The command's own options, then those it inherits (help), as System.CommandLine lists them.</summary>
    private static List<HelpRow> OptionRows(Command command)
    {
        var rows = new List<HelpRow>();
        foreach (var option in command.Options)
        {
            if (!option.Hidden)
            {
                rows.Add(OptionRow(option));
            }
        }

        foreach (var parent in Ancestors(command))
        {
            foreach (var option in parent.Options)
            {
                if (option.Recursive && !option.Hidden)
                {
                    rows.Add(OptionRow(option));
                }
            }
        }

        return rows;
    }

    private static HelpRow OptionRow(Option option)
    {
        // The names a person types: '/h' and '/?' are Windows spellings the library accepts but does not show.
        var names = new List<string> { option.Name };
        foreach (var alias in option.Aliases)
        {
            if (!alias.StartsWith('/'))
            {
                names.Add(alias);
            }
        }

        names.Sort(static (a, b) => a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b));
        var label = string.Join(", ", names);
        if (option.Arity.MaximumNumberOfValues > 0 && option.ValueType != typeof(bool))
        {
            label += " <" + (option.HelpName ?? option.Name.TrimStart('-').ToUpperInvariant()) + ">";
        }

        if (option.Required)
        {
            label += " (REQUIRED)";
        }

        var description = option.Description ?? string.Empty;
        if (option.HasDefaultValue && option.ValueType != typeof(bool) && option.GetDefaultValue() is { } value)
        {
            description += " [default: " + Convert.ToString(value, CultureInfo.InvariantCulture) + "]";
        }

        return new HelpRow(label, description);
    }

    /// <summary><c>linkage run &lt;INPUT&gt;... [options]</c>: the command path, its arguments, then what may follow.</summary>
    private static string Usage(Command command)
    {
        var path = new List<string>();
        for (Command? c = command; c is not null; c = FirstParent(c))
        {
            path.Insert(0, c is RootCommand ? "linkage" : c.Name);
        }

        var usage = string.Join(' ', path);
        foreach (var argument in command.Arguments)
        {
            if (!argument.Hidden)
            {
                usage += " <" + ArgumentName(argument) + ">" + (argument.Arity.MaximumNumberOfValues > 1 ? "..." : string.Empty);
            }
        }

        if (command.Subcommands.Count > 0)
        {
            usage += " [command]";
        }

        return usage + " [options]";
    }

    private static string ArgumentName(Argument argument) => argument.HelpName ?? argument.Name;

    private static Command? FirstParent(Command command) => command.Parents.FirstOrDefault() as Command;

    private static List<Command> Ancestors(Command command)
    {
        var list = new List<Command>();
        for (var c = FirstParent(command); c is not null; c = FirstParent(c))
        {
            list.Add(c);
        }

        return list;
    }

    private static void AppendSection(StringBuilder text, string title, List<HelpRow> rows, int width)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var labelWidth = 0;
        foreach (var row in rows)
        {
            labelWidth = Math.Max(labelWidth, row.Label.Length);
        }

        text.Append(title).AppendLine();
        foreach (var row in rows)
        {
            var start = Indent + row.Label.PadRight(labelWidth) + "  ";
            AppendWrapped(text, start, row.Text, width, new string(' ', start.Length));
        }

        text.AppendLine();
    }

    /// <summary>Appends <paramref name="words"/> after <paramref name="first"/>, wrapping at <paramref name="width"/> under <paramref name="hanging"/>.</summary>
    private static void AppendWrapped(StringBuilder text, string first, string words, int width, string? hanging = null)
    {
        hanging ??= first;

        // Too narrow a column to wrap into reads worse than a line the terminal wraps itself.
        if (width - hanging.Length < 20)
        {
            text.Append(first).Append(words).AppendLine();
            return;
        }

        var line = new StringBuilder(first);
        var empty = true;
        foreach (var word in words.Split(' '))
        {
            if (!empty && line.Length + 1 + word.Length > width)
            {
                text.Append(line).AppendLine();
                line.Clear().Append(hanging);
                empty = true;
            }

            line.Append(empty ? string.Empty : " ").Append(word);
            empty = false;
        }

        text.Append(line).AppendLine();
    }

    private int Width()
    {
        if (!_wrapToConsole || Console.IsOutputRedirected)
        {
            return int.MaxValue;
        }

        try
        {
            // One column short of the edge: a line that fills the last column makes some terminals add a blank one.
            return Console.WindowWidth > 1 ? Console.WindowWidth - 1 : int.MaxValue;
        }
        catch (IOException)
        {
            return int.MaxValue;
        }
    }

    /// <summary>One line of a section: what to type, and what it does.</summary>
    private sealed record HelpRow(string Label, string Text);
}
