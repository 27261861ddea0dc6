namespace Rmq.Remoting.Transport;

/// <summary>The request could not be written to the connection.</summary>
public sealed class RemotingSendRequestException : RemotingException
{
    public RemotingSendRequestException()
    {
    }

    public RemotingSendRequestException(string message)
        : base(message)
    {
    }

    public RemotingSendRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
