namespace Rmq.Remoting.Protocol.Headers.Broker;

/// <summary>VIEW_BROKER_STATS_DATA (315): a stats name such as <c>TOPIC_PUT_NUMS</c> and its key (<c>topic</c> or <c>topic@group</c>).</summary>
public sealed record ViewBrokerStatsDataRequestHeader(string StatsName, string StatsKey) : ICommandHeader<ViewBrokerStatsDataRequestHeader>
{
    public void Write(IDictionary<string, string> fields)
    {
        fields.Put("statsName", StatsName);
        fields.Put("statsKey", StatsKey);
    }

    public static ViewBrokerStatsDataRequestHeader Read(HeaderReader fields) =>
        new(fields.RequiredString("statsName"), fields.RequiredString("statsKey"));
}
