namespace Linkage.Model;

/// <summary>What a count counts; the measures are never summed together.</summary>
public enum Measure
{
    /// <summary>Child victims identified.</summary>
    Children,

    /// <summary>Investigations or cases.</summary>
    Investigations,

    /// <summary>Victims of all ages, where a source gives no age split (never summed with children).</summary>
    Victims,
}
