using Linkage.Model;

namespace Linkage.Tests.Model;

[TestClass]
public sealed class LineSetTests
{
    [TestMethod]
    public void LineSet_keeps_every_line_once_in_order_whatever_order_they_come_in()
    {
        var rng = new Random(11);
        for (var trial = 0; trial < 200; trial++)
        {
            var lines = Enumerable.Range(2, rng.Next(1, 60)).Where(_ => rng.NextDouble() < 0.7).ToList();
            var shuffled = lines.Concat(lines.Take(3)).OrderBy(_ => rng.Next()).ToList();
            var set = new LineSet();
            foreach (var line in shuffled)
            {
                set.Add(line);
            }

            CollectionAssert.AreEqual(lines, set.Lines().ToList(), $"trial {trial}");
            Assert.AreEqual(lines.Count, set.Count);
            Assert.AreEqual(lines.Count == 0 ? 0 : lines[0], set.First);
        }
    }

    [TestMethod]
    public void LineSet_merges_a_late_line_into_the_runs_on_both_sides()
    {
        var set = new LineSet();
        foreach (var line in new[] { 2, 3, 5, 6, 9, 4 })
        {
            set.Add(line);
        }

        CollectionAssert.AreEqual(new[] { 2, 3, 4, 5, 6, 9 }, set.Lines().ToList());
        Assert.AreEqual(6, set.Count);
    }
}
