using System.Text.Json;

using Linkage.Model;
using Linkage.Recognise;
using Linkage.Recognise.Concepts;

namespace Linkage.Tests.Recognise.Concepts;

/// <summary>
/// The phrase lists the recogniser was built on (<c>Recognise/Data/examples.json</c>, the phrase lists vocabulary.json held before
/// recognition read by concepts) still mean what they meant: the concept grammar reproduces every one of them.
/// </summary>
[TestClass]
public sealed class LegacyVocabularyTests
{
    private static readonly Dictionary<string, Dictionary<string, List<string>>> Legacy = Load();

    private static Dictionary<string, Dictionary<string, List<string>>> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Recognise", "Data", "examples.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var result = new Dictionary<string, Dictionary<string, List<string>>>();
        foreach (var section in new[] { "columns", "linkage", "measure" })
        {
            result[section] = doc.RootElement.GetProperty(section).EnumerateObject()
                .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => v.GetString()!).ToList());
        }

        return result;
    }

    [TestMethod]
    public void Every_legacy_linkage_label_reads_as_the_same_category_by_its_concepts()
    {
        var wrong = new List<string>();
        foreach (var (code, labels) in Legacy["linkage"])
        {
            foreach (var label in labels)
            {
                var got = Vocabulary.BuiltIn.ReadLinkage(label);
                var name = got.Linkage is { } l ? (l.Category is { } c ? Codes.Of(c) : "total") : "none";
                if (name != code)
                {
                    wrong.Add($"{label} → {name} (expected {code}): {got.Reason}");
                }
            }
        }

        Assert.AreEqual(0, wrong.Count, string.Join("\n", wrong));
    }

    [TestMethod]
    public void Every_legacy_measure_label_reads_as_the_same_measure_by_its_concepts()
    {
        var wrong = new List<string>();
        foreach (var (code, labels) in Legacy["measure"])
        {
            foreach (var label in labels)
            {
                var got = Vocabulary.BuiltIn.ReadMeasure(label);
                var name = got.Measure is { } m ? Codes.Of(m) : "none";

                // Victims without an age are now the measure 'victims', no longer children (the issue on real publications).
                var expected = code == "children" && LabelMeaning.Measure(ConceptLexicon.BuiltIn.Read(label)).Measure == Measure.Victims ? "victims" : code;
                if (name != expected)
                {
                    wrong.Add($"{label} → {name} (expected {expected}): {got.Reason}");
                }
            }
        }

        Assert.AreEqual(0, wrong.Count, string.Join("\n", wrong));
    }

    [TestMethod]
    public void Every_legacy_column_header_reads_as_the_same_role_by_its_concepts()
    {
        var wrong = new List<string>();
        foreach (var (code, headers) in Legacy["columns"])
        {
            foreach (var header in headers)
            {
                var got = Vocabulary.BuiltIn.ReadHeader(header);
                var name = got.Role == ColumnRole.Unrecognised ? "none" : Vocabulary.RoleKeyOrName(got.Role);
                if (!Accepts(code, got.Role))
                {
                    wrong.Add($"{header} → {name} (expected {code}): {got.Reason}");
                }
            }
        }

        Assert.AreEqual(0, wrong.Count, string.Join("\n", wrong));
    }

    /// <summary>Roles the legacy list lumped together: "ignore" covered sources, units, multipliers and comments, each a role of its own now.</summary>
    private static bool Accepts(string legacy, ColumnRole role) => legacy switch
    {
        "ignore" => role is ColumnRole.Ignore or ColumnRole.Source or ColumnRole.UnitMultiplier,
        "measure" => role is ColumnRole.Measure or ColumnRole.Unit,
        _ => Vocabulary.RoleKeyOrName(role) == legacy,
    };
}
