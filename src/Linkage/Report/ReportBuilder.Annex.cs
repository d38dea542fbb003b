namespace Linkage.Report;

/// <summary>The report's sections that go into the meeting paper's annex.</summary>
public static partial class ReportBuilder
{
    /// <summary>
    /// The sections of the annex (<c>publish/annex.docx</c>): the title and opening paragraph (threshold, as-of date,
    /// what "c" means), the charts, the regional and trend tables, the reporting States per year (who stands behind
    /// each year's figures) and the methods. Key figures are left to the paper's own text; data quality (submission
    /// file names, reject codes, applied label mappings) is the statistician's, not the meeting's.
    /// </summary>
    public static IReadOnlySet<ReportSection> AnnexSections { get; } = new HashSet<ReportSection>
    {
        ReportSection.Front, ReportSection.Charts, ReportSection.Regional, ReportSection.Trends, ReportSection.ReportingStates, ReportSection.Methods,
    };

    /// <summary>
    /// The report's blocks that belong to the annex (<see cref="AnnexSections"/>), unchanged and in order, so the annex
    /// always says what the report says.
    /// </summary>
    public static IReadOnlyList<ReportBlock> Annex(IReadOnlyList<ReportBlock> report)
    {
        var sections = SectionsOf(report);
        return [.. report.Where((_, i) => AnnexSections.Contains(sections[i]))];
    }

    /// <summary>The section each block belongs to (the last section heading before it, or <see cref="ReportSection.Front"/>).</summary>
    public static IReadOnlyList<ReportSection> SectionsOf(IReadOnlyList<ReportBlock> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var section = ReportSection.Front;
        var sections = new List<ReportSection>(blocks.Count);
        foreach (var block in blocks)
        {
            if (block is Heading { Section: not ReportSection.None } heading)
            {
                section = heading.Section;
            }

            sections.Add(section);
        }

        return sections;
    }
}
