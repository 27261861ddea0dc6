namespace Rmq.Remoting.Protocol;

/// <summary>A frame or header that cannot be understood: malformed bytes, a missing or bad field.</summary>
public sealed class RemotingCommandException : Exception
{
    public RemotingCommandException()
    {
    }

    public RemotingCommandException(string message)
        : base(message)
    {
    }

    public RemotingCommandException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
