using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.NameServer.Routing;

/// <summary>What the route table knows of one registered broker address: when it was last heard from, and over which connection.</summary>
public sealed record BrokerLiveInfo(
    DateTimeOffset LastUpdate,
    DataVersion DataVersion,
    string? HaServerAddr,
    IRemotingChannel? Channel)
{
    public string? ChannelId => Channel?.Id;
}
