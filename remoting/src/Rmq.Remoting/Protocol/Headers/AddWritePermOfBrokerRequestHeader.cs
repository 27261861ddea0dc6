namespace Rmq.Remoting.Protocol.Headers;

/// <summary>ADD_WRITE_PERM_OF_BROKER (327) request.</summary>
public sealed record AddWritePermOfBrokerRequestHeader(string BrokerName) : ICommandHeader<AddWritePermOfBrokerRequestHeader>
{
    public void Write(IDictionary<string, string> fields) => fields.Put("brokerName", BrokerName);

    public static AddWritePermOfBrokerRequestHeader Read(HeaderReader fields) => new(fields.RequiredString("brokerName"));
}
