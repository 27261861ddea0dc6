namespace Rmq.Remoting.Protocol.Headers;

/// <summary>WIPE_WRITE_PERM_OF_BROKER (205) response: how many topics lost write permission.</summary>
public sealed record WipeWritePermOfBrokerResponseHeader(int WipeTopicCount) : ICommandHeader<WipeWritePermOfBrokerResponseHeader>
{
    public void Write(IDictionary<string, string> fields) => fields.Put("wipeTopicCount", WipeTopicCount);

    public static WipeWritePermOfBrokerResponseHeader Read(HeaderReader fields) => new(fields.RequiredInt("wipeTopicCount"));
}
