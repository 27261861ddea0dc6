namespace Rmq.Remoting.Protocol.Headers;

/// <summary>ADD_WRITE_PERM_OF_BROKER (327) response: how many topics were set to RW.</summary>
public sealed record AddWritePermOfBrokerResponseHeader(int AddTopicCount) : ICommandHeader<AddWritePermOfBrokerResponseHeader>
{
    public void Write(IDictionary<string, string> fields) => fields.Put("addTopicCount", AddTopicCount);

    public static AddWritePermOfBrokerResponseHeader Read(HeaderReader fields) => new(fields.RequiredInt("addTopicCount"));
}
