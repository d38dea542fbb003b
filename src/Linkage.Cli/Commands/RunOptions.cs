using System.CommandLine;
using System.Globalization;

using Linkage.Analyse;
using Linkage.Localisation;

namespace Linkage.Cli.Commands;

/// <summary>What <c>linkage run</c> was asked, once its options are parsed and checked.</summary>
internal sealed record RunArguments(
    LogFormat Format,
    bool Quiet,
    string OutDir,
    ResolvedInputs Resolved,
    StatisticsOptions Statistics,
    double? Threshold,
    Language Language,
    bool IfChanged,
    IReadOnlyList<KeyValuePair<string, string?>> Settings);

/// <summary>The options of <c>linkage run</c> and their checks; a bad value is a usage error of one sentence.</summary>
internal sealed class RunOptions
{
    /// <summary>The threshold of <c>--accept-suggestions</c> given without a value (its precision is measured in the tests).</summary>
    public const double DefaultAcceptThreshold = 0.9;

    private readonly InputOptions _inputs = new();

    private readonly Option<string> _outDir = new("--out")
    {
        Description = "Output folder (created if missing).",
        HelpName = "DIR",
        Required = true,
    };

    private readonly Option<bool> _quiet = new("--quiet") { Description = "Print only errors." };

    private readonly Option<string?> _lang = new("--lang")
    {
        // Languages.CodeList is a constant, compiled in: the help does not load the library.
        Description = $"Language of the charts and the report: {Languages.CodeList} (default en). CSV outputs and file names stay the same.",
        HelpName = "CODE",
    };

    private readonly Option<string?> _logFormat = new("--log-format")
    {
        Description = "text (default): short plain lines; json: one JSON object per line on stderr, nothing on stdout.",
        HelpName = "text|json",
    };

    private readonly Option<string?> _accept = new("--accept-suggestions")
    {
        Description = "Apply the suggested mapping of every unrecognised label or header whose confidence is at least P (0 < P <= 1; 0.9 when P is left out, the threshold whose precision the tests measure); a label whose own words say it is no such label is never mapped; each one applied is listed in the manifest and the report. Default: none applied.",
        HelpName = "P",
        Arity = ArgumentArity.ZeroOrOne,
    };

    private readonly Option<bool> _ifChanged = new("--if-changed")
    {
        Description = "Do nothing (exit 0) when the inputs, config, region map, settings and tool version are those of the last successful run in --out.",
    };

    private readonly Option<int> _minCell = WholeNumber.Option(
        "--min-cell",
        "Disclosure threshold k: published counts of 1 to k-1 are suppressed, shares need a denominator of at least k.",
        "N",
        StatisticsOptions.DefaultMinCell);

    private readonly Option<int?> _level = WholeNumber.Optional(
        "--protection-level",
        "Protection level p (default k): no withheld small count may be narrowed by the published tables to less than its value ± p.",
        "P");

    private readonly Option<int?> _from = WholeNumber.Optional("--from", "First year of the statistics and of the trend window.", "YEAR");
    private readonly Option<int?> _to = WholeNumber.Optional("--to", "Last year of the statistics and of the trend window.", "YEAR");

    /// <summary>Adds the options to <paramref name="command"/> in the order the help lists them.</summary>
    public void AddTo(Command command)
    {
        _inputs.AddTo(command);
        foreach (var option in new Option[] { _outDir, _minCell, _level, _from, _to, _accept, _lang, _ifChanged, _logFormat, _quiet })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The log format, or null when <c>--log-format</c> names none (checked first: it decides how errors are told).</summary>
    public LogFormat? Format(ParseResult parse) => parse.GetValue(_logFormat) switch
    {
        null or "text" => LogFormat.Text,
        "json" => LogFormat.Json,
        _ => null,
    };

    /// <summary>The sentence for a <c>--log-format</c> that is none.</summary>
    public string BadFormat(ParseResult parse) => $"--log-format '{parse.GetValue(_logFormat)}' is not a log format; expected text or json.";

    /// <summary>True for <c>--quiet</c>.</summary>
    public bool Quiet(ParseResult parse) => parse.GetValue(_quiet);

    /// <summary>Checks every option and resolves the inputs; null with <paramref name="error"/> set on a usage error.</summary>
    public RunArguments? Parse(ParseResult parse, LogFormat format, TimeProvider clock, out string? error)
    {
        var inv = CultureInfo.InvariantCulture;
        if (string.IsNullOrWhiteSpace(parse.GetValue(_outDir)))
        {
            error = "--out is empty; expected the folder to write the outputs to.";
            return null;
        }

        var resolved = _inputs.Resolve(parse, clock, out error);
        if (resolved is null)
        {
            return null;
        }

        var (minCell, level, from, to) = (parse.GetValue(_minCell), parse.GetValue(_level), parse.GetValue(_from), parse.GetValue(_to));
        error = minCell < 2
            ? string.Create(inv, $"--min-cell {minCell} would publish counts of single children; expected an integer of at least 2.")
            : level < 1 ? string.Create(inv, $"--protection-level {level} would let a reader pin a withheld count down exactly; expected an integer of at least 1.")
            : from is { } f && to is { } t && f > t ? string.Create(inv, $"--from {f} is after --to {t}; expected the first year, then the last.") : null;
        if (error is not null)
        {
            return null;
        }

        double? threshold = null;
        if (parse.GetResult(_accept) is { Implicit: false } given && given.Tokens.Count == 0)
        {
            threshold = DefaultAcceptThreshold;
        }
        else if (parse.GetValue(_accept) is { } p)
        {
            if (!double.TryParse(p, NumberStyles.Float, inv, out var value) || !(value > 0 && value <= 1))
            {
                error = $"--accept-suggestions '{p}' is not a confidence; expected a number above 0 and at most 1, e.g. 0.9.";
                return null;
            }

            threshold = value;
        }

        var language = Language.En;
        if (parse.GetValue(_lang) is { } code && !Languages.TryParse(code, out language))
        {
            error = $"--lang '{code}' is not a language of the charts and report; expected one of {Languages.CodeList}.";
            return null;
        }

        // Every setting that changes the outputs, for the fingerprint (logging options are not among them).
        List<KeyValuePair<string, string?>> settings =
        [
            new("cli_build", typeof(RunCommand).Assembly.ManifestModule.ModuleVersionId.ToString("N")),
            new("min_cell", Output.RunFingerprint.Value(minCell)),
            new("protection_level", Output.RunFingerprint.Value(level)),
            new("from", Output.RunFingerprint.Value(from)),
            new("to", Output.RunFingerprint.Value(to)),
            new("max_year", Output.RunFingerprint.Value(resolved.Context.MaxYear)),
            new("as_of", resolved.AsOf?.ToString("yyyy-MM-dd", inv)),
            new("layout", parse.GetValue(_inputs.Layout)),
            new("encoding", parse.GetValue(_inputs.Encoding)),
            new("delimiter", parse.GetValue(_inputs.Delimiter)),
            new("sheet", parse.GetValue(_inputs.Sheet)),
            new("date_format", parse.GetValue(_inputs.DateFormat)),
            new("on_conflict", parse.GetValue(_inputs.OnConflict)),
            new("config_sha256", resolved.Config?.Sha256),
            new("regions_sha256", resolved.RegionsFile?.Sha256),
            new("accept_suggestions", threshold?.ToString("R", inv)),
            new("lang", language.Code()),
        ];
        return new RunArguments(
            format, Quiet(parse), parse.GetValue(_outDir)!, resolved, new StatisticsOptions(minCell, new Aggregate.YearWindow(from, to)) { ProtectionLevel = level }, threshold, language, parse.GetValue(_ifChanged), settings);
    }
}
