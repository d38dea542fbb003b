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

    /// <summary>The sex of the persons counted: a breakdown whose total is used (aggregate layouts).</summary>
    Sex,

    /// <summary>The age (or age group, or minor/adult status) of the persons counted: decides the measure.</summary>
    Age,

    /// <summary>The form of exploitation: a breakdown whose total is used.</summary>
    Form,

    /// <summary>Another text breakdown that splits the rows of one State and period: its total is used.</summary>
    Breakdown,

    /// <summary>Names the breakdown a row belongs to (UNODC's <c>Dimension</c>: Total, by citizenship, by form of exploitation…).</summary>
    BreakdownName,

    /// <summary>The row's category within the breakdown that <see cref="BreakdownName"/> names (UNODC's <c>Category</c>).</summary>
    BreakdownValue,

    /// <summary>The unit of measure (SDMX <c>UNIT_MEASURE</c>): counts are used, rates and shares are outside the publication.</summary>
    Unit,

    /// <summary>The power of ten the value is given in (SDMX <c>UNIT_MULT</c>).</summary>
    UnitMultiplier,

    /// <summary>The nature of the data (UN SDG <c>Nature</c>): estimated or modelled values are flagged <c>e</c>.</summary>
    Nature,

    /// <summary>A region of the world (a continent or M49 sub-region) beside the State: not used, the region map decides.</summary>
    Region,

    /// <summary>The source of the data: not used in the figures, named in the source notes.</summary>
    Source,

    /// <summary>A second column naming the reporting State (a name beside a code): checked against the State column.</summary>
    StateName,

    /// <summary>Figures of an indicator that is not one of the pipeline's measures (persons prosecuted…): not read.</summary>
    Outside,
}
