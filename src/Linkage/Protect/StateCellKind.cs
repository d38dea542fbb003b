namespace Linkage.Protect;

/// <summary>What one State-year cell of the completeness heat map shows.</summary>
public enum StateCellKind
{
    /// <summary>The State sent no figures for that year (or only missing values).</summary>
    NotReported,

    /// <summary>The State reported a total of 0, so there is no share to show.</summary>
    NoCases,

    /// <summary>The total is below <see cref="StateCompleteness.MinTotal"/>: no class is shown (and not why).</summary>
    Withheld,

    /// <summary>The share with linkage recorded, binned into a 20 % class.</summary>
    Share,
}
