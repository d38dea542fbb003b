using System.Text.RegularExpressions;

using Linkage.Tests.TestSupport;

namespace Linkage.Tests.Architecture;

/// <summary>
/// The library's folders (one namespace each) must not refer to each other in a loop, in the manner of ScottPlot's
/// <c>ForbiddenCodeTests</c>: the sources are scanned as text for <c>using Linkage.X</c> and qualified <c>X.Name</c>
/// references. A loop would let a stage reach a later one through an earlier one; any loop fails the test.
/// </summary>
[TestClass]
public sealed partial class NamespaceCycleTests
{
    private static string RepoRoot() => Repository.Root;

    /// <summary>The library's sources: (folder, text) for every .cs file under src/Linkage.</summary>
    internal static List<(string Folder, string Text)> Sources()
    {
        var root = Path.Combine(RepoRoot(), "src", "Linkage");
        return [.. Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (Path.GetRelativePath(root, f).Split(Path.DirectorySeparatorChar)[0], File.ReadAllText(f)))
            .Where(s => !s.Item1.EndsWith(".cs", StringComparison.Ordinal))];
    }

    /// <summary>Which folders each folder refers to.</summary>
    internal static Dictionary<string, HashSet<string>> References(IReadOnlyList<(string Folder, string Text)> sources)
    {
        var folders = sources.Select(s => s.Folder).ToHashSet(StringComparer.Ordinal);
        var qualified = new Regex(@"(?<![\w.])(?:Linkage\.)?(" + string.Join('|', folders.Select(Regex.Escape)) + @")\.[A-Z]\w*", RegexOptions.CultureInvariant);
        var graph = folders.ToDictionary(f => f, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var (folder, text) in sources)
        {
            var code = LineComment().Replace(text, string.Empty);
            foreach (Match m in Using().Matches(code))
            {
                if (folders.Contains(m.Groups[1].Value) && m.Groups[1].Value != folder)
                {
                    graph[folder].Add(m.Groups[1].Value);
                }
            }

            foreach (Match m in qualified.Matches(code))
            {
                if (m.Groups[1].Value != folder)
                {
                    graph[folder].Add(m.Groups[1].Value);
                }
            }
        }

        return graph;
    }

    /// <summary>The loops of a graph: its strongly connected components of more than one folder (Tarjan), each sorted.</summary>
    internal static List<string[]> Loops(Dictionary<string, HashSet<string>> graph)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var loops = new List<string[]>();
        void Visit(string v)
        {
            index[v] = low[v] = index.Count;
            stack.Push(v);
            onStack.Add(v);
            foreach (var w in graph[v].Where(graph.ContainsKey))
            {
                if (!index.TryGetValue(w, out var seen))
                {
                    Visit(w);
                    low[v] = Math.Min(low[v], low[w]);
                }
                else if (onStack.Contains(w))
                {
                    low[v] = Math.Min(low[v], seen);
                }
            }

            if (low[v] == index[v])
            {
                var component = new List<string>();
                string w;
                do
                {
                    w = stack.Pop();
                    onStack.Remove(w);
                    component.Add(w);
                }
                while (w != v);
                if (component.Count > 1)
                {
                    loops.Add([.. component.Order(StringComparer.Ordinal)]);
                }
            }
        }

        foreach (var v in graph.Keys.Order(StringComparer.Ordinal).Where(v => !index.ContainsKey(v)))
        {
            Visit(v);
        }

        return [.. loops.OrderBy(l => l[0], StringComparer.Ordinal)];
    }

    [TestMethod]
    public void The_library_folders_refer_to_each_other_in_no_loop()
    {
        var loops = Loops(References(Sources()));

        Assert.IsEmpty(loops, "namespace loops: " + string.Join("; ", loops.Select(l => string.Join(" ↔ ", l))));
        Assert.IsGreaterThan(15, References(Sources()).Count, "the scan found the library's folders");
    }

    [TestMethod]
    public void A_planted_back_reference_is_found_as_a_loop()
    {
        (string, string)[] sources =
        [
            ("Read", "using Linkage.Problems;\nnamespace Linkage.Read;"),
            ("Problems", "namespace Linkage.Problems;\n// using Linkage.Output; (a comment is no reference)"),
            ("Output", "using Linkage.Read;\nnamespace Linkage.Output;"),
        ];
        Assert.IsEmpty(Loops(References(sources)));

        // Problems names an Output type: Read → Problems → Output → Read.
        sources[1] = ("Problems", "namespace Linkage.Problems;\nclass P { string S => Output.PublishCsv.SeriesCode(default); }");
        var loops = Loops(References(sources));

        Assert.HasCount(1, loops);
        CollectionAssert.AreEqual(new[] { "Output", "Problems", "Read" }, loops[0]);
    }

    [GeneratedRegex(@"//[^\n]*", RegexOptions.CultureInvariant)]
    private static partial Regex LineComment();

    [GeneratedRegex(@"using\s+Linkage\.(\w+)", RegexOptions.CultureInvariant)]
    private static partial Regex Using();
}
