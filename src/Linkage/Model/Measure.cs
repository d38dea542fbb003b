namespace Linkage.Model;

/// <summary>What a count counts; the two measures are never summed together.</summary>
public enum Measure
{
    /// <summary>Child victims identified.</summary>
    Children,

    /// <summary>Investigations or cases.</summary>
    Investigations,
}
