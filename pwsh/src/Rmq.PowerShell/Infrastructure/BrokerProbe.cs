using System.Globalization;
using Rmq.Client.Broker;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.PowerShell.Infrastructure;

/// <summary>
/// Figures read from one broker: its put counter and commit-log max offset from GET_BROKER_RUNTIME_INFO
/// (<c>msgPutTotalTodayNow</c>, <c>commitLogMaxOffset</c>), and, for a broker without runtime info, the sum of
/// the max offsets of its queues (which grows by one per message put) as the put counter.
/// </summary>
internal static class BrokerProbe
{
    public static async Task<IReadOnlyDictionary<string, string>?> RuntimeInfoAsync(BrokerClient client, string address, CancellationToken cancellationToken)
    {
        try
        {
            return await client.GetBrokerRuntimeInfoAsync(address, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException && !RmqErrors.IsUnreachable(e))
        {
            return null;   // answered, but has no runtime info
        }
    }

    public static long? Long(IReadOnlyDictionary<string, string>? runtime, string key) =>
        runtime is not null && runtime.TryGetValue(key, out var text) && long.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>The (topic, queue) pairs the name servers route to <paramref name="brokerName"/>.</summary>
    public static async Task<IReadOnlyList<(string Topic, int QueueId)>> QueuesAsync(IReadOnlyList<string> nameServers, string brokerName, CancellationToken cancellationToken)
    {
        await using var admin = RmqSession.Admin(nameServers);
        var topics = await admin.TopicListAsync(null, cancellationToken).ConfigureAwait(false);
        var routes = await Task.WhenAll(topics.Select(async topic =>
        {
            try
            {
                return (topic, Route: await admin.TopicRouteAsync(topic, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return (topic, Route: (TopicRouteData?)null);
            }
        })).ConfigureAwait(false);
        return routes
            .SelectMany(r => r.Route?.QueueDatas.Where(q => q.BrokerName == brokerName).SelectMany(q => Enumerable.Range(0, Math.Max(q.ReadQueueNums, q.WriteQueueNums)).Select(i => (r.topic, i))) ?? [])
            .ToList();
    }

    /// <summary>The sum of the max offsets of <paramref name="queues"/> on the broker; queues it does not know count 0.</summary>
    public static async Task<long> SumMaxOffsetsAsync(BrokerClient client, string address, IReadOnlyList<(string Topic, int QueueId)> queues, CancellationToken cancellationToken)
    {
        var offsets = await Task.WhenAll(queues.Select(async q =>
        {
            try
            {
                return await client.GetMaxOffsetAsync(address, q.Topic, q.QueueId, cancellationToken).ConfigureAwait(false);
            }
            catch (Rmq.Client.MQClientException)
            {
                return 0L;
            }
        })).ConfigureAwait(false);
        return offsets.Sum();
    }
}
