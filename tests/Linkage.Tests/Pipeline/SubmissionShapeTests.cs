using System.Text;

using Linkage.Model;
using Linkage.Recognise;
using Linkage.Tests.TestSupport;

using static Linkage.Tests.Pipeline.PipelineTestKit;

namespace Linkage.Tests.Pipeline;

/// <summary>
/// One small submission per layout, language, delimiter and encoding of design.md "Input layouts", run from bytes on
/// disk to canonical observations. Each file combines several of them; together they cover every one.
/// </summary>
[TestClass]
public sealed class SubmissionShapeTests
{
    [TestMethod]
    public void Pipeline_reads_an_english_wide_file_with_commas_in_utf8_without_bom()
    {
        var run = RunEncoded(
            "en.csv",
            "country,year,internal,international,not trafficked,unknown,total\nFrance,2019,1,2,3,4,10\nGermany,2019,\"1,234\",5,6,7,\n",
            new UTF8Encoding(false),
            bom: false);

        AssertAccounting(run, read: 2, rejected: 0);
        Assert.AreEqual(Layout.Wide, run.Layout);
        Assert.AreEqual(("utf-8", ','), (run.Report.Info!.Encoding, run.Report.Info.Delimiter!.Value));
        AssertObservations(
            run,
            "DEU 2019 children internal 1234",
            "DEU 2019 children international 5",
            "DEU 2019 children not_trafficked 6",
            "DEU 2019 children unknown 7",
            "FRA 2019 children internal 1",
            "FRA 2019 children international 2",
            "FRA 2019 children not_trafficked 3",
            "FRA 2019 children unknown 4");
        Assert.IsTrue(run.Observations.All(o => o.Region == "Western Europe" && o.Area.Length == 0));
        Assert.AreEqual(3, run.Get("DEU", "2019", LinkageCategory.Internal).Source.Row);
    }

    [TestMethod]
    public void Pipeline_reads_a_german_wide_file_with_semicolons_in_utf8_with_bom()
    {
        InEachCulture(_ => ReadsGermanWideFile());
    }

    [TestMethod]
    public void Pipeline_reads_a_french_wide_file_with_tabs_in_windows_1252()
    {
        InEachCulture(_ => ReadsFrenchWideFile());
    }

    private static void ReadsGermanWideFile()
    {
        var run = RunEncoded(
            "de.csv",
            "Land;Jahr;intern;grenzüberschreitend;kein Menschenhandel;unbekannt;Insgesamt\nDeutschland;2019;1.234;2;3;;1.300\nÖsterreich;2020;4;5 v;6;7;22\nSchweiz;2020;4;5;6;7;22\n",
            new UTF8Encoding(false),
            bom: true);

        AssertAccounting(run, read: 3, rejected: 1);
        Assert.AreEqual(Layout.Wide, run.Layout);
        Assert.AreEqual(("utf-8", "byte order mark", ';'), (run.Report.Info!.Encoding, run.Report.Info.EncodingReason, run.Report.Info.Delimiter!.Value));
        AssertObservations(
            run,
            "CHE 2020 children internal 4",
            "CHE 2020 children international 5",
            "CHE 2020 children not_trafficked 6",
            "CHE 2020 children unknown 7",
            "DEU 2019 children internal 1234",
            "DEU 2019 children international 2",
            "DEU 2019 children not_trafficked 3",
            "DEU 2019 children unknown 61");
        Assert.AreEqual("grenzüberschreitend", AssertRejected(run, 3, "bad-count").Column);
    }

    private static void ReadsFrenchWideFile()
    {
        var run = RunEncoded(
            "fr.csv",
            "pays\tannée\tinterne\tinternationale\tpas de traite\tinconnu\nFrance\t2021\t1 234\t5\t0\tc\nBelgique\t2021\t3\t..\t2\t1 (p)\n",
            CodePage(1252),
            bom: false);

        AssertAccounting(run, read: 2, rejected: 0);
        Assert.AreEqual(Layout.Wide, run.Layout);
        Assert.AreEqual(("windows-1252", '\t'), (run.Report.Info!.Encoding, run.Report.Info.Delimiter!.Value));
        Assert.AreEqual("année", run.Report.Plan!.Columns[1].Header);
        AssertObservations(
            run,
            "BEL 2021 children internal 3",
            "BEL 2021 children international _ m",
            "BEL 2021 children not_trafficked 2",
            "BEL 2021 children unknown 1 p",
            "FRA 2021 children internal 1234",
            "FRA 2021 children international 5",
            "FRA 2021 children not_trafficked 0",
            "FRA 2021 children unknown _ c");
    }

    [TestMethod]
    public void Pipeline_reads_an_italian_long_file_with_pipes_in_utf16_little_endian()
    {
        var run = RunEncoded(
            "it.csv",
            "paese|anno|tratta|numero\nItalia|2019|interna|3\nItalia|2019|internazionale|4\nItalia|2019|totale|10\nSan Marino|2020|sconosciuto|2\n",
            Encoding.Unicode,
            bom: true);

        AssertAccounting(run, read: 4, rejected: 0);
        Assert.AreEqual(Layout.Long, run.Layout);
        Assert.AreEqual(("utf-16le", '|'), (run.Report.Info!.Encoding, run.Report.Info.Delimiter!.Value));
        AssertObservations(
            run,
            "ITA 2019 children internal 3",
            "ITA 2019 children international 4",
            "ITA 2019 children unknown 3",
            "SMR 2020 children unknown 2");
    }

    [TestMethod]
    public void Pipeline_reads_a_russian_wide_file_with_semicolons_in_windows_1251()
    {
        var run = RunEncoded(
            "ru.csv",
            "страна;год;внутренняя;международная;всего\nРоссия;2019;10;5;20\nБеларусь;2019;1;2;3\nКазахстан;2019;1;2;x\n",
            CodePage(1251),
            bom: false);

        AssertAccounting(run, read: 3, rejected: 0);
        Assert.AreEqual(Layout.Wide, run.Layout);
        Assert.AreEqual(("windows-1251", ';'), (run.Report.Info!.Encoding, run.Report.Info.Delimiter!.Value));
        AssertObservations(
            run,
            "BLR 2019 children internal 1",
            "BLR 2019 children international 2",
            "BLR 2019 children unknown 0",
            "KAZ 2019 children internal 1",
            "KAZ 2019 children international 2",
            "KAZ 2019 children unknown _ c",
            "RUS 2019 children internal 10",
            "RUS 2019 children international 5",
            "RUS 2019 children unknown 5");
        Assert.AreEqual("Central Asia", run.Get("KAZ", "2019", LinkageCategory.Internal).Region);
    }

    [TestMethod]
    public void Pipeline_reads_a_spanish_records_file_with_commas_in_utf16_big_endian()
    {
        var run = RunEncoded(
            "es.csv",
            "país,fecha,nacionalidad,país de explotación\nEspaña,2019-05-01,España,España\nEspaña,02/05/2019,Marruecos,España\nEspaña,15/06/2019,,Francia\nEspaña,03.07.2020,ES,FR\n",
            Encoding.BigEndianUnicode,
            bom: true);

        AssertAccounting(run, read: 4, rejected: 0);
        Assert.AreEqual(Layout.Records, run.Layout);
        Assert.AreEqual(("utf-16be", ','), (run.Report.Info!.Encoding, run.Report.Info.Delimiter!.Value));
        AssertObservations(
            run,
            "ESP 2019 children internal 1",
            "ESP 2019 children international 1",
            "ESP 2019 children unknown 1",
            "ESP 2020 children international 1");
        Assert.AreEqual(1L, run.Get("ESP", "2019", LinkageCategory.International).Source.Records);
    }

    [TestMethod]
    public void Pipeline_reads_an_english_records_file_with_linkage_labels_and_no_count()
    {
        var run = RunEncoded(
            "cases.txt",
            "reporting state|year|measure|trafficking status\nCanada|2022|investigations|internal\nCA|2022|cases|cross-border\nUSA|2022|investigations|not recorded\nCAN|2022|investigations|domestic\n",
            new UTF8Encoding(false),
            bom: true);

        AssertAccounting(run, read: 4, rejected: 0);
        Assert.AreEqual(Layout.Records, run.Layout);
        AssertObservations(
            run,
            "CAN 2022 investigations internal 2",
            "CAN 2022 investigations international 1",
            "USA 2022 investigations unknown 1");
        Assert.AreEqual("Northern America", run.Get("USA", "2022", LinkageCategory.Unknown, Measure.Investigations).Region);
    }

    [TestMethod]
    public void Pipeline_reads_an_sdmx_csv_version_1_file()
    {
        var run = RunText(
            "sdmx1.csv",
            "DATAFLOW,REF_AREA,TIME_PERIOD,TRAFFICKING,UNIT_MEASURE,OBS_VALUE,OBS_STATUS\n"
            + "OSCE:LINK(1.0),FR,2019,DOM,CHILD,3,A\n"
            + "OSCE:LINK(1.0),FR,2019,INTL,CHILD,4,P\n"
            + "OSCE:LINK(1.0),FR,2019,_T,CHILD,10,\n"
            + "OSCE:LINK(1.0),DE,2020-Q1,UNK,INV,2,E\n"
            + "OSCE:LINK(1.0),DE,2020-Q1,NT,INV,,M\n");

        AssertAccounting(run, read: 5, rejected: 0);
        Assert.AreEqual(Layout.SdmxV1, run.Layout);
        AssertObservations(
            run,
            "DEU 2020-Q1 investigations not_trafficked _ m",
            "DEU 2020-Q1 investigations unknown 2 e",
            "FRA 2019 children internal 3",
            "FRA 2019 children international 4 p",
            "FRA 2019 children unknown 3 p"); // derived from a provisional figure, so provisional too
        Assert.IsEmpty(run.Report.FileProblems, "SDMX files state their measure");
    }

    [TestMethod]
    public void Pipeline_reads_an_sdmx_csv_version_2_file_with_confidentiality()
    {
        var run = RunText(
            "sdmx2.csv",
            "STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,TIME_PERIOD,TRAFFICKING,UNIT_MEASURE,OBS_VALUE,OBS_STATUS,CONF_STATUS\n"
            + "dataflow,OSCE:LINK(1.0),I,AT,2021,NT,CHILD,5,A,F\n"
            + "dataflow,OSCE:LINK(1.0),I,AT,2021,INTL,CHILD,,A,C\n"
            + "dataflow,OSCE:LINK(1.0),I,AT,2021-07,DOM,CHILD,1,B,\n"
            + "dataflow,OSCE:LINK(1.0),I,AT,2021,DOM,CHILD,1,Z,\n");

        AssertAccounting(run, read: 4, rejected: 1);
        Assert.AreEqual(Layout.SdmxV2, run.Layout);
        AssertObservations(
            run,
            "AUT 2021 children international _ c",
            "AUT 2021 children not_trafficked 5",
            "AUT 2021-07 children internal 1 b");
        var reject = AssertRejected(run, 5, "unknown-flag");
        Assert.AreEqual("OBS_STATUS", reject.Column);
        Assert.AreEqual("Z", reject.Value);
    }

    [TestMethod]
    public void Pipeline_reads_a_wide_worksheet_of_an_xlsx_workbook()
    {
        var workbook = MiniXlsx.Bytes(
            "Data",
            ["Country", "Year", "Internal", "International", "Total"],
            ["France", 2019, 3, 4, 10],
            ["Germany", 2020, 1, "c", 5],
            ["Algeria", 2020, 1, 1, 2]);

        var run = RunBytes("wb.xlsx", workbook);

        AssertAccounting(run, read: 3, rejected: 0, setAside: 1);
        AssertSetAside(run, 4, "outside-osce");
        Assert.AreEqual(Layout.Wide, run.Layout);
        Assert.AreEqual(("xlsx", "Data"), (run.Report.Info!.Format, run.Report.Info.Sheet));
        AssertObservations(
            run,
            "DEU 2020 children internal 1",
            "DEU 2020 children international _ c",
            "DEU 2020 children unknown 4 c",
            "FRA 2019 children internal 3",
            "FRA 2019 children international 4",
            "FRA 2019 children unknown 3");
        Assert.AreEqual(3, run.Get("DEU", "2020", LinkageCategory.Internal).Source.Row);
    }
}
