namespace Linkage.Normalise;

/// <summary>Maps status cells to flag letters: our own letters, and SDMX <c>OBS_STATUS</c> and <c>CONF_STATUS</c> codes.</summary>
public static class FlagCodes
{
    /// <summary>Reads an observation status: empty, letters from <c>epbcm</c>, or an SDMX OBS_STATUS code.</summary>
    public static bool TryObservationStatus(string text, out string flag)
    {
        var t = text.Trim();
        flag = string.Empty;
        switch (t)
        {
            case "" or "A":
                return true;
            case "E" or "I":
                flag = "e";
                return true;
            case "P":
                flag = "p";
                return true;
            case "B":
                flag = "b";
                return true;
            case "M" or "L" or "O" or "Q":
                flag = "m";
                return true;
            case "C":
                flag = "c";
                return true;
        }

        var lower = t.ToLowerInvariant();
        if (lower.All(ch => CellValue.FlagOrder.Contains(ch, StringComparison.Ordinal)))
        {
            flag = new string([.. CellValue.FlagOrder.Where(ch => lower.Contains(ch, StringComparison.Ordinal))]);
            return true;
        }

        return false;
    }

    /// <summary>Reads an SDMX CONF_STATUS: F (free) or empty → no flag; C, N, D, S, A (confidential kinds) → <c>c</c>.</summary>
    public static bool TryConfidentiality(string text, out string flag)
    {
        switch (text.Trim().ToUpperInvariant())
        {
            case "" or "F":
                flag = string.Empty;
                return true;
            case "C" or "N" or "D" or "S" or "A":
                flag = "c";
                return true;
            default:
                flag = string.Empty;
                return false;
        }
    }
}
