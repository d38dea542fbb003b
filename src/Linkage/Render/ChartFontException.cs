namespace Linkage.Render;

/// <summary>No font file usable for chart text was found (without one, charts would render with no text at all).</summary>
public sealed class ChartFontException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public ChartFontException()
        : base("No font file usable for chart text was found; install fonts-dejavu-core (apt-get install -y fonts-dejavu-core).")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ChartFontException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public ChartFontException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
