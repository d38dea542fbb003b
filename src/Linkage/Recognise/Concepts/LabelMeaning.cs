using Linkage.Model;

namespace Linkage.Recognise.Concepts;

/// <summary>What a label's concepts determine, with a confidence and the reason; or why they determine nothing.</summary>
/// <param name="Linkage">The linkage label, when the text is one.</param>
/// <param name="Measure">The measure, when the text names one.</param>
/// <param name="Outside">True when the text names an indicator that is not one of the pipeline's measures (persons prosecuted…).</param>
/// <param name="Confidence">How sure the reading is (1 for a whole listed word, less for extra or approximate words).</param>
/// <param name="Reason">The concepts found and the rule that applied, for <c>validate</c>.</param>
internal sealed record LabelReading(LinkageLabel? Linkage, Measure? Measure, bool Outside, double Confidence, string Reason)
{
    /// <summary>True when the text means something the pipeline uses.</summary>
    public bool IsRecognised => Linkage is not null || Measure is not null;
}

/// <summary>
/// The small grammar that turns the concepts of a cell label into a linkage category or a measure. A label is
/// recognised only when its concepts determine one meaning: negation + trafficking is not_trafficked; negation +
/// internal is nothing (not trafficked at all, or trafficked internationally?); words of another indicator or breakdown
/// (prosecuted, female, adults, forced labour, nationals) make it no linkage label at all.
/// </summary>
internal static class LabelMeaning
{
    /// <summary>Concepts that say the label is about something else than linkage.</summary>
    private static readonly HashSet<Concept> NotLinkage =
    [
        Concept.Prosecution, Concept.Conviction, Concept.Suspect, Concept.Offence, Concept.Sex, Concept.Male, Concept.Female,
        Concept.Age, Concept.Adult, Concept.Majority, Concept.Sexual, Concept.Labour, Concept.Nationals, Concept.Foreign,
        Concept.Rate, Concept.Estimate, Concept.Unit, Concept.Region, Concept.Citizenship, Concept.Origin, Concept.Year,
        Concept.Date, Concept.Quarter, Concept.Month, Concept.Comment, Concept.Source, Concept.Measure,
        Concept.Confidential, Concept.Code, Concept.Name, Concept.Area, Concept.Multiplier, Concept.Decimals, Concept.Structure,
        Concept.Action, Concept.Frequency, Concept.RowId, Concept.Period, Concept.Place, Concept.Dimension,
    ];

    /// <summary><see cref="NotLinkage"/> but for area words, which say where when beside "within" or "internal".</summary>
    private static readonly HashSet<Concept> NotLinkageInside = [.. NotLinkage.Where(c => c != Concept.Area)];

    /// <summary>Concepts of indicators that are not a measure of the pipeline.</summary>
    private static readonly HashSet<Concept> OtherIndicator = [Concept.Prosecution, Concept.Conviction, Concept.Suspect, Concept.Offence];

    /// <summary>Concepts that say a label is not a measure label.</summary>
    private static readonly HashSet<Concept> NotMeasure =
    [
        Concept.Sex, Concept.Male, Concept.Female, Concept.Adult, Concept.Majority, Concept.Sexual, Concept.Labour, Concept.Rate,
        Concept.Unit, Concept.Nationals, Concept.Foreign, Concept.Region, Concept.Internal, Concept.International, Concept.Negation,
        Concept.Unknown, Concept.Citizenship, Concept.Origin, Concept.Year, Concept.Date, Concept.Comment, Concept.Source,
        Concept.Status, Concept.Multiplier, Concept.Estimate, Concept.Known, Concept.Link, Concept.Border, Concept.Across,
    ];

    /// <summary>Reads a linkage label from its concepts.</summary>
    public static LabelReading Linkage(ConceptReading r)
    {
        ArgumentNullException.ThrowIfNull(r);
        if (r.IsEmpty)
        {
            return None(r, "no word to read");
        }

        // "Within the national territory": an area word after "within" or "internal" says where, not what else.
        var whereInside = (r.Has(Concept.Within) || r.Has(Concept.Internal)) && !r.Has(Concept.International);
        if (OnlyConcepts(r, whereInside ? NotLinkageInside : NotLinkage) is { } other)
        {
            return None(r, $"'{other.Text}' is about {ConceptLexicon.NameOf(other.Concepts[0])}, not linkage");
        }

        // A border crossed is international ("across an international border", "über die Staatsgrenze hinweg",
        // "attraverso una frontiera"); a border one stays within is internal ("within the State's borders").
        var border = r.Has(Concept.Border);
        var crossed = border && r.Has(Concept.Across) && !r.Has(Concept.Within);
        var inside = border && r.Has(Concept.Within) && !r.Has(Concept.Across);
        var negation = r.Has(Concept.Negation);
        var intern = r.Has(Concept.Internal) || inside;
        var intl = r.Has(Concept.International) || crossed;
        var total = r.Has(Concept.Total);
        var trafficking = r.Has(Concept.Trafficking);
        LinkageCategory? category = null;
        bool isTotal = false;
        string rule;
        // "Nacionales", "Nationals": a citizenship category (read as such from a citizenship breakdown), not a label.
        if (!trafficking && r.Tokens.FirstOrDefault(t => t.Means(Concept.Nationals)) is { } nationals)
        {
            return None(r, $"'{nationals.Text}' is a citizenship category, not a linkage label");
        }

        // "Не установлено", "not established": undetermined; only beside trafficking or a link is it "no trafficking found".
        var notFound = negation && (r.Has(Concept.Detected) || r.Has(Concept.Found)) && !trafficking && !r.Has(Concept.Link);
        if (r.Has(Concept.Unknown) || (negation && r.Has(Concept.Known)) || notFound)
        {
            if (total)
            {
                return None(r, "unknown and total together");
            }

            category = LinkageCategory.Unknown;
            rule = "unknown / not known";
        }
        else if (negation)
        {
            if (intern || intl)
            {
                return None(r, "a negation beside internal or international is ambiguous (not trafficked, or trafficked the other way?)");
            }

            if (trafficking || r.Has(Concept.Link) || r.Has(Concept.Found) || (r.Tokens.All(t => t.Means(Concept.Negation)) && r.Tokens.Any(t => t.Text.Length > 1)))
            {
                category = LinkageCategory.NotTrafficked;
                rule = "negation + trafficking";
            }
            else
            {
                return None(r, "a negation of nothing the pipeline knows");
            }
        }
        else if (intern && intl)
        {
            if ((r.Has(Concept.Both) || r.Has(Concept.And)) && !r.Has(Concept.Or))
            {
                category = LinkageCategory.International;
                rule = "both internal and international count as international";
            }
            else
            {
                return None(r, "internal or international: ambiguous");
            }
        }
        else if (total && intern && !trafficking)
        {
            // "TOTAL NACIONAL": the national total, or the total of internal trafficking? Not ours to guess.
            return None(r, "a total beside internal (national total, or internal only?) is ambiguous");
        }
        else if (intern || (r.Has(Concept.Within) && r.Has(Concept.Country)))
        {
            category = LinkageCategory.Internal;
            rule = intern ? "internal" : "within the country";
        }
        else if (intl)
        {
            category = LinkageCategory.International;
            rule = "international";
        }
        else if (total)
        {
            if (trafficking)
            {
                // "total trafficked" may be internal + international, or everything: not ours to guess.
                return None(r, "a total of the trafficked is ambiguous");
            }

            isTotal = true;
            rule = "total";
        }
        else
        {
            return None(r, trafficking || r.Has(Concept.Link) ? "trafficking without saying how" : "no linkage concept");
        }

        var (ok, confidence, why) = Weigh(r);
        if (!ok)
        {
            return None(r, why);
        }

        LinkageLabel label = isTotal ? new(null) : new(category);
        return new LabelReading(label, null, false, confidence, $"{r.Describe()} → {rule}");
    }

    /// <summary>Reads a measure (or another indicator) label from its concepts.</summary>
    public static LabelReading Measure(ConceptReading r)
    {
        ArgumentNullException.ThrowIfNull(r);
        if (r.IsEmpty)
        {
            return None(r, "no word to read");
        }

        // "Niñas", "Boys": one sex of the children is a breakdown part; "No víctima de trata" is a linkage label.
        if (r.Tokens.FirstOrDefault(t => t.How != MatchKind.Typo && (t.Means(Concept.Female) || t.Means(Concept.Male))) is { } sex)
        {
            return None(r, $"'{sex.Text}' names one sex: a part of a breakdown, not a measure");
        }

        if (r.Has(Concept.Negation) && r.Has(Concept.Trafficking))
        {
            return None(r, "a negation of trafficking is a linkage label, not a measure");
        }

        if (r.Tokens.FirstOrDefault(t => t.Concepts.All(OtherIndicator.Contains)) is { } indicator)
        {
            // "Persons prosecuted" is another indicator; "investigations of child sexual abuse material" names the
            // offence investigated, and "children prosecuted" mixes two: only the first is set aside.
            var named = r.Has(Concept.Investigation) || r.Has(Concept.Child) || r.Has(Concept.Victim);
            if (!named)
            {
                return new LabelReading(null, null, true, 0.9, $"{r.Describe()} → another indicator ({ConceptLexicon.NameOf(indicator.Concepts[0])})");
            }

            if (r.Tokens.Any(t => t.Concepts.All(OtherIndicator.Contains) && !t.Concepts.All(c => c == Concept.Offence)))
            {
                return None(r, $"'{indicator.Text}' is about {ConceptLexicon.NameOf(indicator.Concepts[0])} beside a measure: which is counted?");
            }
        }

        // "Investigations of child sexual abuse material": investigations come first and an offence word says what
        // they are about, so "sexual" and "child" describe the offence, not the count.
        var firstMeasureWord = r.Tokens.FirstOrDefault(t => t.Means(Concept.Investigation) || t.Means(Concept.Child) || t.Means(Concept.Victim));
        var investigationOfOffence = firstMeasureWord is not null && firstMeasureWord.Concepts.All(c => c == Concept.Investigation) && r.Has(Concept.Offence);
        if (r.Tokens.FirstOrDefault(t => t.Concepts.All(NotMeasure.Contains) && !(investigationOfOffence && t.Concepts.All(c => c == Concept.Sexual))) is { } other)
        {
            return None(r, $"'{other.Text}' is about {ConceptLexicon.NameOf(other.Concepts[0])}, not a measure");
        }

        var child = r.Has(Concept.Child);
        var victim = r.Has(Concept.Victim);
        var investigation = r.HasOnly(Concept.Investigation) || (r.Has(Concept.Investigation) && !child && !victim);
        Model.Measure measure;
        string rule;
        if (r.Has(Concept.Investigation) && r.Has(Concept.Person) && !investigationOfOffence)
        {
            // "Anzahl (Personen bzw. Verfahren)", "Number of persons or cases": a count of either, so no measure.
            return None(r, "persons and investigations (or cases) together: which is counted?");
        }

        if (investigation && (child || victim))
        {
            // "Investigations of child sexual abuse material": the word that comes first is what is counted, the
            // rest says what about, but only when an offence word says the children are the subject of the offence.
            if (investigationOfOffence)
            {
                var (fine, sure, reason) = Weigh(r);
                return fine
                    ? new LabelReading(null, Model.Measure.Investigations, false, Math.Min(sure, 0.8), $"{r.Describe()} → investigations (of an offence against children)")
                    : None(r, reason);
            }

            return None(r, "investigations and children (or victims) together: which is counted?");
        }

        if (investigation)
        {
            (measure, rule) = (Model.Measure.Investigations, "investigations / cases");
        }
        else if (child)
        {
            (measure, rule) = (Model.Measure.Children, "children / minors");
        }
        else if (victim)
        {
            (measure, rule) = (Model.Measure.Victims, "victims (no age given: all ages)");
        }
        else
        {
            return None(r, "no measure concept");
        }

        var (ok, confidence, why) = Weigh(r);
        return ok ? new LabelReading(null, measure, false, confidence, $"{r.Describe()} → {rule}") : None(r, why);
    }

    /// <summary>
    /// Why a text cannot be a linkage label whatever a model suggests: a word that is about something else
    /// (prosecuted, female, adults, forced labour, nationals), or null when its words leave it open.
    /// </summary>
    internal static string? NotALinkageLabel(ConceptReading r)
    {
        ArgumentNullException.ThrowIfNull(r);
        if (OnlyConcepts(r, NotLinkage) is { } other)
        {
            return $"'{other.Text}' is about {ConceptLexicon.NameOf(other.Concepts[0])}";
        }

        return r.Tokens.FirstOrDefault(t => t.Means(Concept.Nationals) || t.Concepts.All(OtherIndicator.Contains)) is { } t
            ? $"'{t.Text}' is about {ConceptLexicon.NameOf(t.Concepts[0])}"
            : null;
    }

    /// <summary>
    /// Why a text cannot be a measure label whatever a model suggests: another indicator's word (prosecuted,
    /// convicted, suspects) or one sex or adults only; null when its words leave it open.
    /// </summary>
    internal static string? NotAMeasureLabel(ConceptReading r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return r.Tokens.FirstOrDefault(t => t.Concepts.All(c => OtherIndicator.Contains(c) && c != Concept.Offence) || t.Means(Concept.Female) || t.Means(Concept.Male) || t.Concepts.All(c => c is Concept.Adult or Concept.Majority)) is { } t
            ? $"'{t.Text}' is about {ConceptLexicon.NameOf(t.Concepts[0])}"
            : null;
    }

    /// <summary>The first word all of whose meanings are in <paramref name="set"/>: a word that points elsewhere.</summary>
    internal static ConceptToken? OnlyConcepts(ConceptReading r, HashSet<Concept> set) =>
        r.Tokens.FirstOrDefault(t => t.Concepts.All(set.Contains));

    /// <summary>Whether unknown and approximate words leave the reading standing, and how sure it is.</summary>
    internal static (bool Ok, double Confidence, string Why) Weigh(ConceptReading r)
    {
        var meaningful = r.Tokens.Count;
        var unknown = r.Unmatched.Count;
        if (unknown > Math.Max(1, meaningful / 2))
        {
            return (false, 0, $"{unknown} unknown word(s) ({string.Join(", ", r.Unmatched.Select(u => $"'{u}'"))}) beside {meaningful} known one(s)");
        }

        var confidence = 0.97 - (0.12 * unknown) - (0.08 * r.Tokens.Count(t => t.How is MatchKind.Typo or MatchKind.Transliterated));
        return (true, Math.Max(0.5, confidence), string.Empty);
    }

    private static LabelReading None(ConceptReading r, string why) => new(null, null, false, 0, $"{r.Describe()}: {why}");
}
