using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol;

namespace Rmq.Broker.Client;

/// <summary>One client connection of a group: the channel, the client id it sent, and when it last beat.</summary>
public sealed class ClientChannelInfo(IRemotingChannel channel, string clientId, LanguageCode language, int version, long lastUpdateTimestamp)
{
    public IRemotingChannel Channel { get; } = channel;

    public string ClientId { get; } = clientId;

    public LanguageCode Language { get; } = language;

    public int Version { get; } = version;

    public long LastUpdateTimestamp { get; set; } = lastUpdateTimestamp;
}
