using System.Collections.Concurrent;
using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Broker.Client;

/// <summary>The online clients of a consumer group and the subscriptions they registered (RocketMQ ConsumerGroupInfo).</summary>
public sealed class ConsumerGroupInfo(string groupName)
{
    private readonly ConcurrentDictionary<string, ClientChannelInfo> _channels = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SubscriptionData> _subscriptions = new(StringComparer.Ordinal);

    public string GroupName { get; } = groupName;

    public ConsumeType ConsumeType { get; private set; }

    public MessageModel MessageModel { get; private set; }

    public ConsumeFromWhere ConsumeFromWhere { get; private set; }

    public IReadOnlyCollection<ClientChannelInfo> Channels => _channels.Values.ToArray();

    public IReadOnlyDictionary<string, SubscriptionData> Subscriptions => _subscriptions;

    public SubscriptionData? FindSubscriptionData(string topic) => _subscriptions.TryGetValue(topic, out var data) ? data : null;

    public List<string> ClientIds() => _channels.Values.Select(c => c.ClientId).ToList();

    /// <summary>Adds or refreshes a client; true when it is new to the group.</summary>
    public bool UpdateChannel(ClientChannelInfo info, ConsumeType consumeType, MessageModel messageModel, ConsumeFromWhere consumeFromWhere)
    {
        ConsumeType = consumeType;
        MessageModel = messageModel;
        ConsumeFromWhere = consumeFromWhere;
        var added = false;
        _channels.AddOrUpdate(
            info.Channel.Id,
            _ =>
            {
                added = true;
                return info;
            },
            (_, existing) =>
            {
                if (existing.ClientId != info.ClientId)
                {
                    added = true;
                    return info;
                }

                existing.LastUpdateTimestamp = info.LastUpdateTimestamp;
                return existing;
            });
        return added;
    }

    /// <summary>Replaces the subscriptions with what the heartbeat says; true when anything changed.</summary>
    public bool UpdateSubscription(IReadOnlyCollection<SubscriptionData> subscriptions)
    {
        var changed = false;
        foreach (var sub in subscriptions)
        {
            if (!_subscriptions.TryGetValue(sub.Topic, out var old))
            {
                _subscriptions[sub.Topic] = sub;
                changed = true;
            }
            else if (sub.SubVersion > old.SubVersion)
            {
                changed |= old.SubString != sub.SubString || old.ExpressionType != sub.ExpressionType;
                _subscriptions[sub.Topic] = sub;
            }
        }

        foreach (var topic in _subscriptions.Keys)
        {
            if (!subscriptions.Any(s => s.Topic == topic))
            {
                _subscriptions.TryRemove(topic, out _);
                changed = true;
            }
        }

        return changed;
    }

    public bool RemoveChannel(IRemotingChannel channel) => _channels.TryRemove(channel.Id, out _);

    public bool RemoveChannel(string channelId) => _channels.TryRemove(channelId, out _);

    public bool IsEmpty => _channels.IsEmpty;
}
