using Rmq.Client.Broker;

namespace Rmq.PowerShell.Infrastructure;

/// <summary>
/// Watches one master until nothing is written to it: at least one route-refresh interval has passed (so
/// every producer has re-read the route without write permission) and no message was put for the grace
/// period, and no producer connection of the given groups is left. The cmdlet polls it, once per interval.
/// </summary>
internal sealed class DrainWatcher(IReadOnlyList<string> nameServers, string brokerName, string address, TimeSpan routeRefresh, TimeSpan grace, IReadOnlyList<string> producerGroups)
{
    private readonly DateTime _started = DateTime.UtcNow;
    private IReadOnlyList<(string Topic, int QueueId)>? _queues;
    private long? _lastCounter;
    private DateTime _lastPut = DateTime.UtcNow;

    public TimeSpan Elapsed => DateTime.UtcNow - _started;

    public TimeSpan QuietFor => DateTime.UtcNow - _lastPut;

    public double? PutTps { get; private set; }

    public int? ProducerConnections { get; private set; }

    public string? LastError { get; private set; }

    public bool Drained => Elapsed >= routeRefresh && QuietFor >= grace && (ProducerConnections ?? 0) == 0;

    public async Task PollAsync(CancellationToken cancellationToken)
    {
        await using var client = RmqSession.Broker();
        try
        {
            var runtime = await BrokerProbe.RuntimeInfoAsync(client, address, cancellationToken).ConfigureAwait(false);
            long counter;
            if (BrokerProbe.Long(runtime, "msgPutTotalTodayNow") is { } total)
            {
                counter = total;
                PutTps = runtime!.TryGetValue("putTps", out var tps) && double.TryParse(tps.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture, out var t) ? t : null;
            }
            else
            {
                _queues ??= await BrokerProbe.QueuesAsync(nameServers, brokerName, cancellationToken).ConfigureAwait(false);
                counter = await BrokerProbe.SumMaxOffsetsAsync(client, address, _queues, cancellationToken).ConfigureAwait(false);
            }

            if (_lastCounter != counter)
            {
                if (_lastCounter is not null)
                {
                    _lastPut = DateTime.UtcNow;
                }

                _lastCounter = counter;
            }

            LastError = null;
            ProducerConnections = producerGroups.Count == 0 ? null : await CountProducersAsync(client, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LastError = e.Message;
        }
    }

    /// <summary>Connections of the producer groups on the broker; null when the broker cannot tell (GET_PRODUCER_CONNECTION_LIST not supported).</summary>
    private async Task<int?> CountProducersAsync(BrokerClient client, CancellationToken cancellationToken)
    {
        var count = 0;
        foreach (var group in producerGroups)
        {
            try
            {
                count += (await client.GetProducerConnectionListAsync(address, group, cancellationToken).ConfigureAwait(false)).ConnectionSet.Count;
            }
            catch (Rmq.Client.MQClientException e) when (e.Code == Rmq.Remoting.Protocol.ResponseCode.RequestCodeNotSupported)
            {
                LastError = "the broker does not list producer connections; watching puts only";
                return null;
            }
            catch (Rmq.Client.MQClientException)
            {
                // the group has no connection there
            }
        }

        return count;
    }
}
