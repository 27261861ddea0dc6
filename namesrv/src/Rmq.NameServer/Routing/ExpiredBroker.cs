using Rmq.Remoting.Processing;

namespace Rmq.NameServer.Routing;

/// <summary>A broker address removed by the liveness scan, with the connection that should be closed.</summary>
public sealed record ExpiredBroker(string BrokerAddr, DateTimeOffset LastUpdate, IRemotingChannel? Channel);
