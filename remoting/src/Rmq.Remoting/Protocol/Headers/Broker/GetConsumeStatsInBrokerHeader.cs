namespace Rmq.Remoting.Protocol.Headers.Broker;

/// <summary>GET_BROKER_CONSUME_STATS (317): <c>isOrder</c> limits the answer to order topics.</summary>
public sealed record GetConsumeStatsInBrokerHeader(bool IsOrder) : ICommandHeader<GetConsumeStatsInBrokerHeader>
{
    public void Write(IDictionary<string, string> fields) => fields.Put("isOrder", IsOrder);

    public static GetConsumeStatsInBrokerHeader Read(HeaderReader fields) => new(fields.OptionalBool("isOrder") ?? false);
}
