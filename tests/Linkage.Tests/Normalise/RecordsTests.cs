using Linkage.Model;
using Linkage.Normalise;

using static Linkage.Tests.Pipeline.PipelineTestKit;

namespace Linkage.Tests.Normalise;

[TestClass]
public sealed class RecordsTests
{
    [TestMethod]
    public void Records_derive_linkage_from_citizenship_and_country_of_exploitation()
    {
        var run = RunText(
            "r.csv",
            "country,year,citizenship,country of exploitation\n"
            + "FRA,2019,FRA,FRA\n"       // same → internal
            + "FRA,2019,France,FR\n"     // same country, other spellings → internal
            + "FRA,2019,DEU,FRA\n"       // different → international
            + "FRA,2019,FRA,Spain\n"     // out of the State → international
            + "FRA,2019,,FRA\n"          // citizenship missing → unknown
            + "FRA,2019,FRA,unknown\n"   // exploitation not known → unknown
            + "FRA,2019,n/a,\n");        // both missing → unknown

        AssertAccounting(run, read: 7, rejected: 0);
        AssertObservations(run, "FRA 2019 children internal 2", "FRA 2019 children international 2", "FRA 2019 children unknown 3");
    }

    [TestMethod]
    public void Records_accept_a_citizenship_of_a_country_outside_the_osce()
    {
        var run = RunText("r.csv", "country,year,nationality,place of exploitation\nESP,2020,MAR,ESP\nESP,2020,Morocco,Spain\nESP,2020,Algérie,ES\nESP,2020,ESP,España\n");

        AssertAccounting(run, read: 4, rejected: 0);
        AssertObservations(run, "ESP 2020 children internal 1", "ESP 2020 children international 3");
    }

    [TestMethod]
    public void Records_reject_a_country_that_is_not_an_iso_country()
    {
        var run = RunText("r.csv", "country,year,citizenship,country of exploitation\nFRA,2019,Atlantis,FRA\nFRA,2019,FRA,Narnia\nFRA,2019,FRA,FRA\n");

        AssertAccounting(run, read: 3, rejected: 2);
        var reject = AssertRejected(run, 2, "unknown-country");
        Assert.AreEqual("citizenship", reject.Column);
        Assert.AreEqual("File 'r.csv', row 2, column 'citizenship' has 'Atlantis': not an ISO 3166 country; expected a country code or name, or empty when not known.", reject.Message);
        Assert.AreEqual("country of exploitation", AssertRejected(run, 3, "unknown-country").Column);
        AssertObservations(run, "FRA 2019 children internal 1");
    }

    [TestMethod]
    public void Records_set_aside_a_reporting_state_that_is_not_an_osce_participating_state_and_reject_an_unknown_one()
    {
        var run = RunText("r.csv", "country,year,citizenship,country of exploitation\nMAR,2019,MAR,MAR\nFRA,2019,MAR,FRA\nQQQ,2019,FRA,FRA\n");

        AssertAccounting(run, read: 3, rejected: 1, setAside: 1);
        Assert.AreEqual("MAR", AssertSetAside(run, 2, SetAsideReason.OutsideOsce).Value);
        AssertRejected(run, 4, "not-osce-state");
        AssertObservations(run, "FRA 2019 children international 1");
    }

    [TestMethod]
    public void Records_are_counted_per_state_year_and_linkage_with_the_number_of_source_records()
    {
        var run = RunText(
            "r.csv",
            "country,year,trafficking\nFRA,2019,internal\nFRA,2019,international\nFRA,2019,internal\nDEU,2019,internal\nFRA,2020,internal\nFRA,2019,domestic\n");

        AssertAccounting(run, read: 6, rejected: 0);
        AssertObservations(
            run,
            "DEU 2019 children internal 1",
            "FRA 2019 children internal 3",
            "FRA 2019 children international 1",
            "FRA 2020 children internal 1");
        var internalFra = run.Get("FRA", "2019", LinkageCategory.Internal);
        Assert.AreEqual(3L, internalFra.Source.Records);
        Assert.AreEqual(2, internalFra.Source.Row);
        CollectionAssert.AreEqual(new[] { 2, 4, 7 }, internalFra.Source.Lines.Lines().ToList());
        Assert.AreEqual(1L, run.Get("DEU", "2019", LinkageCategory.Internal).Source.Records);
        AssertEveryLinePlaced(run, 2, 3, 4, 5, 6, 7);
    }

    [TestMethod]
    public void Records_with_a_linkage_label_read_missing_as_unknown_and_reject_unknown_labels()
    {
        var run = RunText("r.csv", "country,year,trafficking\nFRA,2019,\nFRA,2019,NA\nFRA,2019,not trafficked\nFRA,2019,sideways\n");

        AssertAccounting(run, read: 4, rejected: 1);
        AssertObservations(run, "FRA 2019 children not_trafficked 1", "FRA 2019 children unknown 2");
        var reject = AssertRejected(run, 5, "unrecognised-label");
        Assert.AreEqual("sideways", reject.Value);
    }

    [TestMethod]
    public void Records_keep_measures_apart_and_merge_flags()
    {
        var run = RunText(
            "r.csv",
            "country,year,measure,trafficking,status\nFRA,2019,children,internal,\nFRA,2019,cases,internal,p\nFRA,2019,child,internal,e\n");

        AssertAccounting(run, read: 3, rejected: 0);
        AssertObservations(run, "FRA 2019 children internal 2 e", "FRA 2019 investigations internal 1 p");
    }
}
