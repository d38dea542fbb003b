namespace Linkage.Recognise;

/// <summary>The role a column plays in a submission.</summary>
public enum ColumnRole
{
    /// <summary>Not recognised: rows with a value in it are rejected until the user names it in <c>--config</c>.</summary>
    Unrecognised,

    /// <summary>Carries nothing the pipeline uses (SDMX bookkeeping, comments); skipped.</summary>
    Ignore,

    /// <summary>The reporting State.</summary>
    State,

    /// <summary>A subnational area.</summary>
    Area,

    /// <summary>The period (<c>YYYY</c>, <c>YYYY-Qn</c>, <c>YYYY-MM</c>).</summary>
    Period,

    /// <summary>A quarter number that refines the period column.</summary>
    Quarter,

    /// <summary>A month number that refines the period column.</summary>
    Month,

    /// <summary>A case date (records layout).</summary>
    Date,

    /// <summary>The measure (children or investigations).</summary>
    Measure,

    /// <summary>A column whose values are linkage labels (long and records layouts).</summary>
    Linkage,

    /// <summary>The count (long and SDMX layouts).</summary>
    Count,

    /// <summary>An observation status flag (e.g. SDMX <c>OBS_STATUS</c>).</summary>
    Flag,

    /// <summary>A confidentiality status (SDMX <c>CONF_STATUS</c>).</summary>
    Confidentiality,

    /// <summary>The total over all linkage categories (wide layout).</summary>
    Total,

    /// <summary>One linkage category's count (wide layout).</summary>
    Category,

    /// <summary>Country of origin or citizenship (records layout).</summary>
    Origin,

    /// <summary>Country of exploitation (records layout).</summary>
    Exploitation,
}
