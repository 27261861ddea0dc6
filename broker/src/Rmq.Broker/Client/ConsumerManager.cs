using System.Collections.Concurrent;
using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol.Bodies;
using Serilog;

namespace Rmq.Broker.Client;

/// <summary>
/// Online consumers per group (RocketMQ ConsumerManager). Tells <see cref="ConsumerIdsChanged"/> when a group's
/// clients or subscriptions change so they can be notified (NOTIFY_CONSUMER_IDS_CHANGED).
/// </summary>
public sealed class ConsumerManager(TimeProvider timeProvider, ILogger? logger = null)
{
    public static readonly TimeSpan ChannelExpired = TimeSpan.FromSeconds(120);

    private readonly ConcurrentDictionary<string, ConsumerGroupInfo> _groups = new(StringComparer.Ordinal);
    private readonly ILogger _log = (logger ?? Serilog.Core.Logger.None).ForContext<ConsumerManager>();

    /// <summary>Group whose client set or subscriptions changed, with its remaining channels.</summary>
    public event Action<string, IReadOnlyCollection<ClientChannelInfo>>? ConsumerIdsChanged;

    public ConsumerGroupInfo? GetConsumerGroupInfo(string group) => _groups.TryGetValue(group, out var info) ? info : null;

    public IReadOnlyCollection<ConsumerGroupInfo> Groups => _groups.Values.ToArray();

    public SubscriptionData? FindSubscriptionData(string group, string topic) => GetConsumerGroupInfo(group)?.FindSubscriptionData(topic);

    public bool RegisterConsumer(string group, ClientChannelInfo client, ConsumerData data, bool notifyConsumerIdsChanged)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(data);
        var info = _groups.GetOrAdd(group, g => new ConsumerGroupInfo(g));
        var r1 = info.UpdateChannel(client, data.ConsumeType, data.MessageModel, data.ConsumeFromWhere);
        var r2 = info.UpdateSubscription(data.SubscriptionDataSet);
        if (r1)
        {
            _log.Information("New consumer connected, group {Group} client {ClientId} {Remote}", group, client.ClientId, client.Channel.RemoteAddress);
        }

        if ((r1 || r2) && notifyConsumerIdsChanged)
        {
            ConsumerIdsChanged?.Invoke(group, info.Channels);
        }

        return r1 || r2;
    }

    public void UnregisterConsumer(string group, IRemotingChannel channel, bool notifyConsumerIdsChanged)
    {
        if (!_groups.TryGetValue(group, out var info) || !info.RemoveChannel(channel))
        {
            return;
        }

        _log.Information("Unregister consumer ok, group {Group} {Remote}", group, channel.RemoteAddress);
        if (info.IsEmpty)
        {
            _groups.TryRemove(group, out _);
        }
        else if (notifyConsumerIdsChanged)
        {
            ConsumerIdsChanged?.Invoke(group, info.Channels);
        }
    }

    /// <summary>Removes a closed or idle channel from every group at once.</summary>
    public void DoChannelCloseEvent(IRemotingChannel channel)
    {
        foreach (var (group, info) in _groups)
        {
            if (info.RemoveChannel(channel))
            {
                _log.Information("Consumer channel {Remote} of group {Group} closed; removed", channel.RemoteAddress, group);
                if (info.IsEmpty)
                {
                    _groups.TryRemove(group, out _);
                }
                else
                {
                    ConsumerIdsChanged?.Invoke(group, info.Channels);
                }
            }
        }
    }

    /// <summary>Drops clients that have not sent a heartbeat for 120 s.</summary>
    public void ScanNotActiveChannel()
    {
        var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var (group, info) in _groups)
        {
            foreach (var client in info.Channels)
            {
                if (now - client.LastUpdateTimestamp > ChannelExpired.TotalMilliseconds)
                {
                    _log.Warning("Consumer {ClientId} {Remote} of group {Group} expired (no heartbeat for {Seconds} s); closing", client.ClientId, client.Channel.RemoteAddress, group, ChannelExpired.TotalSeconds);
                    info.RemoveChannel(client.Channel);
                    _ = client.Channel.CloseAsync();
                }
            }

            if (info.IsEmpty)
            {
                _groups.TryRemove(group, out _);
            }
        }
    }
}
