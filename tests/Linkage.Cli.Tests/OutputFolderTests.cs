namespace Linkage.Cli.Tests;

[TestClass]
public sealed class OutputFolderTests
{
    [TestMethod]
    public void A_run_that_refuses_to_publish_leaves_no_observations_from_an_earlier_run()
    {
        using var tmp = new TempDir();
        tmp.Write("good/a.csv", "country,year,measure,total\nAustria,2020,children,12\n");
        tmp.Write("bad/a.csv", "country,year,measure,total\nAustria,2020,children,12\n");
        tmp.Write("bad/b.csv", "country,year,surname,total\nGermany,2020,x,3\n");

        Assert.AreEqual(0, Cli.Run("run", tmp.File("good"), "--out", tmp.File("out")).ExitCode);
        Assert.IsTrue(File.Exists(tmp.File("out/internal/observations.csv")));

        Assert.AreEqual(3, Cli.Run("run", tmp.File("bad"), "--out", tmp.File("out")).ExitCode);
        Assert.IsFalse(File.Exists(tmp.File("out/internal/observations.csv")), "an earlier run's figures must not sit beside this run's manifest");
        StringAssert.Contains(File.ReadAllText(tmp.File("out/manifest.json")), "personal-data");
    }

    [TestMethod]
    public void A_folder_with_a_file_of_an_unread_type_raises_exit_1_and_says_so_while_subfolders_and_docs_are_only_listed()
    {
        using var tmp = new TempDir();
        tmp.Write("in/a.csv", "country,year,measure,total\nAustria,2020,children,12\n");
        tmp.Write("in/README.md", "notes");
        tmp.Write("in/old/b.csv", "country,year,measure,total\nAustria,2019,children,3\n");
        var folder = tmp.File("in");

        var plain = Cli.Run("validate", folder);
        Assert.AreEqual(0, plain.ExitCode, plain.Out);
        StringAssert.Contains(plain.Out, $"skipped: {folder}/old/ (a folder: folders are not searched");
        StringAssert.Contains(plain.Out, $"skipped: {folder}/README.md (documentation)");

        tmp.Write("in/c.xls", "old excel");
        var withXls = Cli.Run("validate", folder);
        Assert.AreEqual(1, withXls.ExitCode);
        StringAssert.Contains(withXls.Out, $"warning: skipped: {folder}/c.xls (not a .csv, .tsv, .txt or .xlsx file");
    }

    [TestMethod]
    public void Run_with_an_empty_out_is_a_usage_error()
    {
        var result = Cli.Run("run", Cli.SampleData, "--out", "");

        Assert.AreEqual(2, result.ExitCode);
        Assert.AreEqual("linkage: --out is empty; expected the folder to write the outputs to.", result.Error.Trim());
    }
}
