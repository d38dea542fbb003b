namespace Linkage.Model;

/// <summary>The canonical text codes written to outputs for the model's enums.</summary>
public static class Codes
{
    /// <summary>The canonical code of a linkage category (<c>internal</c>, <c>international</c>, <c>not_trafficked</c>, <c>unknown</c>).</summary>
    public static string Of(LinkageCategory linkage) => linkage switch
    {
        LinkageCategory.Internal => "internal",
        LinkageCategory.International => "international",
        LinkageCategory.NotTrafficked => "not_trafficked",
        LinkageCategory.Unknown => "unknown",
        _ => throw new ArgumentOutOfRangeException(nameof(linkage)),
    };

    /// <summary>The canonical code of a measure (<c>children</c>, <c>investigations</c>, <c>victims</c>).</summary>
    public static string Of(Measure measure) => measure switch
    {
        Measure.Children => "children",
        Measure.Investigations => "investigations",
        Measure.Victims => "victims",
        _ => throw new ArgumentOutOfRangeException(nameof(measure)),
    };

    /// <summary>Parses a canonical measure code.</summary>
    public static bool TryParseMeasure(string text, out Measure measure)
    {
        switch (text)
        {
            case "children": measure = Measure.Children; return true;
            case "investigations": measure = Measure.Investigations; return true;
            case "victims": measure = Measure.Victims; return true;
            default: measure = default; return false;
        }
    }
}
