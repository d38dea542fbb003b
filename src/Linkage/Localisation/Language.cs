namespace Linkage.Localisation;

/// <summary>The language of the charts and the report: the six OSCE working languages.</summary>
public enum Language
{
    /// <summary>English (the default).</summary>
    En,

    /// <summary>French.</summary>
    Fr,

    /// <summary>German.</summary>
    De,

    /// <summary>Italian.</summary>
    It,

    /// <summary>Russian.</summary>
    Ru,

    /// <summary>Spanish.</summary>
    Es,
}
