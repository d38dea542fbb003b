using System.Globalization;
using System.Text;

using MiniExcelLibs;

namespace Linkage.Sample;

public static partial class SampleGenerator
{
    private static readonly Dictionary<string, string> GermanNames = new(StringComparer.Ordinal)
    {
        ["DEU"] = "Deutschland",
        ["AUT"] = "Österreich",
        ["CHE"] = "Schweiz",
        ["LIE"] = "Liechtenstein",
        ["LUX"] = "Luxemburg",
        ["NLD"] = "Niederlande",
        ["BEL"] = "Belgien",
    };

    private static readonly Dictionary<string, string> RussianNames = new(StringComparer.Ordinal)
    {
        ["BLR"] = "Беларусь",
        ["RUS"] = "Российская Федерация",
        ["UKR"] = "Украина",
        ["MDA"] = "Молдова",
        ["BGR"] = "Болгария",
        ["ARM"] = "Армения",
        ["AZE"] = "Азербайджан",
        ["GEO"] = "Грузия",
        ["KAZ"] = "Казахстан",
        ["KGZ"] = "Кыргызстан",
        ["TJK"] = "Таджикистан",
        ["TKM"] = "Туркменистан",
        ["UZB"] = "Узбекистан",
        ["MNG"] = "Монголия",
    };

    private static readonly Dictionary<string, string> EnglishNames = new(StringComparer.Ordinal)
    {
        ["DNK"] = "Denmark",
        ["EST"] = "Estonia",
        ["FIN"] = "Finland",
        ["ISL"] = "Iceland",
        ["IRL"] = "Ireland",
        ["LVA"] = "Latvia",
        ["LTU"] = "Lithuania",
        ["NOR"] = "Norway",
        ["SWE"] = "Sweden",
        ["GBR"] = "United Kingdom",
        ["CAN"] = "Canada",
        ["USA"] = "United States of America",
    };

    private static readonly Dictionary<string, string> ItalianNames = new(StringComparer.Ordinal)
    {
        ["ITA"] = "Italia",
        ["SMR"] = "San Marino",
        ["VAT"] = "Santa Sede",
        ["MLT"] = "Malta",
    };

    private static readonly Dictionary<string, string> Alpha2 = new(StringComparer.Ordinal)
    {
        ["ALB"] = "AL",
        ["BIH"] = "BA",
        ["HRV"] = "HR",
        ["GRC"] = "GR",
        ["MNE"] = "ME",
        ["MKD"] = "MK",
        ["SRB"] = "RS",
        ["SVN"] = "SI",
    };

    // English, comma, UTF-8: categories and total as columns; States that record only totals leave categories empty.
    private static string WideEnglish(IEnumerable<SyntheticYear> years)
    {
        var sb = new StringBuilder("country,year,measure,internal,international,not trafficked,unknown,total\n");
        foreach (var y in years)
        {
            var flag = y.Flag.Length > 0 ? " " + y.Flag : string.Empty;
            sb.Append(Inv, $"{EnglishNames[y.State]},{y.Year},children,");
            sb.Append(y.LinkageRecorded
                ? $"{N(y.Internal)}{flag},{N(y.International)}{flag},{N(y.NotTrafficked)}{flag},{N(y.Unknown)}{flag},{N(y.Total)}{flag}\n"
                : $",,,,{N(y.Total)}{flag}\n");
        }

        return sb.ToString();
    }

    // German, semicolon, Windows-1252: both measures, thousands marks with '.', total as "Insgesamt".
    private static string WideGerman(IEnumerable<SyntheticYear> years)
    {
        static string De(int v) => v >= 1000 ? v.ToString("#,0", CultureInfo.GetCultureInfo("de-DE")) : v.ToString(CultureInfo.InvariantCulture);
        var sb = new StringBuilder("Land;Jahr;Messgröße;intern;grenzüberschreitend;kein Menschenhandel;unbekannt;Insgesamt\n");
        foreach (var y in years)
        {
            var flag = y.Flag.Length > 0 ? y.Flag : string.Empty;
            var name = GermanNames[y.State];
            sb.Append(Inv, $"{name};{y.Year};Kinder;");
            sb.Append(y.LinkageRecorded
                ? $"{De(y.Internal)}{flag};{De(y.International)}{flag};{De(y.NotTrafficked)}{flag};{De(y.Unknown)}{flag};{De(y.Total)}{flag}\n"
                : $";;;;{De(y.Total)}{flag}\n");
            sb.Append(Inv, $"{name};{y.Year};Ermittlungsverfahren;;;;;{De(y.Investigations)}\n");
        }

        return sb.ToString();
    }

    // French, semicolon, UTF-8 with BOM, long: one row per linkage label.
    private static string LongFrench(IEnumerable<SyntheticYear> years)
    {
        var sb = new StringBuilder("pays;année;traite;enfants;statut\n");
        foreach (var y in years)
        {
            var name = y.State == "FRA" ? "France" : "Monaco";
            if (y.LinkageRecorded)
            {
                sb.Append(Inv, $"{name};{y.Year};interne;{y.Internal};{y.Flag}\n");
                sb.Append(Inv, $"{name};{y.Year};internationale;{y.International};{y.Flag}\n");
                sb.Append(Inv, $"{name};{y.Year};pas de traite;{y.NotTrafficked};{y.Flag}\n");
                sb.Append(Inv, $"{name};{y.Year};inconnu;{y.Unknown};{y.Flag}\n");
            }
            else
            {
                sb.Append(Inv, $"{name};{y.Year};total;{y.Total};{y.Flag}\n");
            }
        }

        return sb.ToString();
    }

    // Italian XLSX, long, with a small count for the Holy See written as a number.
    private static string WriteLongItalianXlsx(string folder, string name, IEnumerable<SyntheticYear> years)
    {
        var rows = new List<Dictionary<string, object>>();
        void Row(SyntheticYear y, string label, int count) => rows.Add(new Dictionary<string, object>
        {
            ["paese"] = ItalianNames[y.State],
            ["anno"] = y.Year,
            ["tratta"] = label,
            ["bambini"] = count,
        });
        foreach (var y in years)
        {
            if (y.LinkageRecorded)
            {
                Row(y, "interna", y.Internal);
                Row(y, "internazionale", y.International);
                Row(y, "nessuna tratta", y.NotTrafficked);
                Row(y, "sconosciuto", y.Unknown);
            }
            else
            {
                Row(y, "totale", y.Total);
            }
        }

        var path = Path.Combine(folder, name);
        MiniExcel.SaveAs(path, rows, sheetName: "Dati", overwriteFile: true);
        return name;
    }

    // Spanish case records, tab, UTF-16 LE with BOM, dates dd/mm/yyyy; linkage from nationality vs country of exploitation.
    // Streamed line by line: with --records in the millions the text would not fit in one string.
    private static string WriteRecordsSpanish(string folder, string name, IEnumerable<SyntheticYear> years, int records, Random rng)
    {
        string[] abroad = ["Marruecos", "RO", "Colombia", "NGA", "Brasil", "Ucrania", "Francia"];
        var list = years.ToList();
        var total = Math.Max(1, list.Sum(y => y.Internal + y.International + y.Unknown));
        var home = new Dictionary<string, string>(StringComparer.Ordinal) { ["ESP"] = "España", ["AND"] = "Andorra", ["PRT"] = "Portugal" };
        using var writer = new StreamWriter(Path.Combine(folder, name), append: false, new UnicodeEncoding(false, true), 1 << 16);
        writer.Write("país\tfecha\tmedida\tnacionalidad\tpaís de explotación\n");
        foreach (var y in list)
        {
            // Scale the year's children so the file holds about the number of records asked for.
            var scale = (double)records / total;
            void Emit(int count, Func<(string Nationality, string Exploitation)> who)
            {
                for (var k = 0; k < (int)Math.Round(count * scale); k++)
                {
                    var date = new DateOnly(y.Year, 1, 1).AddDays(rng.Next(0, 365));
                    var (nat, exp) = who();
                    writer.Write(string.Create(Inv, $"{home[y.State]}\t{date.Day:D2}/{date.Month:D2}/{date.Year}\tniños\t{nat}\t{exp}\n"));
                }
            }

            Emit(y.Internal, () => (home[y.State], home[y.State]));
            Emit(y.International, () => (abroad[rng.Next(abroad.Length)], home[y.State]));
            Emit(y.Unknown, () => (home[y.State], string.Empty));
        }

        return name;
    }

    private static string Sdmx1(IEnumerable<SyntheticYear> years)
    {
        var sb = new StringBuilder("DATAFLOW,REF_AREA,MEASURE,LINKAGE,TIME_PERIOD,OBS_VALUE,OBS_STATUS\n");
        foreach (var y in years)
        {
            var status = y.Flag.Length > 0 ? y.Flag.ToUpperInvariant() : "A";
            foreach (var (code, value) in Categories(y))
            {
                sb.Append(Inv, $"OSCE:P23_LINKAGE(1.0),{Alpha2[y.State]},CHILDREN,{code},{y.Year},{value},{status}\n");
            }
        }

        return sb.ToString();
    }

    // SDMX-CSV 2.0: both measures; Poland reports quarters from 2019; small counts marked confidential at source.
    private static string Sdmx2(IEnumerable<SyntheticYear> years)
    {
        var sb = new StringBuilder("STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,MEASURE,LINKAGE,TIME_PERIOD,OBS_VALUE,OBS_STATUS,CONF_STATUS\n");
        foreach (var y in years)
        {
            var status = y.Flag.Length > 0 ? y.Flag.ToUpperInvariant() : "A";
            var quarterly = y.State == "POL" && y.Year >= 2019;
            foreach (var (code, value) in Categories(y))
            {
                if (quarterly)
                {
                    foreach (var (q, part) in Split(value, 4).Select((v, i) => (i + 1, v)))
                    {
                        sb.Append(Inv, $"dataflow,OSCE:P23_LINKAGE(1.0),I,{y.State},CHILDREN,{code},{y.Year}-Q{q},{part},{status},F\n");
                    }
                }
                else
                {
                    sb.Append(Inv, $"dataflow,OSCE:P23_LINKAGE(1.0),I,{y.State},CHILDREN,{code},{y.Year},{value},{status},F\n");
                }
            }

            sb.Append(Inv, $"dataflow,OSCE:P23_LINKAGE(1.0),I,{y.State},INVESTIGATIONS,_T,{y.Year},{y.Investigations},{status},F\n");
        }

        return sb.ToString();
    }

    // Russian, semicolon, Windows-1251; "-" marks categories not recorded.
    private static string WideRussian(IEnumerable<SyntheticYear> years)
    {
        var sb = new StringBuilder("страна;год;показатель;внутренняя;международная;без торговли людьми;неизвестно;всего;статус\n");
        foreach (var y in years)
        {
            sb.Append(Inv, $"{RussianNames[y.State]};{y.Year};дети;");
            sb.Append(y.LinkageRecorded
                ? string.Create(Inv, $"{y.Internal};{y.International};{y.NotTrafficked};{y.Unknown};{y.Total};{y.Flag}\n")
                : string.Create(Inv, $"-;-;-;-;{y.Total};{y.Flag}\n"));
        }

        return sb.ToString();
    }

    private static IEnumerable<(string Code, int Value)> Categories(SyntheticYear y) => y.LinkageRecorded
        ? [("INTERNAL", y.Internal), ("INTERNATIONAL", y.International), ("NOT_TRAFFICKED", y.NotTrafficked), ("_U", y.Unknown)]
        : [("_T", y.Total)];

    private static IEnumerable<int> Split(int value, int parts)
    {
        var each = value / parts;
        for (var i = 0; i < parts; i++)
        {
            yield return i < value % parts ? each + 1 : each;
        }
    }
}
