namespace Rmq.Remoting.Transport;

/// <summary>A connection could not be made, or broke while a request waited for its response.</summary>
public sealed class RemotingConnectException : RemotingException
{
    public RemotingConnectException()
    {
    }

    public RemotingConnectException(string message)
        : base(message)
    {
    }

    public RemotingConnectException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
