using Linkage.Normalise;
using Linkage.Pipeline;
using Linkage.Problems;
using Linkage.Read;
using Linkage.Recognise;
using Linkage.Tests.TestSupport;

using static Linkage.Tests.Pipeline.PipelineTestKit;

namespace Linkage.Tests.Recognise;

[TestClass]
public sealed class PersonalDataGuardTests
{
    [TestMethod]
    [DataRow("date of birth", "date_of_birth")]
    [DataRow("Date_Of_Birth", "date_of_birth")]
    [DataRow("date de naissance", "date_of_birth")]
    [DataRow("Geburtsdatum", "date_of_birth")]
    [DataRow("cognome", "name")]
    [DataRow("фамилия", "name")]
    [DataRow("ФАМИЛИЯ", "name")]
    [DataRow("pasaporte", "id_number")]
    [DataRow("child_first_name", "name")]
    [DataRow("e-mail", "email")]
    [DataRow("Victim's home address", "address")]
    [DataRow("Nombre", "name")]
    [DataRow("name", "name")]
    [DataRow("victim_surname", "name")]
    public void PersonalDataGuard_names_the_kind_of_personal_data_a_header_means(string header, string kind)
    {
        Assert.AreEqual(kind, PersonalDataGuard.Kind(header, Vocabulary.BuiltIn));
    }

    [TestMethod]
    [DataRow("country name")]
    [DataRow("nom du pays")]
    [DataRow("state name")]
    [DataRow("country")]
    [DataRow("children")]
    [DataRow("number of cases")]
    [DataRow("date")]
    [DataRow("")]
    [DataRow("nombre de cas")]
    [DataRow("region name")]
    [DataRow("born abroad")]
    [DataRow("country of domicile")]
    public void PersonalDataGuard_does_not_flag_ordinary_column_names(string header)
    {
        Assert.IsNull(PersonalDataGuard.Kind(header, Vocabulary.BuiltIn));
    }

    [TestMethod]
    [DataRow("date of birth")]
    [DataRow("date de naissance")]
    [DataRow("Geburtsdatum")]
    [DataRow("cognome")]
    [DataRow("фамилия")]
    [DataRow("pasaporte")]
    [DataRow("child_first_name")]
    [DataRow("e-mail")]
    public void PersonalDataGuard_stops_a_file_with_a_personal_data_column_before_reading_any_row(string column)
    {
        var run = RunText("pd.csv", $"country;year;{column};internal;international\nFRA;2019;x;1;2\nDEU;2019;y;3;4\n");

        AssertAccounting(run, read: 0, rejected: 0);
        Assert.IsNull(run.Result);
        Assert.IsNull(run.Report.Plan);
        Assert.IsEmpty(run.Report.Rejects);
        var problem = run.Report.FileProblems.Single();
        Assert.AreEqual("personal-data", problem.Code);
        Assert.AreEqual(Severity.Fatal, problem.Severity);
        Assert.AreEqual(column, problem.Column);
        Assert.AreEqual(1, problem.Row);
        Assert.StartsWith($"File 'pd.csv', row 1, column '{column}' looks like personal data (", problem.Message);
        Assert.EndsWith("submissions must be anonymised aggregates or anonymised case records, so remove the column and submit again (if it holds no personal data, give it a clearer name).", problem.Message);
        Assert.IsTrue(run.Report.Unusable);
    }

    [TestMethod]
    public void PersonalDataGuard_names_every_personal_data_column_of_a_file()
    {
        var run = RunText("pd.csv", "country,year,Vorname,Nachname,Geburtsdatum,internal\nDEU,2019,a,b,c,1\n");

        var columns = run.Report.FileProblems.Where(p => p.Code == "personal-data").Select(p => p.Column).ToList();
        CollectionAssert.AreEqual(new[] { "Vorname", "Nachname", "Geburtsdatum" }, columns);
        Assert.Contains("(date of birth)", run.Report.FileProblems[2].Message);
        AssertAccounting(run, read: 0, rejected: 0);
    }

    [TestMethod]
    public void PersonalDataGuard_is_not_silenced_by_a_config_that_maps_the_column_to_a_role()
    {
        var context = ContextFrom("""{"columns": {"count": ["Geburtsdatum"]}}""");
        Assert.AreEqual(ColumnRole.Count, context.Vocabulary.Columns["geburtsdatum"]);

        var run = RunText("pd.csv", "Land;Jahr;Geburtsdatum\nDEU;2019;5\n", context);

        AssertAccounting(run, read: 0, rejected: 0);
        var problem = run.Report.FileProblems.Single();
        Assert.AreEqual("personal-data", problem.Code);
        Assert.AreEqual("Geburtsdatum", problem.Column);
        Assert.AreEqual(Severity.Fatal, problem.Severity);
    }

    [TestMethod]
    public void PersonalDataGuard_lets_a_country_name_column_through()
    {
        var run = RunText("ok.csv", "country name,year,internal\nFrance,2019,3\n");

        Assert.IsEmpty(run.Report.FileProblems.Where(p => p.Code == "personal-data").ToList());
        AssertAccounting(run, read: 1, rejected: 0);
        AssertObservations(run, "FRA 2019 children internal 3");
    }

    [TestMethod]
    public void PersonalDataGuard_makes_the_whole_run_a_data_error()
    {
        var good = InputFile.FromText("a.csv", "country,year,internal\nFRA,2019,3\n");
        var bad = InputFile.FromText("b.csv", "country,year,surname,internal\nFRA,2020,Dupont,3\n");

        var result = PipelineRunner.Run([good, bad], DefaultContext(), new PipelineOptions());

        Assert.IsTrue(result.HasPersonalData);
        Assert.AreEqual(ExitCodes.DataError, result.ExitCode);
        AssertAccounting(result.Files[0], read: 1, rejected: 0);
        AssertAccounting(result.Files[1], read: 0, rejected: 0);
        Assert.AreEqual("surname", result.Files[1].FileProblems.Single().Column);
    }
}
