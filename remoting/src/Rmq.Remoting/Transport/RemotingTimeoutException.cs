namespace Rmq.Remoting.Transport;

/// <summary>No response arrived within the timeout.</summary>
public sealed class RemotingTimeoutException : RemotingException
{
    public RemotingTimeoutException()
    {
    }

    public RemotingTimeoutException(string message)
        : base(message)
    {
    }

    public RemotingTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
