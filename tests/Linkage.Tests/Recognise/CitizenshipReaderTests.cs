using Linkage.Recognise;

namespace Linkage.Tests.Recognise;

/// <summary>
/// A citizenship category read against the reporting State, UNODC's method for domestic and cross-border flows: the
/// State itself is own (internal), another country or group foreign (international), not stated unknown; anything the
/// country tables cannot place is unrecognised and never guessed.
/// </summary>
[TestClass]
public sealed class CitizenshipReaderTests
{
    [TestMethod]
    [DataRow("MDA", "République de Moldavie", "Own")]
    [DataRow("MDA", "Republic of Moldova", "Own")]
    [DataRow("MDA", "Republik Moldau", "Own")]
    [DataRow("MDA", "Republic of Belarus", "Foreign")]
    [DataRow("BLR", "Byelorussians", "Own")]
    [DataRow("NLD", "Nederland", "Own")]
    [DataRow("BIH", "B & H", "Own")]
    [DataRow("AUT", "CAR", "Foreign")]
    [DataRow("AUT", "Austrians", "Own")]
    [DataRow("AUT", "Nationals", "Own")]
    [DataRow("DEU", "Staatsangehörige", "Own")]
    [DataRow("FRA", "nationaux", "Own")]
    [DataRow("KAZ", "Kazakhistan", "Own")]
    [DataRow("RUS", "Russia", "Own")]
    [DataRow("TUR", "T\uFFFDrkiye", "Own")]
    [DataRow("AUT", "stateless", "NotKnown")]
    [DataRow("AUT", "Unknown", "NotKnown")]
    [DataRow("USA", "Africa", "Foreign")]
    [DataRow("AUT", "Former Yugoslavia", "Foreign")]
    [DataRow("SRB", "Former Yugoslavia", "Unrecognised")]
    [DataRow("AUT", "Kyrgysi", "Foreign")]
    [DataRow("NLD", "Erithera", "Foreign")]
    [DataRow("ESP", "Nicaraguarean", "Foreign")]
    [DataRow("GBR", "Lybians", "Foreign")]
    [DataRow("BEL", "Lybians", "Unrecognised")]
    [DataRow("AUT", "Democratic Kongo", "Unrecognised")]
    // GLOTIP's misspellings two letters off a country: Kyrgysi (AUT row 2939), Erithera (NLD row 32972), Nicaraguarean
    // (ESP), Lybians (GBR; it fits Libyans and Syrians, both foreign). For BEL, Lybians is four letters off "Belgians",
    // so it is not read: a misspelt own name must never become another country.
    public void A_category_is_own_foreign_unknown_or_left_unrecognised(string reporting, string text, string expected)
    {
        var state = Geography.BuiltIn.FindState(reporting)!;

        var reading = CitizenshipReader.Read(text, state, Geography.BuiltIn);

        Assert.AreEqual(expected, reading.Kind.ToString(), reading.Why);
    }
}
