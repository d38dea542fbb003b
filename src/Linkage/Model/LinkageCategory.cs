namespace Linkage.Model;

/// <summary>Whether the child or children in a case were trafficked, and how (design.md "Canonical observation").</summary>
public enum LinkageCategory
{
    /// <summary>Trafficked only within the reporting State.</summary>
    Internal,

    /// <summary>Trafficked across a border (into, out of or through the State), or both ways.</summary>
    International,

    /// <summary>Trafficking was examined and not found.</summary>
    NotTrafficked,

    /// <summary>Not recorded or not known.</summary>
    Unknown,
}
