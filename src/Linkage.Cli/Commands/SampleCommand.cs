using System.CommandLine;
using System.Globalization;

using Linkage.Problems;
using Linkage.Sample;

namespace Linkage.Cli.Commands;

/// <summary>
/// <c>linkage sample --out DIR [--seed N] [--records N] [--records-only]</c>: writes synthetic submissions in every
/// layout, or with <c>--records-only</c> just <c>DIR/records.csv</c>, a large case-records file for benchmarks.
/// </summary>
internal static class SampleCommand
{
    public static Command Create(CliContext cli)
    {
        var outDir = new Option<string>("--out") { Description = "Folder to write the synthetic submissions to.", HelpName = "DIR", Required = true };
        var seed = WholeNumber.Option("--seed", "Random seed; the same seed writes the same files.", "N", SampleGenerator.DefaultSeed);
        var records = WholeNumber.Option("--records", "Number of case-level records in the records file.", "N", SampleGenerator.DefaultRecords);
        var recordsOnly = new Option<bool>("--records-only")
        {
            Description = $"Write only {SampleGenerator.RecordsFileName}: N case records (UTF-8, comma) with about 1 in 2,000 rows bad on purpose, streamed (for benchmarks).",
        };
        var command = new Command("sample", "Write synthetic submissions in every layout, language and encoding (for trying the pipeline).");
        command.Options.Add(outDir);
        command.Options.Add(seed);
        command.Options.Add(records);
        command.Options.Add(recordsOnly);
        command.SetAction(parse =>
        {
            var n = parse.GetValue(records);
            if (n < 0)
            {
                return cli.UsageError(string.Create(CultureInfo.InvariantCulture, $"--records {n} is negative; expected 0 or more."));
            }

            var target = parse.GetValue(outDir)!;
            try
            {
                if (parse.GetValue(recordsOnly))
                {
                    Directory.CreateDirectory(target);
                    var path = Path.Combine(target, SampleGenerator.RecordsFileName);
                    var summary = SampleGenerator.WriteRecordsFile(path, n, parse.GetValue(seed));
                    cli.Out.WriteLine(string.Create(
                        CultureInfo.InvariantCulture,
                        $"{path}: {summary.Rows} records written, {summary.BadRows} of them bad on purpose ({summary.BadDate} not a date, {summary.BadCountry} no such country) and {summary.BadState} outside the OSCE (set aside)."));
                    return ExitCodes.Success;
                }

                var files = SampleGenerator.Write(target, parse.GetValue(seed), n);
                cli.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{files.Count} synthetic submission files written to {target}."));
                return ExitCodes.Success;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                cli.Error.WriteLine($"linkage: the sample files could not be written to '{target}' ({ex.Message}).");
                return ExitCodes.OutputError;
            }
        });
        return command;
    }
}
