using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

using Linkage.Config;
using Linkage.Normalise;
using Linkage.Pipeline;
using Linkage.Read;
using Linkage.Recognise;
using Linkage.Reconcile;

namespace Linkage.Cli.Commands;

/// <summary>Everything a command needs to process inputs, resolved from the command line.</summary>
/// <param name="Inputs">Expanded input files.</param>
/// <param name="Skipped">What input folders held besides supported files.</param>
/// <param name="Context">Dictionaries, States, regions and date choices.</param>
/// <param name="Options">Read, layout and conflict choices.</param>
/// <param name="Config">The config file path and its SHA-256, when one was given.</param>
/// <param name="RegionsFile">The <c>--regions</c> file path and its SHA-256, when one was given.</param>
/// <param name="AsOf">The <c>--as-of</c> date when given; null otherwise (publish outputs never carry the wall clock).</param>
/// <param name="ConfigData">The parsed config, when one was given (suggestions are added to it).</param>
internal sealed record ResolvedInputs(
    IReadOnlyList<InputFile> Inputs,
    IReadOnlyList<SkippedInput> Skipped,
    NormaliseContext Context,
    PipelineOptions Options,
    (string Path, string Sha256)? Config,
    (string Path, string Sha256)? RegionsFile,
    DateOnly? AsOf,
    LinkageConfig? ConfigData)
{
    /// <summary>Config entries that have no effect and that the user should know about (e.g. an alias for a personal-data name).</summary>
    public IReadOnlyList<string> ConfigWarnings => Context.Vocabulary.ConfigWarnings;

    /// <summary>True when a folder held files that may be unread submissions, or the config has entries without effect (exit at least 1).</summary>
    public bool HasWarnings => Skipped.Any(s => s.IsWarning) || ConfigWarnings.Count > 0;

    /// <summary>The run's exit code: the pipeline's, raised to 1 by <see cref="HasWarnings"/>.</summary>
    public int ExitCode(PipelineResult result) =>
        HasWarnings ? Math.Max(result.ExitCode, Problems.ExitCodes.FinishedWithProblems) : result.ExitCode;
}

/// <summary>The options shared by <c>run</c> and <c>validate</c>: inputs and how to read and interpret them.</summary>
internal sealed class InputOptions
{
    public Argument<string[]> Inputs { get; } = new("INPUT")
    {
        Description = "Submission files, or folders whose .csv/.tsv/.txt/.xlsx files are read in name order.",
        Arity = ArgumentArity.OneOrMore,
    };

    public Option<string?> Config { get; } = new("--config")
    {
        Description = "JSON file adding column aliases, label mappings, state aliases, a region map and defaultMeasure.",
        HelpName = "FILE",
    };

    public Option<string?> Regions { get; } = new("--regions")
    {
        Description = "CSV region map (columns state[,area],region) replacing the default UN M49 sub-regions.",
        HelpName = "FILE",
    };

    public Option<string?> Layout { get; } = new("--layout")
    {
        Description = "Force the layout instead of detecting it.",
        HelpName = "wide|long|sdmx|records",
    };

    public Option<string?> Encoding { get; } = new("--encoding")
    {
        Description = "Force the text encoding (e.g. utf-8, utf-16, windows-1251, windows-1252).",
        HelpName = "NAME",
    };

    public Option<string?> Delimiter { get; } = new("--delimiter")
    {
        Description = "Force the field delimiter: ',' ';' '|' or 'tab'.",
        HelpName = "CHAR",
    };

    public Option<string?> Sheet { get; } = new("--sheet")
    {
        Description = "Worksheet to read from XLSX files (default: the first).",
        HelpName = "NAME",
    };

    public Option<string?> DateFormat { get; } = new("--date-format")
    {
        Description = "Day/month order of slash dates in case records when the file's own values do not settle it.",
        HelpName = "dmy|mdy",
    };

    public Option<string?> OnConflict { get; } = new("--on-conflict")
    {
        Description = "Two submissions disagree: 'error' rejects both and fails the run (default); 'latest' keeps the later file.",
        HelpName = "error|latest",
    };

    public Option<string?> Profile { get; } = new("--profile")
    {
        Description = "Read every file with this source profile (glotip, un-sdg, ctdc, eurostat), or 'none'; default: matched by each file's header.",
        HelpName = "NAME|none",
    };

    public Option<string?> State { get; } = new("--state")
    {
        Description = "Reporting State (ISO alpha-3) of files that have no State column, e.g. one State's case records.",
        HelpName = "ISO3",
    };

    public Option<int?> HeaderRow { get; } = new("--header-row")
    {
        Description = "Line (worksheet row) of the header, counting from 1, when the title rows above it fool the detection.",
        HelpName = "N",
    };

    public Option<string?> AsOf { get; } = new("--as-of")
    {
        Description = "Date the data is as of (yyyy-mm-dd); years after the next one are rejected. Default: today.",
        HelpName = "DATE",
    };

    /// <summary>Adds the arguments and options to a command.</summary>
    public void AddTo(Command command)
    {
        command.Arguments.Add(Inputs);
        foreach (var o in new Option[] { Config, Regions, Layout, Encoding, Delimiter, Sheet, HeaderRow, DateFormat, OnConflict, Profile, State, AsOf })
        {
            command.Options.Add(o);
        }
    }

    /// <summary>Resolves the options; a usage problem is returned as one sentence in <paramref name="error"/>.</summary>
    public ResolvedInputs? Resolve(ParseResult parse, TimeProvider clock, out string? error)
    {
        error = null;
        var readOptions = new ReadOptions();
        if (parse.GetValue(Encoding) is { } enc)
        {
            try
            {
                System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
                readOptions = readOptions with { Encoding = System.Text.Encoding.GetEncoding(enc) };
            }
            catch (ArgumentException)
            {
                error = $"--encoding '{enc}' is not an encoding this machine knows; expected e.g. utf-8, utf-16, windows-1251 or windows-1252.";
                return null;
            }
        }

        if (parse.GetValue(Delimiter) is { } delim)
        {
            char? d = delim switch
            {
                "," or "comma" => ',',
                ";" or "semicolon" => ';',
                "|" or "pipe" => '|',
                "tab" or "\\t" or "\t" => '\t',
                _ => null,
            };
            if (d is null)
            {
                error = $"--delimiter '{delim}' is not supported; expected ',', ';', '|' or 'tab'.";
                return null;
            }

            readOptions = readOptions with { Delimiter = d };
        }

        if (parse.GetValue(Sheet) is { } sheet)
        {
            readOptions = readOptions with { Sheet = sheet };
        }

        if (parse.GetValue(HeaderRow) is { } headerRow)
        {
            if (headerRow is < 1 or > ReadOptions.MaxHeaderRow)
            {
                error = string.Create(CultureInfo.InvariantCulture, $"--header-row {headerRow} is not a row the header can be on; expected 1 to {ReadOptions.MaxHeaderRow}.");
                return null;
            }

            readOptions = readOptions with { HeaderRow = headerRow };
        }

        var profileName = parse.GetValue(Profile);
        if (profileName is not null && profileName != "none" && SourceProfile.Find(profileName) is null)
        {
            error = $"--profile '{profileName}' is not a profile; expected one of {string.Join(", ", SourceProfile.BuiltIn.Select(p => p.Name))}, or none.";
            return null;
        }

        Layout? layout = parse.GetValue(Layout) switch
        {
            null => null,
            "wide" => Recognise.Layout.Wide,
            "long" => Recognise.Layout.Long,
            "sdmx" or "sdmx-csv-v1" => Recognise.Layout.SdmxV1,
            "sdmx-csv-v2" => Recognise.Layout.SdmxV2,
            "records" => Recognise.Layout.Records,
            var other => Fail($"--layout '{other}' is not a layout; expected wide, long, sdmx or records.", ref error),
        };
        if (error is not null)
        {
            return null;
        }

        var dateOrder = parse.GetValue(DateFormat) switch
        {
            null => DateOrder.Auto,
            "dmy" or "dd/mm/yyyy" => DateOrder.DayFirst,
            "mdy" or "mm/dd/yyyy" => DateOrder.MonthFirst,
            var other => FailOrder($"--date-format '{other}' is not supported; expected dmy (dd/mm/yyyy) or mdy (mm/dd/yyyy).", ref error),
        };
        var onConflict = parse.GetValue(OnConflict) switch
        {
            null or "error" => Reconcile.OnConflict.Error,
            "latest" => Reconcile.OnConflict.Latest,
            var other => FailConflict($"--on-conflict '{other}' is not a policy; expected error or latest.", ref error),
        };
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        DateOnly? asOfDate = null;
        if (parse.GetValue(AsOf) is { } asOf)
        {
            if (!DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out today))
            {
                error ??= $"--as-of '{asOf}' is not a date; expected yyyy-mm-dd.";
            }

            asOfDate = today;
        }

        if (error is not null)
        {
            return null;
        }

        LinkageConfig? config = null;
        (string, string)? configInfo = null;
        if (parse.GetValue(Config) is { } configPath)
        {
            config = ConfigLoader.Load(configPath, out error);
            if (config is null)
            {
                return null;
            }

            configInfo = (configPath, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(configPath))));
        }

        if (parse.GetValue(State) is { } fixedState)
        {
            config = (config ?? new LinkageConfig()) with { State = fixedState };
        }

        var vocabulary = Vocabulary.WithConfig(config, out var vocabErrors);
        var geography = Geography.Build(config, out var geoErrors);
        var regions = RegionMap.From(config, geography, out var regionErrors);
        var configErrors = vocabErrors.Concat(geoErrors).Concat(regionErrors).ToList();
        if (configErrors.Count > 0)
        {
            error = $"Config file '{parse.GetValue(Config)}' has {configErrors.Count} problem(s); the first: {configErrors[0]}";
            return null;
        }

        (string, string)? regionsInfo = null;
        if (parse.GetValue(Regions) is { } regionsPath)
        {
            if (config is { Regions.Count: > 0 })
            {
                error = $"Both --regions '{regionsPath}' and the config's \"regions\" give a region map; keep one of them.";
                return null;
            }

            var entries = RegionMapFile.Load(regionsPath, out error);
            if (entries is null)
            {
                return null;
            }

            regions = RegionMap.FromEntries(entries, geography, out var fileErrors);
            if (fileErrors.Count > 0)
            {
                error = $"Region map '{regionsPath}' has {fileErrors.Count} problem(s); the first: {fileErrors[0]}";
                return null;
            }

            regionsInfo = (regionsPath, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(regionsPath))));
        }

        var inputs = InputSet.Expand(parse.GetValue(Inputs) ?? [], parse.GetValue(Config), out var skipped, out var inputErrors);
        if (inputErrors.Count > 0)
        {
            error = inputErrors[0];
            return null;
        }

        if (inputs.Count == 0)
        {
            error = "No supported input files were found (.csv, .tsv, .txt, .xlsx); name files or folders that hold submissions.";
            return null;
        }

        var context = new NormaliseContext(vocabulary, geography, regions, today.Year + 1, dateOrder) { Config = config };
        if (config is not null)
        {
            context = context.With(config, out var contextErrors);
            if (contextErrors.Count > 0)
            {
                error = parse.GetValue(State) is { } s && contextErrors[0].StartsWith("state ", StringComparison.Ordinal)
                    ? $"--state '{s}' is not the alpha-3 code of an OSCE participating State; expected e.g. AUT or UKR."
                    : $"Config file '{parse.GetValue(Config)}' has a problem: {contextErrors[0]}";
                return null;
            }
        }

        var options = new PipelineOptions { Read = readOptions, Layout = layout, OnConflict = onConflict, Profile = profileName };
        return new ResolvedInputs(inputs, skipped, context, options, configInfo, regionsInfo, asOfDate, config);
    }

    private static Layout? Fail(string message, ref string? error)
    {
        error ??= message;
        return null;
    }

    private static DateOrder FailOrder(string message, ref string? error)
    {
        error ??= message;
        return DateOrder.Auto;
    }

    private static OnConflict FailConflict(string message, ref string? error)
    {
        error ??= message;
        return Reconcile.OnConflict.Error;
    }
}
