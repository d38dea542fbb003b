namespace Linkage.Model;

/// <summary>The all-States total, <c>OSCE</c>: a region name no region map may take, known to every stage.</summary>
public static class OsceTotal
{
    /// <summary>The name of the all-States total.</summary>
    public const string Name = "OSCE";
}
