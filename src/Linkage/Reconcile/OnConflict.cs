namespace Linkage.Reconcile;

/// <summary>What to do when two submissions disagree (<c>--on-conflict</c>).</summary>
public enum OnConflict
{
    /// <summary>Reject both and make the run fail (exit 3).</summary>
    Error,

    /// <summary>The later file in argument/name order (then the later row) wins; the other is recorded as superseded.</summary>
    Latest,
}
