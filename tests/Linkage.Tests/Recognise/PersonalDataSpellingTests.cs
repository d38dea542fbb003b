using Linkage.Recognise;

namespace Linkage.Tests.Recognise;

/// <summary>Personal-data headers as case systems export them: camelCase, PascalCase, one run of letters.</summary>
[TestClass]
public sealed class PersonalDataSpellingTests
{
    [TestMethod]
    [DataRow("DateOfBirth", "date_of_birth")]
    [DataRow("dateOfBirth", "date_of_birth")]
    [DataRow("DATEOFBIRTH", "date_of_birth")]
    [DataRow("dateofbirth", "date_of_birth")]
    [DataRow("birthDate", "date_of_birth")]
    [DataRow("PassportNumber", "id_number")]
    [DataRow("passportnumber", "id_number")]
    [DataRow("victimpassportnumber", "id_number")]
    [DataRow("IDNumber", "id_number")]
    [DataRow("FirstName", "name")]
    [DataRow("childFirstName", "name")]
    [DataRow("NomDeFamille", "name")]
    [DataRow("FechaDeNacimiento", "date_of_birth")]
    [DataRow("NumeroDiPassaporto", "id_number")]
    [DataRow("kindGeburtsdatum", "date_of_birth")]
    [DataRow("ДатаРождения", "date_of_birth")]
    [DataRow("HomeAddress", "address")]
    [DataRow("CaseOfficerNotes", "case_notes")]
    public void PersonalDataGuard_reads_headers_written_without_separators(string header, string kind) =>
        Assert.AreEqual(kind, PersonalDataGuard.Kind(header, Vocabulary.BuiltIn), header);

    [TestMethod]
    [DataRow("CountryName")]
    [DataRow("countryName")]
    [DataRow("RegionName")]
    [DataRow("ReportingYear")]
    [DataRow("NumberOfChildren")]
    [DataRow("nombreDeCas")]
    [DataRow("TimePeriod")]
    [DataRow("OBS_VALUE")]
    [DataRow("REF_AREA")]
    [DataRow("notTrafficked")]
    [DataRow("Internationally")]
    [DataRow("caseCount")]
    [DataRow("nombre d'enfants")]
    public void PersonalDataGuard_still_lets_ordinary_headers_written_without_separators_through(string header) =>
        Assert.IsNull(PersonalDataGuard.Kind(header, Vocabulary.BuiltIn), header);
}
