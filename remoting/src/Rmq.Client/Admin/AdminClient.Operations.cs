using System.Diagnostics;
using Rmq.Client.Admin.Models;
using Rmq.Client.Broker;
using Rmq.Client.Consumer;
using Rmq.Client.Messages;
using Rmq.Client.Producer;
using Rmq.Client.Protocol;
using Rmq.Remoting.Json;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;
using Rmq.Remoting.Protocol.Headers.Broker;
using Rmq.Remoting.Transport;

namespace Rmq.Client.Admin;

/// <summary>The mqadmin operations added for <c>rmq admin</c>: topic/cluster views, stats, perms, sends and pulls.</summary>
public sealed partial class AdminClient
{
    /// <summary>mqadmin's producer group for sendMessage / clusterRT.</summary>
    public const string ToolsProducerGroup = "TOOLS_PRODUCER";

    /// <summary>
    /// <c>topicList -c</c>: every topic but %RETRY%/%DLQ% ones, the cluster of its first broker and each group
    /// that consumes it (QUERY_TOPIC_CONSUME_BY_WHO on the first broker of its route; an empty group if none).
    /// </summary>
    public async Task<IReadOnlyList<TopicConsumerRow>> TopicListWithConsumersAsync(CancellationToken cancellationToken = default)
    {
        var info = await NameServer.GetBrokerClusterInfoAsync(cancellationToken).ConfigureAwait(false);
        var topics = await NameServer.GetAllTopicListAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<TopicConsumerRow>();
        foreach (var topic in topics.Topics)
        {
            if (topic.StartsWith("%RETRY%", StringComparison.Ordinal) || topic.StartsWith("%DLQ%", StringComparison.Ordinal))
            {
                continue;
            }

            TopicRouteData route;
            try
            {
                route = await NameServer.GetTopicRouteAsync(topic, cancellationToken).ConfigureAwait(false);
            }
            catch (MQClientException e) when (e.Code == ResponseCode.TopicNotExist)
            {
                continue;
            }

            var first = route.BrokerDatas.FirstOrDefault();
            var cluster = first is null ? string.Empty : info.ClusterAddrTable.FirstOrDefault(c => c.Value.Contains(first.BrokerName)).Key ?? first.Cluster ?? string.Empty;
            IReadOnlyList<string> groups = [];
            if (first is not null && SelectAddress(first) is { } address)
            {
                try
                {
                    groups = await TopicConsumersAsync(address, topic, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is MQClientException or RemotingException)
                {
                    _logger.Debug(e, "QUERY_TOPIC_CONSUME_BY_WHO {Topic} on {Address} failed", topic, address);
                }
            }

            rows.AddRange(groups.Count == 0 ? [new TopicConsumerRow(cluster, topic, string.Empty)] : groups.Select(g => new TopicConsumerRow(cluster, topic, g)));
        }

        return rows;
    }

    /// <summary><c>topicClusterList</c>: the clusters whose brokers serve <paramref name="topic"/>.</summary>
    public async Task<IReadOnlyList<string>> TopicClusterListAsync(string topic, CancellationToken cancellationToken = default)
    {
        var route = await NameServer.GetTopicRouteAsync(topic, cancellationToken).ConfigureAwait(false);
        var info = await NameServer.GetBrokerClusterInfoAsync(cancellationToken).ConfigureAwait(false);
        return route.BrokerDatas
            .Select(b => info.ClusterAddrTable.FirstOrDefault(c => c.Value.Contains(b.BrokerName)).Key ?? b.Cluster)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// <c>updateTopicPerm</c> on one master (<paramref name="brokerAddr"/>) or every master of a cluster that holds the topic:
    /// re-creates the topic with <paramref name="perm"/>, queue counts from the route; a master whose perm already is
    /// <paramref name="perm"/> is reported unchanged and left alone.
    /// </summary>
    public async Task<IReadOnlyList<TopicPermChange>> UpdateTopicPermAsync(string topic, int perm, string? brokerAddr, string? clusterName, CancellationToken cancellationToken = default)
    {
        var route = await NameServer.GetTopicRouteAsync(topic, cancellationToken).ConfigureAwait(false);
        var targets = await ResolveBrokersAsync(brokerAddr, clusterName, mastersOnly: true, cancellationToken).ConfigureAwait(false);
        var changes = new List<TopicPermChange>();
        foreach (var (brokerName, address) in targets)
        {
            var queueData = route.QueueDatas.FirstOrDefault(q => q.BrokerName == brokerName);
            if (queueData is null)
            {
                if (brokerAddr is not null)
                {
                    throw new MQClientException(ResponseCode.TopicNotExist, $"topic {topic} not exist in broker {address}", address);
                }

                continue;
            }

            if (queueData.Perm == perm)
            {
                changes.Add(new TopicPermChange(brokerName, address, perm, perm, true));
                continue;
            }

            var config = new TopicConfig
            {
                TopicName = topic,
                ReadQueueNums = queueData.ReadQueueNums,
                WriteQueueNums = queueData.WriteQueueNums,
                Perm = perm,
                TopicSysFlag = queueData.TopicSysFlag,
            };
            var result = await OnBrokerAsync(brokerName, address, ct => Broker.CreateTopicAsync(address, config, cancellationToken: ct), cancellationToken).ConfigureAwait(false);
            changes.Add(new TopicPermChange(brokerName, address, queueData.Perm, perm, result.Succeeded, result.Code, result.Error));
        }

        return changes;
    }

    /// <summary>
    /// <c>statsAll</c>: per topic (not %RETRY%/%DLQ%) and consuming group, lag and rates from VIEW_BROKER_STATS_DATA
    /// (TOPIC_PUT_NUMS, GROUP_GET_NUMS) on every master; rates are 0 where a broker does not keep them.
    /// </summary>
    public async Task<IReadOnlyList<TopicGroupStats>> StatsAllAsync(string? topic = null, bool activeOnly = false, CancellationToken cancellationToken = default)
    {
        IEnumerable<string> topics = topic is not null ? [topic] : (await NameServer.GetAllTopicListAsync(cancellationToken).ConfigureAwait(false)).Topics;
        var rows = new List<TopicGroupStats>();
        foreach (var name in topics)
        {
            if (name.StartsWith("%RETRY%", StringComparison.Ordinal) || name.StartsWith("%DLQ%", StringComparison.Ordinal))
            {
                continue;
            }

            TopicRouteData route;
            try
            {
                route = await NameServer.GetTopicRouteAsync(name, cancellationToken).ConfigureAwait(false);
            }
            catch (MQClientException e) when (e.Code == ResponseCode.TopicNotExist && topic is null)
            {
                continue;
            }

            var masters = route.BrokerDatas.Select(b => b.MasterAddr).OfType<string>().ToList();
            var groups = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var master in masters.Take(1))
            {
                try
                {
                    groups.UnionWith(await TopicConsumersAsync(master, name, cancellationToken).ConfigureAwait(false));
                }
                catch (Exception e) when (e is MQClientException or RemotingException)
                {
                    _logger.Debug(e, "QUERY_TOPIC_CONSUME_BY_WHO {Topic} failed", name);
                }
            }

            var (inTps, inToday) = await SumStatsAsync(masters, "TOPIC_PUT_NUMS", name, cancellationToken).ConfigureAwait(false);
            if (groups.Count == 0)
            {
                if (!activeOnly || inToday > 0)
                {
                    rows.Add(new TopicGroupStats(name, null, 0, inTps, 0, inToday, 0));
                }

                continue;
            }

            foreach (var group in groups)
            {
                var (outTps, outToday) = await SumStatsAsync(masters, "GROUP_GET_NUMS", name + "@" + group, cancellationToken).ConfigureAwait(false);
                long accumulation = 0;
                foreach (var master in masters)
                {
                    try
                    {
                        accumulation += (await ConsumeStatsAsync(master, group, name, cancellationToken).ConfigureAwait(false)).TotalDiff;
                    }
                    catch (Exception e) when (e is MQClientException or RemotingException)
                    {
                        _logger.Debug(e, "GET_CONSUME_STATS {Group} {Topic} on {Address} failed", group, name, master);
                    }
                }

                if (!activeOnly || inToday > 0 || outToday > 0)
                {
                    rows.Add(new TopicGroupStats(name, group, Math.Max(0, accumulation), inTps, outTps, inToday, outToday));
                }
            }
        }

        return rows;
    }

    /// <summary>VIEW_BROKER_STATS_DATA (315): the minute TPS and the 24-hour count of one stats item, or null when the broker keeps none.</summary>
    public async Task<(double MinuteTps, long DaySum)?> ViewBrokerStatsDataAsync(string brokerAddr, string statsName, string statsKey, CancellationToken cancellationToken = default)
    {
        var request = RemotingCommand.CreateRequest(RequestCode.ViewBrokerStatsData).WithExtField("statsName", statsName).WithExtField("statsKey", statsKey);
        var response = await _remoting.InvokeAsync(brokerAddr, request, Broker.Timeout, cancellationToken).ConfigureAwait(false);
        if (response.Code != ResponseCode.Success || response.Body.IsEmpty || FjReader.Parse(response.Body.Span) is not FjObject body)
        {
            return null;
        }

        long Sum(string item) => body.GetObject(item)?.GetInt64("sum") ?? 0;
        var day = Sum("statsDay");
        var sum = day != 0 ? day : Sum("statsHour") != 0 ? Sum("statsHour") : Sum("statsMinute");
        return (body.GetObject("statsMinute")?.GetDouble("tps") ?? 0, sum);
    }

    private async Task<(double Tps, long Today)> SumStatsAsync(IEnumerable<string> masters, string statsName, string statsKey, CancellationToken cancellationToken)
    {
        double tps = 0;
        long today = 0;
        foreach (var master in masters)
        {
            try
            {
                if (await ViewBrokerStatsDataAsync(master, statsName, statsKey, cancellationToken).ConfigureAwait(false) is { } stats)
                {
                    tps += stats.MinuteTps;
                    today += stats.DaySum;
                }
            }
            catch (Exception e) when (e is MQClientException or RemotingException or FjException)
            {
                _logger.Debug(e, "VIEW_BROKER_STATS_DATA {Name} {Key} on {Address} failed", statsName, statsKey, master);
            }
        }

        return (tps, today);
    }

    /// <summary>
    /// <c>brokerConsumeStats</c>: every subscription group of one broker with its per-queue progress on it, from
    /// GET_BROKER_CONSUME_STATS (317) as mqadmin asks (only order topics when <paramref name="isOrder"/>); a broker that
    /// does not serve 317 is asked GET_ALL_SUBSCRIPTIONGROUP_CONFIG then GET_CONSUME_STATS per group.
    /// </summary>
    public async Task<IReadOnlyList<BrokerConsumeStatsRow>> BrokerConsumeStatsAsync(string brokerAddr, bool isOrder = false, CancellationToken cancellationToken = default)
    {
        var request = RemotingCommand.CreateRequest(RequestCode.GetBrokerConsumeStats, new GetConsumeStatsInBrokerHeader(isOrder));
        var response = await _remoting.InvokeAsync(brokerAddr, request, Broker.Timeout, cancellationToken).ConfigureAwait(false);
        if (response.Code == ResponseCode.Success)
        {
            var list = JsonBody.Decode<ConsumeStatsList>(response.Body.Span);
            return list.ConsumeStatsListItems
                .SelectMany(g => g.Value.SelectMany(stats => stats.OffsetTable.Select(e => new BrokerConsumeStatsRow(
                    e.Key.Topic, g.Key, e.Key.BrokerName, e.Key.QueueId, e.Value.BrokerOffset, e.Value.ConsumerOffset, e.Value.BrokerOffset - e.Value.ConsumerOffset, e.Value.LastTimestamp))))
                .ToList();
        }

        if (response.Code != ResponseCode.RequestCodeNotSupported)
        {
            throw MQClientException.FromResponse(response, brokerAddr);
        }

        _logger.Debug("GET_BROKER_CONSUME_STATS not supported by {Address}; asking per group", brokerAddr);
        var groups = await Broker.GetAllSubscriptionGroupAsync(brokerAddr, cancellationToken).ConfigureAwait(false);
        var rows = new List<BrokerConsumeStatsRow>();
        foreach (var group in groups.SubscriptionGroupTable.Keys)
        {
            ConsumeStats stats;
            try
            {
                stats = await ConsumeStatsAsync(brokerAddr, group, null, cancellationToken).ConfigureAwait(false);
            }
            catch (MQClientException e)
            {
                _logger.Debug(e, "GET_CONSUME_STATS {Group} on {Address} failed", group, brokerAddr);
                continue;
            }

            rows.AddRange(stats.OffsetTable.Select(e => new BrokerConsumeStatsRow(
                e.Key.Topic, group, e.Key.BrokerName, e.Key.QueueId, e.Value.BrokerOffset, e.Value.ConsumerOffset, e.Value.BrokerOffset - e.Value.ConsumerOffset, e.Value.LastTimestamp)));
        }

        return rows;
    }

    /// <summary>
    /// <c>sendMessage</c>: one message through a short-lived producer, to <paramref name="brokerName"/>'s queue
    /// <paramref name="queueId"/> when both are given, else wherever the producer's queue selection puts it.
    /// </summary>
    public async Task<SendResult> SendMessageAsync(Message message, string? brokerName = null, int? queueId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var producer = await StartToolsProducerAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return brokerName is not null && queueId is not null
                ? await producer.SendAsync(message, new MessageQueue(message.Topic, brokerName, queueId.Value), cancellationToken: cancellationToken).ConfigureAwait(false)
                : await producer.SendAsync(message, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await DisposeBoundedAsync(producer, _logger).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// <c>clusterRT</c>: <paramref name="amount"/> sends of <paramref name="size"/> bytes to each broker's own topic
    /// (its broker name), timing every send but the first, for every broker of <paramref name="clusterName"/> (or of all clusters).
    /// </summary>
    public async Task<IReadOnlyList<ClusterRtRow>> ClusterRtAsync(int amount = 100, int size = 128, string? clusterName = null, CancellationToken cancellationToken = default)
    {
        var info = await NameServer.GetBrokerClusterInfoAsync(cancellationToken).ConfigureAwait(false);
        if (clusterName is not null && !info.ClusterAddrTable.ContainsKey(clusterName))
        {
            throw new MQClientException($"cluster [{clusterName}] not exist");
        }

        var producer = await StartToolsProducerAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await MeasureRtAsync(producer, info, amount, size, clusterName, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await DisposeBoundedAsync(producer, _logger).ConfigureAwait(false);
        }
    }

    private static async Task<IReadOnlyList<ClusterRtRow>> MeasureRtAsync(Producer.Producer producer, ClusterInfo info, int amount, int size, string? clusterName, CancellationToken cancellationToken)
    {
        var body = new byte[size];
        Array.Fill(body, (byte)'a');
        var rows = new List<ClusterRtRow>();
        foreach (var (cluster, brokerNames) in info.ClusterAddrTable.Where(c => clusterName is null || c.Key == clusterName).OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            foreach (var brokerName in brokerNames)
            {
                int success = 0, fail = 0;
                double elapsed = 0;
                for (var i = 0; i < amount; i++)
                {
                    var started = Stopwatch.GetTimestamp();
                    try
                    {
                        await producer.SendAsync(new Message(brokerName, body), cancellationToken: cancellationToken).ConfigureAwait(false);
                        success++;
                    }
                    catch (Exception e) when (e is MQClientException or RemotingException)
                    {
                        fail++;
                    }

                    if (i != 0)
                    {
                        elapsed += Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    }
                }

                rows.Add(new ClusterRtRow(cluster, brokerName, amount > 1 ? elapsed / (amount - 1) : 0, success, fail));
            }
        }

        return rows;
    }

    /// <summary>
    /// <c>consumeMessage</c> / <c>printMsg</c>: the messages of one queue (<paramref name="queue"/>) or of every queue of
    /// <paramref name="topic"/>, from <paramref name="offset"/> or <paramref name="beginTimestamp"/> (else the min offset) up to
    /// <paramref name="endTimestamp"/> (else the max offset), at most <paramref name="maxCount"/> per queue when given. Pulls as <paramref name="consumerGroup"/>.
    /// </summary>
    public async Task<IReadOnlyList<QueueMessages>> PullMessagesAsync(
        string topic, MessageQueue? queue = null, long? offset = null, long? beginTimestamp = null, long? endTimestamp = null, long? maxCount = null,
        string subExpression = "*", string consumerGroup = ToolsConsumerGroup, CancellationToken cancellationToken = default)
    {
        var consumer = new PullConsumer(new PullConsumerOptions
        {
            ConsumerGroup = consumerGroup,
            NameServerAddress = string.Join(';', NameServer.Addresses),
            InstanceName = "rmq-admin-" + Environment.ProcessId + "-" + Environment.TickCount64,
        });
        try
        {
            return await PullQueuesAsync(consumer, topic, queue, offset, beginTimestamp, endTimestamp, maxCount, subExpression, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await DisposeBoundedAsync(consumer, _logger).ConfigureAwait(false);
        }
    }

    private static async Task<IReadOnlyList<QueueMessages>> PullQueuesAsync(
        PullConsumer consumer, string topic, MessageQueue? queue, long? offset, long? beginTimestamp, long? endTimestamp, long? maxCount, string subExpression, CancellationToken cancellationToken)
    {
        await consumer.StartAsync(cancellationToken).ConfigureAwait(false);
        var queues = queue is not null ? [queue] : (await consumer.FetchSubscribeMessageQueuesAsync(topic, cancellationToken).ConfigureAwait(false)).Order().ToList();
        var result = new List<QueueMessages>();
        foreach (var mq in queues)
        {
            var min = await consumer.MinOffsetAsync(mq, cancellationToken).ConfigureAwait(false);
            var max = await consumer.MaxOffsetAsync(mq, cancellationToken).ConfigureAwait(false);
            if (beginTimestamp is { } begin)
            {
                min = await consumer.SearchOffsetAsync(mq, DateTimeOffset.FromUnixTimeMilliseconds(begin), cancellationToken).ConfigureAwait(false);
            }

            if (endTimestamp is { } end)
            {
                max = await consumer.SearchOffsetAsync(mq, DateTimeOffset.FromUnixTimeMilliseconds(end), cancellationToken).ConfigureAwait(false);
            }

            if (offset is { } from)
            {
                min = Math.Max(min, from);
            }

            if (maxCount is { } count && max - min > count)
            {
                max = min + count;
            }

            var messages = new List<MessageExt>();
            var next = min;
            var status = PullStatus.NO_NEW_MSG;
            while (next < max)
            {
                var pulled = await consumer.PullAsync(mq, subExpression, next, (int)Math.Min(32, max - next), cancellationToken).ConfigureAwait(false);
                status = pulled.PullStatus;
                messages.AddRange(pulled.Messages.Where(m => m.QueueOffset < max));
                if (pulled.PullStatus is not (PullStatus.FOUND or PullStatus.NO_MATCHED_MSG) || pulled.NextBeginOffset <= next)
                {
                    break;
                }

                next = pulled.NextBeginOffset;
            }

            result.Add(new QueueMessages(mq, min, max, status, messages));
        }

        return result;
    }

    private async Task<Producer.Producer> StartToolsProducerAsync(CancellationToken cancellationToken)
    {
        var producer = new Producer.Producer(new ProducerOptions
        {
            ProducerGroup = ToolsProducerGroup,
            NameServerAddress = string.Join(';', NameServer.Addresses),
            InstanceName = "rmq-admin-" + Environment.ProcessId + "-" + Environment.TickCount64,
            RetryTimesWhenSendFailed = 0,
        });
        try
        {
            await producer.StartAsync(cancellationToken).ConfigureAwait(false);
            return producer;
        }
        catch
        {
            await producer.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
