namespace Rmq.Remoting.Protocol.Headers;

/// <summary>REGISTER_BROKER (103) response: the master's addresses, filled only for a slave whose master is registered.</summary>
public sealed record RegisterBrokerResponseHeader(string? HaServerAddr, string? MasterAddr) : ICommandHeader<RegisterBrokerResponseHeader>
{
    public void Write(IDictionary<string, string> fields)
    {
        fields.Put("haServerAddr", HaServerAddr);
        fields.Put("masterAddr", MasterAddr);
    }

    public static RegisterBrokerResponseHeader Read(HeaderReader fields) =>
        new(fields.OptionalString("haServerAddr"), fields.OptionalString("masterAddr"));
}
