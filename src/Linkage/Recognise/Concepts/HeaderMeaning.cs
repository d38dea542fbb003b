using Linkage.Model;

namespace Linkage.Recognise.Concepts;

/// <summary>A role a header's words point to, with a confidence and the rule, before the column's values are seen.</summary>
/// <param name="Role">The role.</param>
/// <param name="Category">For a linkage category column, its category.</param>
/// <param name="Measure">A measure the header names (<c>number of children</c>, <c>total cases</c>).</param>
/// <param name="Confidence">How sure the reading is; below <see cref="HeaderMeaning.Weak"/> the values decide.</param>
/// <param name="Reason">The concepts found and the rule that applied.</param>
/// <param name="Part">For a count column whose header names one part of a breakdown (<c>… - Female</c>), that part: its values are outside the publication.</param>
internal sealed record HeaderReading(ColumnRole Role, LinkageCategory? Category, Measure? Measure, double Confidence, string Reason, string? Part = null)
{
    /// <summary>True when the header alone settles nothing (no role, or a weak one the values must confirm).</summary>
    public bool IsWeak => Role == ColumnRole.Unrecognised || Confidence < HeaderMeaning.Weak;
}

/// <summary>
/// The small grammar that turns the concepts of a column header into a role: <c>country of exploitation</c> is the
/// exploitation column because exploitation + country; <c>type of trafficking</c> is the linkage column because
/// trafficking + type; <c>children trafficked within the country</c> is the internal column because its words read as
/// the internal label and it names the measure children. Rules go from the most specific to the most general.
/// </summary>
internal static class HeaderMeaning
{
    /// <summary>Confidence below which a header reading only proposes, and the column's values decide.</summary>
    public const double Weak = 0.6;

    /// <summary>Reads a header's role from its concepts.</summary>
    public static HeaderReading Read(ConceptReading r)
    {
        ArgumentNullException.ThrowIfNull(r);
        if (r.IsEmpty)
        {
            return new(ColumnRole.Unrecognised, null, null, 0, r.Numbers.Count > 0 ? "the header is a number" : "the header has no word");
        }

        var found = Decide(r);
        if (found is null)
        {
            return new(ColumnRole.Unrecognised, null, null, 0, $"{r.Describe()}: no role fits these concepts");
        }

        var (role, category, measure, confidence, rule, part) = found.Value;
        var (ok, weight, why) = LabelMeaning.Weigh(r);
        if (!ok)
        {
            return new(ColumnRole.Unrecognised, null, null, 0, $"{r.Describe()}: {why}");
        }

        // Unknown words weaken the reading; a role read from a lone ambiguous word is only a proposal.
        var sure = Math.Min(confidence, weight);
        return new(role, category, measure, sure, $"{r.Describe()} → {rule}", part);
    }

    private static (ColumnRole Role, LinkageCategory? Category, Measure? Measure, double Confidence, string Rule, string? Part)? Decide(ConceptReading r)
    {
        if (DecideRole(r) is not { } d)
        {
            return null;
        }

        // A count column whose header names one sex, or adults only, counts a part of a breakdown whose total the
        // file does not give (OWID's "… under 18 years old - Female"): its values are outside the publication.
        string? part = null;
        if (d.Role is ColumnRole.Count or ColumnRole.Total or ColumnRole.Category)
        {
            var female = r.Has(Concept.Female);
            var male = r.Has(Concept.Male);
            if (female != male)
            {
                part = female ? "sex: female only" : "sex: male only";
            }
            else if (r.Has(Concept.Adult) && !r.Has(Concept.Child))
            {
                part = "age: adults only";
            }
        }

        return (d.Role, d.Category, d.Measure, d.Confidence, d.Rule, part);
    }

    private static (ColumnRole Role, LinkageCategory? Category, Measure? Measure, double Confidence, string Rule)? DecideRole(ConceptReading r)
    {
        bool Has(Concept c) => r.Has(c);
        var measure = MeasureNamed(r);

        // A header that counts and names one sex or adults ("… under 18 - Female"), or that says it is a number
        // and names a sex or an age, is a count column of that slice. "Age of victim" or "Sex of the victim"
        // name the breakdown itself (a measure word without a number word), and a sex read from a typo proves nothing.
        var slicePart = r.Tokens.Any(t => t.How != MatchKind.Typo && (t.Means(Concept.Male) || t.Means(Concept.Female) || t.Means(Concept.Adult)));
        var sliceName = r.HasAny(Concept.Sex, Concept.Age);
        if (((Has(Concept.Number) && (slicePart || sliceName)) || (measure is not null && slicePart)) && !Has(Concept.Unit))
        {
            return (ColumnRole.Count, null, measure, 0.85, "counts of one slice (sex or age named in the header)");
        }

        // SDMX bookkeeping and attributes first: their words (unit, status, observation) would read as roles below.
        if (Has(Concept.Multiplier))
        {
            return (ColumnRole.UnitMultiplier, null, null, 0.95, "unit multiplier");
        }

        if (Has(Concept.Unit))
        {
            // "Investigating unit", "Unidad investigadora": a unit of an organisation, not of measure.
            return r.Tokens.Count == 1 && r.Unmatched.Count > 0 ? null : (ColumnRole.Unit, null, null, 0.9, "unit of measure");
        }

        if (Has(Concept.Decimals) || Has(Concept.Structure) || Has(Concept.Frequency) || Has(Concept.RowId) || (Has(Concept.Action) && r.Tokens.Count == 1))
        {
            return (ColumnRole.Ignore, null, null, 0.9, "bookkeeping (decimals, structure, frequency, row number or action)");
        }

        if (Has(Concept.Comment) && !r.HasOnly(Concept.Status))
        {
            return (ColumnRole.Ignore, null, null, 0.9, "a comment or note");
        }

        if (Has(Concept.Confidential))
        {
            return (ColumnRole.Confidentiality, null, null, 0.9, "confidentiality status");
        }

        // "Type of figure", "Art der Zahl", "Tipo di dato": which figure a row gives, i.e. its measure.
        if (Has(Concept.Type) && (Has(Concept.Number) || Has(Concept.Observation)) && r.Tokens.Count == 2 && measure is null)
        {
            return (ColumnRole.Measure, null, null, 0.8, "the type of figure (measure)");
        }

        if (Has(Concept.Observation) && Has(Concept.Number))
        {
            return (ColumnRole.Count, null, measure, 0.95, "observation value");
        }

        if ((r.HasOnly(Concept.Status) || Has(Concept.Observation)) && !Has(Concept.Trafficking) && !Has(Concept.Link) && !r.HasOnly(Concept.Country) && !Has(Concept.Citizenship))
        {
            return (ColumnRole.Flag, null, null, 0.85, "observation status or flag");
        }

        if (Has(Concept.Source) && !Has(Concept.Country))
        {
            return (ColumnRole.Source, null, null, 0.85, "data source");
        }

        if (Has(Concept.Nature) && !Has(Concept.Trafficking) && !Has(Concept.Exploitation) && !Has(Concept.Link) && r.Tokens.Count <= 2)
        {
            return (ColumnRole.Nature, null, null, r.HasOnly(Concept.Nature) ? 0.85 : 0.65, "the nature of the data (country data, estimated, modelled)");
        }

        if (Has(Concept.Sex))
        {
            return (ColumnRole.Sex, null, null, 0.9, "sex");
        }

        if (Has(Concept.Majority) || (Has(Concept.Age) && !Has(Concept.Child) && !Has(Concept.Adult)))
        {
            return (ColumnRole.Age, null, null, 0.9, "age or minor/adult status");
        }

        if (Has(Concept.Exploitation) && (Has(Concept.Type) || Has(Concept.Sexual) || Has(Concept.Labour)) && !Has(Concept.Country) && !Has(Concept.Place))
        {
            return (ColumnRole.Form, null, null, 0.9, "form of exploitation");
        }

        if (Has(Concept.Exploitation))
        {
            // "exploitation" alone may be where or how; the values decide.
            var where = Has(Concept.Country) || Has(Concept.Place) || r.Tokens.Any(t => t.Means(Concept.Exploitation) && t.Text.StartsWith("destin", StringComparison.Ordinal));
            return (ColumnRole.Exploitation, null, null, where ? 0.9 : 0.55, where ? "country (or place) of exploitation" : "exploitation (a country of exploitation, or a form: the values decide)");
        }

        if (Has(Concept.Citizenship) || Has(Concept.Origin) || (Has(Concept.Source) && Has(Concept.Country)))
        {
            return (ColumnRole.Origin, null, null, 0.9, "citizenship or country of origin");
        }

        if (Has(Concept.Dimension))
        {
            return (ColumnRole.BreakdownName, null, null, 0.8, "names the breakdown of a row");
        }

        if (Has(Concept.Region) && !Has(Concept.Within) && !Has(Concept.Internal))
        {
            return (ColumnRole.Region, null, null, 0.7, "a region of the world (the values decide whether it is a subnational area)");
        }

        if (Has(Concept.Area) || (Has(Concept.Region) && (Has(Concept.Within) || Has(Concept.Internal))))
        {
            return (ColumnRole.Area, null, null, 0.85, "a subnational area");
        }

        if (Has(Concept.Quarter))
        {
            return (ColumnRole.Quarter, null, null, 0.9, "quarter");
        }

        // "month of year" is a month; "year, month" is a period written in two words.
        if (Has(Concept.Month) && (!Has(Concept.Year) || FirstIndex(r, Concept.Month) < FirstIndex(r, Concept.Year)))
        {
            return (ColumnRole.Month, null, null, 0.9, "month");
        }

        if (Has(Concept.Year) || Has(Concept.Period))
        {
            return (ColumnRole.Period, null, null, 0.9, "year or period");
        }

        if (Has(Concept.Date))
        {
            // Italian "data" is a date, English "data" is not: alone the word proposes only.
            var sure = r.Tokens.Count > 1 || (r.Tokens[0].Concepts.Count == 1 && r.Unmatched.Count == 0);
            return (ColumnRole.Date, null, null, sure ? 0.9 : 0.55, "a date");
        }

        if (Has(Concept.Measure) && !Has(Concept.Number))
        {
            return (ColumnRole.Measure, null, null, 0.85, "measure or indicator");
        }

        if ((Has(Concept.Country) || Has(Concept.Reporting)) && !Has(Concept.Trafficking) && !Has(Concept.Internal) && !Has(Concept.International) && measure is null && !Has(Concept.Total))
        {
            return Has(Concept.Country)
                ? (ColumnRole.State, null, null, 0.9, "the reporting country or State")
                : (ColumnRole.State, null, null, 0.55, "reporting (the values decide)");
        }

        // A header whose words read as a linkage label is that category's column (wide layout).
        var label = LabelMeaning.Linkage(r);
        if (label.Linkage is { } linkage)
        {
            return linkage.IsTotal
                ? (ColumnRole.Total, null, measure, 0.9, "the total")
                : (ColumnRole.Category, linkage.Category, measure, 0.9, $"the {Codes.Of(linkage.Category!.Value)} category");
        }

        if (Has(Concept.Internal) && Has(Concept.International) && Has(Concept.Or) && !Has(Concept.Number))
        {
            return (ColumnRole.Linkage, null, null, 0.9, "internal or international (linkage labels)");
        }

        // "child trafficking" names what the labels are about, or what is counted: the values decide.
        if (Has(Concept.Trafficking) && measure == Model.Measure.Children && !Has(Concept.Number) && !Has(Concept.Negation))
        {
            return (ColumnRole.Linkage, null, null, 0.55, "child trafficking (linkage labels if the values are, else counts of children)");
        }

        if ((Has(Concept.Trafficking) || Has(Concept.Link)) && !Has(Concept.Negation) && !Has(Concept.Number) && measure is null)
        {
            var typed = Has(Concept.Type) || Has(Concept.Link) || Has(Concept.Status) || Has(Concept.Internal) || Has(Concept.Or);
            return (ColumnRole.Linkage, null, null, typed ? 0.9 : 0.55, typed ? "the kind of trafficking (linkage labels)" : "trafficking (linkage labels, if the values are)");
        }

        // Another indicator's figures ("Persons prosecuted"), but not "Prosecutor's office": an unknown word beside
        // the indicator word may make it a name of anything.
        if (r.Tokens.Any(t => t.Concepts.All(c => c is Concept.Prosecution or Concept.Conviction or Concept.Suspect or Concept.Offence)) && r.Unmatched.Count == 0)
        {
            return (ColumnRole.Outside, null, null, 0.85, "figures of another indicator (prosecutions, convictions, suspects, offences)");
        }

        if (measure is { } m && !Has(Concept.Sex) && !Has(Concept.Adult))
        {
            return (ColumnRole.Count, null, m, 0.9, $"counts of {Codes.Of(m)}");
        }

        if (Has(Concept.Number))
        {
            return (ColumnRole.Count, null, null, 0.85, "counts");
        }

        if (Has(Concept.Type) && r.Tokens.Count == 1)
        {
            return (ColumnRole.BreakdownValue, null, null, 0.55, "a category (the values decide)");
        }

        return null;
    }

    private static int FirstIndex(ConceptReading r, Concept c)
    {
        for (var i = 0; i < r.Tokens.Count; i++)
        {
            if (r.Tokens[i].Means(c))
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    /// <summary>The measure a header names (children, investigations, victims), if it names exactly one.</summary>
    private static Measure? MeasureNamed(ConceptReading r)
    {
        var child = r.Has(Concept.Child);
        var victim = r.Has(Concept.Victim);
        var investigation = r.Has(Concept.Investigation);
        if (investigation && r.Has(Concept.Person))
        {
            // "Anzahl (Personen bzw. Verfahren)", "Number of persons or cases": either may be counted.
            return null;
        }

        if (investigation && !child && !victim)
        {
            return Model.Measure.Investigations;
        }

        if (child && !investigation)
        {
            return Model.Measure.Children;
        }

        if (victim && !child && !investigation)
        {
            return Model.Measure.Victims;
        }

        return null;
    }
}
