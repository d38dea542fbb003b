using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Linkage.Cli.Commands;

/// <summary>Whole-number options whose parse error is one plain sentence (the library's names the CLR type).</summary>
internal static class WholeNumber
{
    /// <summary>An <c>int</c> option with a default.</summary>
    public static Option<int> Option(string name, string description, string helpName, int defaultValue) => new(name)
    {
        Description = description,
        HelpName = helpName,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result => Parse(name, result) ?? defaultValue,
    };

    /// <summary>An optional <c>int</c> option.</summary>
    public static Option<int?> Optional(string name, string description, string helpName) => new(name)
    {
        Description = description,
        HelpName = helpName,
        CustomParser = result => Parse(name, result),
    };

    private static int? Parse(string name, ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        result.AddError($"{name} '{text}' is not a whole number.");
        return null;
    }
}
