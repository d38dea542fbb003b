using BenchmarkDotNet.Running;

using Linkage.Benchmarks;
using Linkage.Benchmarks.Scale;

// `scale` and the hidden `scale-child` are the scale benchmark (Scale/ScaleCommand.cs); `glotip-stages` times each stage
// of `linkage run` on the GLOTIP workbook (GlotipBenchmarks.cs); anything else goes to BenchmarkDotNet (`--filter '*'`,
// `--list flat`, …).
return args switch
{
    ["scale", .. var rest] => ScaleCommand.Run(rest),
    [ScaleChild.Verb, .. var rest] => ScaleChild.Run(rest),
    [GlotipStages.Verb, .. var rest] => GlotipStages.Run(rest),
    _ => RunBenchmarks(args),
};

static int RunBenchmarks(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    return 0;
}
