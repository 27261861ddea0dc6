namespace Rmq.Remoting.Protocol.Headers;

/// <summary>WIPE_WRITE_PERM_OF_BROKER (205) request.</summary>
public sealed record WipeWritePermOfBrokerRequestHeader(string BrokerName) : ICommandHeader<WipeWritePermOfBrokerRequestHeader>
{
    public void Write(IDictionary<string, string> fields) => fields.Put("brokerName", BrokerName);

    public static WipeWritePermOfBrokerRequestHeader Read(HeaderReader fields) => new(fields.RequiredString("brokerName"));
}
