namespace Linkage.Recognise.Concepts;

/// <summary>A unit of meaning that header and label words stand for, in any of the six languages (<c>Recognise/Data/concepts.json</c>).</summary>
internal enum Concept
{
    /// <summary>Trafficking in persons (traffick-, traite, Menschenhandel, tratta, торговля людьми, trata).</summary>
    Trafficking,

    /// <summary>Only within the State (internal, domestic, innerstaatlich, внутренний, …).</summary>
    Internal,

    /// <summary>Across a border (international, cross-border, transnational, abroad, …).</summary>
    International,

    /// <summary>A negation (no, not, without, kein, sans, не, sin, …).</summary>
    Negation,

    /// <summary>Known, recorded, stated (negated, it means unknown).</summary>
    Known,

    /// <summary>Unknown, not stated, undetermined.</summary>
    Unknown,

    /// <summary>Found, established, evidence (negated beside trafficking, it means not trafficked).</summary>
    Found,

    /// <summary>A link or connection (with trafficking).</summary>
    Link,

    /// <summary>All, total, sum.</summary>
    Total,

    /// <summary>Both (of two categories).</summary>
    Both,

    /// <summary>A conjunction "and".</summary>
    And,

    /// <summary>A conjunction "or" (two categories joined by it are ambiguous).</summary>
    Or,

    /// <summary>Children, minors, under 18.</summary>
    Child,

    /// <summary>Victims.</summary>
    Victim,

    /// <summary>Investigations, cases, proceedings.</summary>
    Investigation,

    /// <summary>A number, count or value.</summary>
    Number,

    /// <summary>Identified, detected, registered (says nothing about what is counted).</summary>
    Detected,

    /// <summary>Persons, people, human beings (a filler in phrases about trafficking).</summary>
    Person,

    /// <summary>A country or State, or a country code.</summary>
    Country,

    /// <summary>Reporting, participating, member (of a State).</summary>
    Reporting,

    /// <summary>A name or label.</summary>
    Name,

    /// <summary>A code or identifier.</summary>
    Code,

    /// <summary>A subnational area.</summary>
    Area,

    /// <summary>A region of the world (continent, sub-region).</summary>
    Region,

    /// <summary>Within, inside.</summary>
    Within,

    /// <summary>A border or frontier (across one is international, within one internal).</summary>
    Border,

    /// <summary>Across, crossing, over (a border).</summary>
    Across,

    /// <summary>A year.</summary>
    Year,

    /// <summary>A period or time.</summary>
    Period,

    /// <summary>A quarter of a year.</summary>
    Quarter,

    /// <summary>A month.</summary>
    Month,

    /// <summary>A date.</summary>
    Date,

    /// <summary>An event that dates a case (opening, registration, referral).</summary>
    Event,

    /// <summary>A measure, indicator or series.</summary>
    Measure,

    /// <summary>A unit of measure.</summary>
    Unit,

    /// <summary>A unit multiplier (power of ten).</summary>
    Multiplier,

    /// <summary>Decimal places.</summary>
    Decimals,

    /// <summary>The nature of the data (SDG data-nature codes).</summary>
    Nature,

    /// <summary>A type, kind, category or form.</summary>
    Type,

    /// <summary>A status or flag.</summary>
    Status,

    /// <summary>An observation (SDMX).</summary>
    Observation,

    /// <summary>Confidentiality.</summary>
    Confidential,

    /// <summary>Origin (country of origin).</summary>
    Origin,

    /// <summary>Citizenship or nationality.</summary>
    Citizenship,

    /// <summary>The reporting State's own nationals.</summary>
    Nationals,

    /// <summary>Foreigners, other countries, groups of countries.</summary>
    Foreign,

    /// <summary>Exploitation or destination.</summary>
    Exploitation,

    /// <summary>A place or location.</summary>
    Place,

    /// <summary>Sex or gender.</summary>
    Sex,

    /// <summary>Male, men, boys.</summary>
    Male,

    /// <summary>Female, women, girls.</summary>
    Female,

    /// <summary>Age or an age group.</summary>
    Age,

    /// <summary>Majority status (minor or adult).</summary>
    Majority,

    /// <summary>Adults, 18 and over.</summary>
    Adult,

    /// <summary>Sexual exploitation (a form of exploitation).</summary>
    Sexual,

    /// <summary>Forced labour and other forms of exploitation.</summary>
    Labour,

    /// <summary>Prosecution, persons prosecuted or brought into formal contact.</summary>
    Prosecution,

    /// <summary>Convictions.</summary>
    Conviction,

    /// <summary>Suspects, offenders, traffickers.</summary>
    Suspect,

    /// <summary>Offences, crimes.</summary>
    Offence,

    /// <summary>A rate, share or percentage.</summary>
    Rate,

    /// <summary>Estimated, modelled, provisional.</summary>
    Estimate,

    /// <summary>A comment, note or remark.</summary>
    Comment,

    /// <summary>A data source.</summary>
    Source,

    /// <summary>A breakdown dimension.</summary>
    Dimension,

    /// <summary>A frequency (SDMX FREQ).</summary>
    Frequency,

    /// <summary>An action (SDMX ACTION).</summary>
    Action,

    /// <summary>A structure, dataflow or update stamp (SDMX bookkeeping).</summary>
    Structure,

    /// <summary>A row number or record identifier.</summary>
    RowId,
}
