using Rmq.Client.Admin.Models;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;
using Rmq.Remoting.Protocol.Headers.Broker;

namespace Rmq.Client.Admin;

/// <summary>mqadmin's queue-level tools: queryCq, cloneGroupOffset, cleanUnusedTopic.</summary>
public sealed partial class AdminClient
{
    /// <summary>
    /// <c>queryCq</c>: QUERY_CONSUME_QUEUE (321) on <paramref name="brokerAddr"/>, else on the address of broker id 0
    /// of the topic route's first broker, as mqadmin picks it.
    /// </summary>
    public async Task<QueryConsumeQueueResponseBody> QueryConsumeQueueAsync(
        string topic, int queueId, long index, int count, string? brokerAddr = null, string? consumerGroup = null, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(brokerAddr))
        {
            var route = await NameServer.GetTopicRouteAsync(topic, cancellationToken).ConfigureAwait(false);
            brokerAddr = route.BrokerDatas.FirstOrDefault()?.BrokerAddrs.GetValueOrDefault(0L)
                ?? throw new MQClientException(ResponseCode.TopicNotExist, "No topic route data!", null);
        }

        var request = RemotingCommand.CreateRequest(RequestCode.QueryConsumeQueue, new QueryConsumeQueueRequestHeader
        {
            Topic = topic, QueueId = queueId, Index = index, Count = count, ConsumerGroup = consumerGroup,
        });
        var response = await _remoting.InvokeAsync(brokerAddr, request, Broker.Timeout, cancellationToken).ConfigureAwait(false);
        if (response.Code != ResponseCode.Success)
        {
            throw MQClientException.FromResponse(response, brokerAddr);
        }

        return response.Body.IsEmpty ? new QueryConsumeQueueResponseBody() : JsonBody.Decode<QueryConsumeQueueResponseBody>(response.Body.Span);
    }

    /// <summary>
    /// <c>cloneGroupOffset</c> as mqadmin runs it: the source group's consume stats (GET_CONSUME_STATS on the brokers of
    /// its %RETRY% route), then UPDATE_CONSUMER_OFFSET of the destination group on each queue's broker. mqadmin copies
    /// every queue the stats list, whatever their topic; this copies the queues of <paramref name="topic"/> only.
    /// Returns the queues copied.
    /// </summary>
    public async Task<int> CloneGroupOffsetAsync(string srcGroup, string destGroup, string topic, CancellationToken cancellationToken = default)
    {
        var progress = await ConsumerProgressAsync(srcGroup, topic, cancellationToken).ConfigureAwait(false);
        var route = await NameServer.GetTopicRouteAsync(topic, cancellationToken).ConfigureAwait(false);
        var copied = 0;
        foreach (var row in progress.Rows.Where(r => r.Topic == topic && r.ConsumerOffset >= 0))
        {
            if (route.BrokerDatas.FirstOrDefault(b => b.BrokerName == row.BrokerName) is { } broker && SelectAddress(broker) is { } address)
            {
                await Broker.UpdateConsumerOffsetAsync(address, destGroup, topic, row.QueueId, row.ConsumerOffset, cancellationToken: cancellationToken).ConfigureAwait(false);
                copied++;
            }
        }

        return copied;
    }

    /// <summary><c>cleanUnusedTopic</c>: CLEAN_UNUSED_TOPIC (316) on one broker or every broker of a cluster (all when both are null).</summary>
    public Task<IReadOnlyList<BrokerOperationResult>> CleanUnusedTopicAsync(string? brokerAddr = null, string? clusterName = null, CancellationToken cancellationToken = default) =>
        OnBrokersAsync(brokerAddr, clusterName, mastersOnly: false, Broker.CleanUnusedTopicAsync, cancellationToken);
}
