using System.Collections.Concurrent;
using Rmq.Remoting.Processing;
using Serilog;

namespace Rmq.Broker.Client;

/// <summary>Online producers per group (RocketMQ ProducerManager).</summary>
public sealed class ProducerManager(TimeProvider timeProvider, ILogger? logger = null)
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, ClientChannelInfo>> _groups = new(StringComparer.Ordinal);
    private readonly ILogger _log = (logger ?? Serilog.Core.Logger.None).ForContext<ProducerManager>();

    public IReadOnlyDictionary<string, IReadOnlyCollection<ClientChannelInfo>> Groups =>
        _groups.ToDictionary(g => g.Key, g => (IReadOnlyCollection<ClientChannelInfo>)g.Value.Values.ToArray(), StringComparer.Ordinal);

    public void RegisterProducer(string group, ClientChannelInfo client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var channels = _groups.GetOrAdd(group, _ => new ConcurrentDictionary<string, ClientChannelInfo>(StringComparer.Ordinal));
        channels.AddOrUpdate(client.Channel.Id, client, (_, existing) =>
        {
            existing.LastUpdateTimestamp = client.LastUpdateTimestamp;
            return existing;
        });
    }

    public void UnregisterProducer(string group, IRemotingChannel channel)
    {
        if (_groups.TryGetValue(group, out var channels) && channels.TryRemove(channel.Id, out _))
        {
            _log.Information("Unregister producer ok, group {Group} {Remote}", group, channel.RemoteAddress);
            if (channels.IsEmpty)
            {
                _groups.TryRemove(group, out _);
            }
        }
    }

    public void DoChannelCloseEvent(IRemotingChannel channel)
    {
        foreach (var (group, channels) in _groups)
        {
            if (channels.TryRemove(channel.Id, out _) && channels.IsEmpty)
            {
                _groups.TryRemove(group, out _);
            }
        }
    }

    public void ScanNotActiveChannel()
    {
        var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var (group, channels) in _groups)
        {
            foreach (var (id, client) in channels)
            {
                if (now - client.LastUpdateTimestamp > ConsumerManager.ChannelExpired.TotalMilliseconds)
                {
                    _log.Warning("Producer {ClientId} {Remote} of group {Group} expired; closing", client.ClientId, client.Channel.RemoteAddress, group);
                    channels.TryRemove(id, out _);
                    _ = client.Channel.CloseAsync();
                }
            }

            if (channels.IsEmpty)
            {
                _groups.TryRemove(group, out _);
            }
        }
    }
}
