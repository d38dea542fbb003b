namespace Linkage.Cli.Tests.Security;

/// <summary>
/// design.md: input with personal-data columns (name, date of birth, address, passport or identity number, case
/// notes) is refused in the six OSCE working languages: exit 3, nothing published, no observations written, and the
/// error names the file, row and column. No config can lift that. The files hold placeholders (<c>x</c>), never
/// realistic personal data.
/// </summary>
[TestClass]
public sealed class PersonalDataTests
{
    private static readonly Dictionary<string, string> Headers = new(StringComparer.Ordinal)
    {
        ["en"] = "country;year;internal;{0};international;not trafficked;unknown",
        ["fr"] = "pays;année;interne;{0};internationale;pas de traite;inconnu",
        ["de"] = "Land;Jahr;intern;{0};grenzüberschreitend;kein Menschenhandel;unbekannt",
        ["it"] = "paese;anno;interna;{0};internazionale;nessuna tratta;sconosciuto",
        ["ru"] = "страна;год;внутренняя;{0};международная;без торговли людьми;неизвестно",
        ["es"] = "país;año;interna;{0};internacional;sin trata;desconocido",
    };

    private static CliResult RunAndAssertRefused(TempDir tmp, string file, string column, params string[] extra)
    {
        var output = tmp.File("out");
        var result = Cli.Run(["run", file, "--out", output, .. extra]);

        Assert.AreEqual(3, result.ExitCode, $"'{column}' was not refused: {result.Out} {result.Error}");
        Assert.Contains($"File '{file}', row 1, column '{column}' looks like personal data (", result.Error);
        Assert.DoesNotContain("   at ", result.Error, "no stack trace");
        Assert.IsFalse(Directory.Exists(Path.Combine(output, "publish")), "nothing is published");
        Assert.IsFalse(File.Exists(Path.Combine(output, "internal", "observations.csv")), "no observations are written");
        Assert.IsTrue(File.Exists(Path.Combine(output, "manifest.json")), "the manifest says why");
        return result;
    }

    [TestMethod]
    [DataRow("en", "Name")]
    [DataRow("en", "Date of birth")]
    [DataRow("en", "Passport number")]
    [DataRow("en", "Home address")]
    [DataRow("en", "Case officer notes")]
    [DataRow("fr", "Nom")]
    [DataRow("fr", "Date de naissance")]
    [DataRow("fr", "Numéro de passeport")]
    [DataRow("fr", "Adresse")]
    [DataRow("fr", "Notes de l'enquêteur")]
    [DataRow("de", "Vorname")]
    [DataRow("de", "Geburtsdatum")]
    [DataRow("de", "Ausweisnummer")]
    [DataRow("de", "Anschrift")]
    [DataRow("de", "Fallnotizen")]
    [DataRow("it", "Nome")]
    [DataRow("it", "Data di nascita")]
    [DataRow("it", "Numero di passaporto")]
    [DataRow("it", "Indirizzo")]
    [DataRow("it", "Note del caso")]
    [DataRow("ru", "Имя")]
    [DataRow("ru", "Дата рождения")]
    [DataRow("ru", "Номер паспорта")]
    [DataRow("ru", "Адрес")]
    [DataRow("ru", "Заметки следователя")]
    [DataRow("es", "Nombre")]
    [DataRow("es", "Fecha de nacimiento")]
    [DataRow("es", "Número de pasaporte")]
    [DataRow("es", "Dirección")]
    [DataRow("es", "Notas del caso")]
    public void Run_refuses_a_submission_with_a_personal_data_column_in_each_working_language(string language, string column)
    {
        using var tmp = new TempDir();
        var file = tmp.Write($"submission-{language}.csv", string.Format(System.Globalization.CultureInfo.InvariantCulture, Headers[language], column) + "\nFRA;2019;40;x;30;60;70\nDEU;2019;41;x;31;61;71\n");

        RunAndAssertRefused(tmp, file, column);
    }

    [TestMethod]
    [DataRow("""{ "columns": { "count": ["Passport number"] } }""", "country,year,trafficking,Passport number", "Passport number", true)]
    [DataRow("""{ "columns": { "state": ["Name"] } }""", "Name,year,internal,international", "Name", true)]
    [DataRow("""{ "columns": { "ignore": ["Date of birth"] } }""", "country,year,internal,Date of birth", "Date of birth", true)]
    [DataRow("""{ "columns": { "period": ["Дата рождения"] } }""", "страна,Дата рождения,внутренняя", "Дата рождения", true)]
    [DataRow("""{ "columns": { "area": ["Número de pasaporte"] }, "states": { "Número de pasaporte": "ESP" } }""", "país,año,Número de pasaporte,interna", "Número de pasaporte", true)]
    [DataRow("""{ "linkage": { "internal": ["Nom"] } }""", "pays,année,Nom,internationale", "Nom", true)]
    [DataRow("""{ "measure": { "children": ["Geburtsdatum"] } }""", "Land,Jahr,Geburtsdatum,intern", "Geburtsdatum", true)]
    [DataRow("""{ "columns": { "ignore": ["DateOfBirth", "PassportNumber"] } }""", "country,year,internal,DateOfBirth", "DateOfBirth", true)]
    [DataRow("""{ "personalData": { "name": [], "id_number": [], "date_of_birth": [] } }""", "country,year,internal,Passport number", "Passport number", false)]
    [DataRow("""{ "personalData": { "name": ["Nome e cognome"] }, "columns": { "count": ["Numero di passaporto"] } }""", "paese,anno,tratta,Numero di passaporto", "Numero di passaporto", true)]
    public void Run_refuses_a_personal_data_column_whatever_role_a_config_gives_it(string config, string header, string column, bool aliased)
    {
        using var tmp = new TempDir();
        var file = tmp.Write("submission.csv", header + "\n" + string.Join(',', header.Split(',').Select((_, i) => i switch { 0 => "FRA", 1 => "2019", _ => "x" })) + "\n");
        var configFile = tmp.Write("config.json", config);

        var result = RunAndAssertRefused(tmp, file, column, "--config", configFile);

        // The error says that the config's alias was not honoured, so the user does not look for a typo in it.
        Assert.AreEqual(aliased, result.Error.Contains("the --config alias for this name cannot allow it", StringComparison.Ordinal), result.Error);
    }

    [TestMethod]
    public void A_config_cannot_make_personal_data_names_count_only_as_whole_headers()
    {
        using var tmp = new TempDir();
        var file = tmp.Write("submission.csv", "country,year,internal,child passport number\nFRA,2019,40,x\n");
        var config = tmp.Write("config.json", """{ "personalDataWholeHeaderOnly": ["passport number", "passport"] }""");

        var result = Cli.Run("run", file, "--config", config, "--out", tmp.File("out"));

        Assert.AreEqual(2, result.ExitCode, result.Out);
        Assert.Contains("personalDataWholeHeaderOnly cannot be set in a config", result.Error);
        Assert.IsFalse(Directory.Exists(tmp.File("out")), "nothing is written");
    }

    [TestMethod]
    public void A_config_alias_for_a_personal_data_name_is_a_warning_with_exit_1_in_run_validate_and_the_manifest()
    {
        using var tmp = new TempDir();
        tmp.Write("in/a.csv", "country,year,measure,total\nAustria,2020,children,12\n");
        var config = tmp.Write("c.json", """{"columns": {"state": ["Passport number"]}}""");
        const string Warning = "warning: config: \"columns\".\"state\" lists 'Passport number', which names personal data";

        var run = Cli.Run("run", tmp.File("in"), "--config", config, "--out", tmp.File("out"), "--as-of", "2026-11-28");
        var validate = Cli.Run("validate", tmp.File("in"), "--config", config);

        Assert.AreEqual(1, run.ExitCode, run.Error);
        Assert.Contains(Warning, run.Out);
        Assert.AreEqual(1, validate.ExitCode);
        Assert.Contains(Warning, validate.Out);
        Assert.Contains("lists 'Passport number', which names personal data", File.ReadAllText(tmp.File("out/manifest.json")));
    }
}
