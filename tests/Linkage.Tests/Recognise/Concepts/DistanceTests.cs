using Linkage.Recognise.Concepts;

namespace Linkage.Tests.Recognise.Concepts;

/// <summary>
/// Edit distances that typo tolerance rests on, checked against the optimal-string-alignment distance worked by hand
/// (and as Python's <c>jellyfish</c> and R's <c>stringdist(method = "osa")</c> define it).
/// </summary>
[TestClass]
public sealed class DistanceTests
{
    [TestMethod]
    [DataRow("libyans", "lybians", 2)]
    [DataRow("kyrgyz", "kyrgysi", 2)]
    [DataRow("eritrea", "erithera", 2)]
    [DataRow("belgians", "lybians", 4)]
    [DataRow("ca", "abc", 3)]
    [DataRow("austria", "austria", 0)]
    [DataRow("austria", "autsria", 1)]
    [DataRow("", "abc", 3)]
    public void Bounded_gives_the_osa_distance_when_it_is_within_the_bound(string a, string b, int expected)
    {
        Assert.AreEqual(expected, Distance.Bounded(a, b, 5));
        Assert.AreEqual(expected, Distance.Bounded(b, a, 5));
    }

    [TestMethod]
    [DataRow("nicaragua", "kyrgyzstan", 2)]
    [DataRow("a", "abcdefgh", 3)]
    public void Bounded_stops_at_one_more_than_the_bound(string a, string b, int max)
    {
        Assert.AreEqual(max + 1, Distance.Bounded(a, b, max));
    }

    [TestMethod]
    public void Within_one_agrees_with_bounded_distance_one_for_every_pair_of_a_small_alphabet()
    {
        string[] words = ["", "a", "b", "ab", "ba", "aa", "abc", "acb", "bac", "abcd", "abdc", "aabb"];
        foreach (var a in words)
        {
            foreach (var b in words)
            {
                Assert.AreEqual(Distance.Bounded(a, b, 1) <= 1, Distance.WithinOne(a, b), $"'{a}' and '{b}'");
            }
        }
    }
}
