namespace Rmq.Remoting.Transport;

/// <summary>A transport failure: connect, send, timeout. Protocol errors are <see cref="Protocol.RemotingCommandException"/>.</summary>
public class RemotingException : Exception
{
    public RemotingException()
    {
    }

    public RemotingException(string message)
        : base(message)
    {
    }

    public RemotingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
