namespace Rmq.PowerShell.Infrastructure;

/// <summary>A failure the module itself detects (a target not found, a wait that ran out of time).</summary>
public sealed class RmqException : Exception
{
    public RmqException()
    {
    }

    public RmqException(string message)
        : base(message)
    {
    }

    public RmqException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
