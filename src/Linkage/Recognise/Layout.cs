using Linkage.Model;
using Linkage.Problems;

namespace Linkage.Recognise;

/// <summary>The shapes a national submission comes in (design.md "Input layouts").</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "'Long' is the design's name for the layout.")]
public enum Layout
{
    /// <summary>One row per State and period, one column per linkage category, optional total.</summary>
    Wide,

    /// <summary>One row per State, period, linkage label and count.</summary>
    Long,

    /// <summary>SDMX-CSV version 1 (<c>DATAFLOW,…</c>).</summary>
    SdmxV1,

    /// <summary>SDMX-CSV version 2 (<c>STRUCTURE,STRUCTURE_ID,ACTION,…</c>).</summary>
    SdmxV2,

    /// <summary>Anonymised case-level rows, one per child or investigation.</summary>
    Records,
}

/// <summary>Which role one column got, and why (shown by <c>linkage validate</c>).</summary>
/// <param name="Index">0-based column index.</param>
/// <param name="Header">Header text as read.</param>
/// <param name="Role">The role.</param>
/// <param name="Category">For <see cref="ColumnRole.Category"/> columns, the linkage category.</param>
/// <param name="MeasureHint">A measure the header names (e.g. a count column called <c>children</c>).</param>
/// <param name="Reason">Why the column got its role.</param>
public sealed record ColumnAssignment(int Index, string Header, ColumnRole Role, LinkageCategory? Category, Measure? MeasureHint, string Reason)
{
    /// <summary>How sure the decision is (1 for a listed code or a strong header; the values raise or decide a weak one).</summary>
    public double Confidence { get; init; } = 1;

    /// <summary>What the column's first values say (e.g. <c>47/47 values are linkage labels</c>); null when no value was seen.</summary>
    public string? ValueEvidence { get; init; }

    /// <summary>For a State column, the code system its values use (<c>m49</c>), else null.</summary>
    public string? Codes { get; init; }

    /// <summary>For a count column whose header names one part of a breakdown (<c>… - Female</c>), that part: its rows are set aside.</summary>
    public string? Part { get; init; }

    /// <summary>True when the column's values group thousands with a comma (<c>1,757</c>), so <c>17,000</c> is 17000.</summary>
    public bool CommaGroupsThousands { get; init; }
}

/// <summary>The result of recognising a header: the layout, each column's role, and file-level problems.</summary>
/// <param name="Layout">The layout, or null when none could be recognised (then <see cref="Problems"/> says why).</param>
/// <param name="LayoutReason">Why this layout was chosen.</param>
/// <param name="Columns">One assignment per header column.</param>
/// <param name="Problems">File-level problems; an error here means no row of the file can be used.</param>
public sealed record LayoutPlan(Layout? Layout, string LayoutReason, IReadOnlyList<ColumnAssignment> Columns, IReadOnlyList<Problem> Problems)
{
    /// <summary>
    /// True when the State column names at least three countries outside the OSCE in the first rows (a world-wide
    /// publication). Detection only: rows of those countries are still rejected as not-osce-state until the
    /// normaliser sets them aside with their own accounting.
    /// </summary>
    public bool SetAsideOutsideOsce { get; init; }

    /// <summary>True when rows can be normalised with this plan.</summary>
    public bool IsUsable => Layout is not null && Problems.All(p => p.Severity == Severity.Warning);

    // Looked up for every row of a file, so indexed once rather than searched each time.
    private readonly ColumnAssignment?[] _firstByRole = IndexByRole(Columns);

    /// <summary>The first column with a role, if any.</summary>
    public ColumnAssignment? Find(ColumnRole role) => _firstByRole[(int)role];

    private static ColumnAssignment?[] IndexByRole(IReadOnlyList<ColumnAssignment> columns)
    {
        var index = new ColumnAssignment?[Enum.GetValues<ColumnRole>().Length];
        foreach (var c in columns)
        {
            index[(int)c.Role] ??= c;
        }

        return index;
    }

    /// <summary>Canonical name of a layout as used by <c>--layout</c> and in outputs.</summary>
    public static string NameOf(Layout layout) => layout switch
    {
        Recognise.Layout.Wide => "wide",
        Recognise.Layout.Long => "long",
        Recognise.Layout.SdmxV1 => "sdmx-csv-v1",
        Recognise.Layout.SdmxV2 => "sdmx-csv-v2",
        Recognise.Layout.Records => "records",
        _ => throw new ArgumentOutOfRangeException(nameof(layout)),
    };
}
