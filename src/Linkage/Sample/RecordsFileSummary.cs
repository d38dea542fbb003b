namespace Linkage.Sample;

/// <summary>
/// What <see cref="SampleGenerator.WriteRecordsFile"/> wrote: the row count, the rows made bad on purpose (each with
/// exactly one defect) and, over the good rows, the linkage the pipeline should derive for them.
/// </summary>
/// <param name="Rows">Data rows written (the header is not a row).</param>
/// <param name="Bytes">Bytes written, header included; 0 when written to a <see cref="TextWriter"/>.</param>
/// <param name="BadState">Rows whose reporting State is a country that is not an OSCE participating State: set aside
/// (outside the publication), not rejected.</param>
/// <param name="BadDate">Rows whose date is not a calendar date.</param>
/// <param name="BadCountry">Rows whose citizenship or country of exploitation names no country.</param>
/// <param name="Internal">Good rows whose citizenship and country of exploitation are the same country.</param>
/// <param name="International">Good rows whose citizenship and country of exploitation differ.</param>
/// <param name="Unknown">Good rows with citizenship or country of exploitation missing.</param>
/// <param name="Groups">Distinct State × year × linkage among the good rows: the observations they aggregate to.</param>
public sealed record RecordsFileSummary(
    long Rows,
    long Bytes,
    long BadState,
    long BadDate,
    long BadCountry,
    long Internal,
    long International,
    long Unknown,
    int Groups)
{
    /// <summary>Rows the pipeline must reject: one reject each.</summary>
    public long BadRows => BadDate + BadCountry;

    /// <summary>Rows the pipeline must accept.</summary>
    public long GoodRows => Rows - BadRows - BadState;
}
