using System.Text.Json;

namespace Linkage.Benchmarks.Scale;

/// <summary>
/// One measurement in a fresh process, so its peak memory is the engine's alone:
/// <c>scale-child pipeline|duckdb|wc FILE</c> or <c>scale-child batch CLI_DLL INPUT OUT</c>. Prints one JSON
/// <see cref="Measurement"/> line on stdout. Started by <see cref="ScaleCommand"/>; not meant to be run by hand.
/// </summary>
internal static class ScaleChild
{
    public const string Verb = "scale-child";

    public static int Run(string[] args)
    {
        var measurement = args switch
        {
            ["pipeline", var file] => PipelineEngine.Run(file),
            ["duckdb", var file] => DuckDbEngine.Run(file),
            ["wc", var file] => ProgramEngine.WordCount(file),
            ["batch", var cli, var input, var output] => ProgramEngine.Batch(cli, input, output),
            _ => null,
        };
        if (measurement is null)
        {
            Console.Error.WriteLine($"usage: {Verb} pipeline|duckdb|wc FILE, or {Verb} batch CLI_DLL INPUT OUT");
            return 2;
        }

        Console.Out.WriteLine(JsonSerializer.Serialize(measurement));
        return 0;
    }
}
