namespace Rmq.Remoting.Json;

/// <summary>Malformed JSON (with the character position where reading stopped) or a value of the wrong type.</summary>
public sealed class FjException : FormatException
{
    public FjException()
    {
    }

    public FjException(string message)
        : base(message)
    {
    }

    public FjException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public FjException(string message, int position)
        : base($"{message} at position {position}")
    {
        Position = position;
    }

    /// <summary>The character index in the input where the problem was found, or -1 when not from parsing.</summary>
    public int Position { get; } = -1;
}
