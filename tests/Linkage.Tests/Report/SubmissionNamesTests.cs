using Linkage.Report;

namespace Linkage.Tests.Report;

[TestClass]
public sealed class SubmissionNamesTests
{
    [TestMethod]
    public void Shown_is_the_file_name_whatever_folder_the_inputs_were_named_from()
    {
        string[] expected = ["a.csv", "b.xlsx"];

        CollectionAssert.AreEqual(expected, SubmissionNames.Shown(["drop/a.csv", "drop/b.xlsx"]).ToList());
        CollectionAssert.AreEqual(expected, SubmissionNames.Shown(["../drop/a.csv", "./../drop/b.xlsx"]).ToList());
        CollectionAssert.AreEqual(expected, SubmissionNames.Shown(["/home/someone/drop/a.csv", "C:\\Users\\someone\\drop\\b.xlsx"]).ToList());
    }

    [TestMethod]
    public void Shown_keeps_as_many_folders_as_tell_two_files_of_the_same_name_apart()
    {
        var shown = SubmissionNames.Shown(["/srv/2024/fra/data.csv", "/srv/2025/fra/data.csv", "/srv/2025/deu.csv", "../x/deu.csv"]);

        CollectionAssert.AreEqual(new[] { "2024/fra/data.csv", "2025/fra/data.csv", "2025/deu.csv", "x/deu.csv" }, shown.ToList());
    }
}
