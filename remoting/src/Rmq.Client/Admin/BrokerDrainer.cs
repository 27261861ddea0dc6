using System.Globalization;
using Rmq.Client.Admin.Models;
using Rmq.Client.NameServer;
using Rmq.Remoting.Json;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;
using Rmq.Remoting.Transport;

namespace Rmq.Client.Admin;

/// <summary>
/// <c>drainBroker</c> / <c>undrainBroker</c> / <c>drainStatus</c>: takes a broker out of the write path with evidence
/// instead of a fixed sleep. The drain is recorded as KV <c>RMQ_DRAIN/&lt;brokerName&gt; = epoch millis</c> on every
/// name server (which persists its KV table), so it survives restarts; a broker that re-registers from scratch gets
/// write perm back from its own topic configs, which <see cref="StatusAsync"/> detects and, asked to, wipes again.
/// </summary>
public sealed class BrokerDrainer(AdminClient admin, TimeProvider? timeProvider = null)
{
    /// <summary>The KV namespace of the drain records.</summary>
    public const string KvNamespace = "RMQ_DRAIN";

    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;

    /// <summary>
    /// Records the drain, wipes the write perm on every name server, then looks at the master's put counter every
    /// <see cref="DrainOptions.CheckInterval"/> until no message was put for <see cref="DrainOptions.Grace"/> and at least
    /// <see cref="DrainOptions.RouteRefresh"/> passed since the wipe, or <see cref="DrainOptions.Timeout"/> runs out.
    /// </summary>
    public async Task<DrainResult> DrainAsync(string brokerName, DrainOptions options, IReadOnlyList<string>? producerGroups = null, Func<DrainCheck, Task>? onCheck = null,
        Func<IReadOnlyList<NameServerResult<int>>, Task>? onWiped = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var master = await MasterAddressAsync(brokerName, cancellationToken).ConfigureAwait(false);
        var recorded = await admin.PutKvConfigAsync(KvNamespace, brokerName, _time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
        var wipe = await admin.WipeWritePermAsync(brokerName, cancellationToken).ConfigureAwait(false);
        if (wipe.All(w => !w.Succeeded))
        {
            throw wipe[0].Error!;
        }

        if (onWiped is not null)
        {
            await onWiped(wipe).ConfigureAwait(false);
        }

        var started = _time.GetTimestamp();
        var lastPut = TimeSpan.Zero;
        long? previous = null;
        long puts = 0;
        var checks = new List<DrainCheck>();
        var counter = new PutCounter(admin, master);
        var grownAt = new Dictionary<(string Topic, int QueueId), (TimeSpan At, long MaxOffset)>();
        while (true)
        {
            var elapsed = _time.GetElapsedTime(started);
            DrainCheck check;
            try
            {
                var reading = await counter.ReadAsync(cancellationToken).ConfigureAwait(false);
                long? delta = previous is { } p ? reading.Puts - p : null;
                if (reading.Moved == true)
                {
                    // any signal moving is a write (a negative count delta is the day's counter restarting at midnight)
                    lastPut = elapsed;
                    puts += Math.Max(0, delta ?? 0);
                }

                foreach (var queue in reading.GrownQueues)
                {
                    grownAt[(queue.Topic, queue.QueueId)] = (elapsed, queue.MaxOffset);
                }

                previous = reading.Puts;
                check = new DrainCheck(elapsed, master, reading.PutTps, reading.Puts, delta, elapsed - lastPut, elapsed >= options.RouteRefresh, null, reading.Source);
            }
            catch (Exception e) when (e is MQClientException or RemotingException)
            {
                check = new DrainCheck(elapsed, master, null, null, null, elapsed - lastPut, elapsed >= options.RouteRefresh, e.Message);
            }

            checks.Add(check);
            if (onCheck is not null)
            {
                await onCheck(check).ConfigureAwait(false);
            }

            if (check.Error is null && previous is not null && check.RouteRefreshPassed && check.QuietFor >= options.Grace)
            {
                return new DrainResult(brokerName, master, true, elapsed, wipe, recorded, checks, puts, [], []);
            }

            if (elapsed >= options.Timeout)
            {
                var producers = await ProducersAsync(master, producerGroups, cancellationToken).ConfigureAwait(false);
                IEnumerable<(string Topic, int QueueId, long MaxOffset)> recent = grownAt
                    .Where(g => elapsed - g.Value.At <= options.Grace + options.CheckInterval)
                    .Select(g => (g.Key.Topic, g.Key.QueueId, g.Value.MaxOffset))
                    .ToList();
                if (!recent.Any())
                {
                    // offsets were not read at every check (too many queues): sample them once now
                    var window = options.Grace < TimeSpan.FromSeconds(5) ? options.Grace : TimeSpan.FromSeconds(5);
                    try
                    {
                        recent = await counter.SampleGrownQueuesAsync(window, _time, cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception e) when (e is MQClientException or RemotingException)
                    {
                        // a broker without GET_ALL_TOPIC_CONFIG / GET_MAX_OFFSET: the writers stay unnamed
                    }
                }

                var writers = await RecentWritesAsync(brokerName, recent, cancellationToken).ConfigureAwait(false);
                return new DrainResult(brokerName, master, false, elapsed, wipe, recorded, checks, puts, producers, writers);
            }

            await Task.Delay(options.CheckInterval, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The last message of each queue: who put it (born host as the broker saw the connection, PGROUP when set).</summary>
    private async Task<IReadOnlyList<RecentWrite>> RecentWritesAsync(string brokerName, IEnumerable<(string Topic, int QueueId, long MaxOffset)> queues, CancellationToken cancellationToken)
    {
        var writes = new List<RecentWrite>();
        foreach (var (topic, queueId, maxOffset) in queues.OrderBy(q => q.Topic, StringComparer.Ordinal).ThenBy(q => q.QueueId).Take(32))
        {
            try
            {
                if (await admin.QueryMessageByOffsetAsync(topic, brokerName, queueId, maxOffset - 1, cancellationToken).ConfigureAwait(false) is { } message)
                {
                    writes.Add(new RecentWrite(topic, queueId, message.QueueOffset, message.BornHost.Address + ":" + message.BornHost.Port.ToString(CultureInfo.InvariantCulture),
                        message.Properties.GetValueOrDefault(Messages.MessageConst.ProducerGroup), message.StoreTimestamp, message.MsgId));
                }
            }
            catch (Exception e) when (e is MQClientException or RemotingException)
            {
                // the queue's topic has no route (a system topic): its writers stay unnamed
            }
        }

        return writes;
    }

    /// <summary>ADD_WRITE_PERM_OF_BROKER on every name server, then the drain record removed from each.</summary>
    public async Task<(IReadOnlyList<NameServerResult<int>> Added, IReadOnlyList<NameServerResult<bool>> Unrecorded)> UndrainAsync(string brokerName, CancellationToken cancellationToken = default)
    {
        var added = await admin.AddWritePermAsync(brokerName, cancellationToken).ConfigureAwait(false);
        var unrecorded = added.Any(a => a.Succeeded)
            ? await admin.DeleteKvConfigAsync(KvNamespace, brokerName, cancellationToken).ConfigureAwait(false)
            : [];
        return (added, unrecorded);
    }

    /// <summary>
    /// The recorded drains (<paramref name="brokerName"/> only, when given), each with the number of its queue entries
    /// that the name server lists as writable again; <paramref name="reapply"/> sends the wipe again to every name server
    /// for those that have any.
    /// </summary>
    public async Task<IReadOnlyList<DrainState>> StatusAsync(string? brokerName = null, bool reapply = false, CancellationToken cancellationToken = default)
    {
        IReadOnlyDictionary<string, string> records;
        try
        {
            records = await admin.GetKvListAsync(KvNamespace, cancellationToken).ConfigureAwait(false);
        }
        catch (MQClientException e) when (e.Code == ResponseCode.QueryNotFound)
        {
            records = new Dictionary<string, string>();
        }

        var states = new List<DrainState>();
        foreach (var (name, since) in records.Where(r => brokerName is null || r.Key == brokerName).OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            var writable = await WritableQueuesAsync(name, cancellationToken).ConfigureAwait(false);
            IReadOnlyList<NameServerResult<int>>? reapplied = null;
            if (reapply && writable is not 0)
            {
                reapplied = await admin.WipeWritePermAsync(name, cancellationToken).ConfigureAwait(false);
                writable = await WritableQueuesAsync(name, cancellationToken).ConfigureAwait(false);
            }

            states.Add(new DrainState(name, long.TryParse(since, CultureInfo.InvariantCulture, out var millis) ? millis : 0, writable, reapplied));
        }

        return states;
    }

    /// <summary>Queue entries of the broker's topics (from its master's topic configs) whose route perm allows writes; null when unknown.</summary>
    private async Task<int?> WritableQueuesAsync(string brokerName, CancellationToken cancellationToken)
    {
        string master;
        TopicConfigSerializeWrapper topics;
        try
        {
            master = await MasterAddressAsync(brokerName, cancellationToken).ConfigureAwait(false);
            topics = await admin.Broker.GetAllTopicConfigAsync(master, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is MQClientException or RemotingException)
        {
            return null;
        }

        var writable = 0;
        foreach (var topic in topics.TopicConfigTable.Keys.Where(t => !t.StartsWith('%')).Order(StringComparer.Ordinal).Take(64))
        {
            try
            {
                var route = await admin.NameServer.GetTopicRouteAsync(topic, cancellationToken).ConfigureAwait(false);
                writable += route.QueueDatas.Count(q => q.BrokerName == brokerName && PermName.IsWriteable(q.Perm));
            }
            catch (MQClientException e) when (e.Code == ResponseCode.TopicNotExist)
            {
                // not registered yet
            }
        }

        return writable;
    }

    private async Task<string> MasterAddressAsync(string brokerName, CancellationToken cancellationToken)
    {
        var info = await admin.GetClusterInfoAsync(cancellationToken).ConfigureAwait(false);
        return info.BrokerAddrTable.GetValueOrDefault(brokerName)?.MasterAddr
            ?? throw new MQClientException(ClientErrorCode.BrokerNotExistException, $"The broker[{brokerName}] has no master registered in the name server", null);
    }

    /// <summary>
    /// The producers connected to <paramref name="master"/>: GET_ALL_PRODUCER_INFO (4.9.x) when the broker answers it,
    /// plus GET_PRODUCER_CONNECTION_LIST for each group in <paramref name="producerGroups"/>.
    /// </summary>
    public async Task<IReadOnlyList<ProducerClient>> ProducersAsync(string master, IReadOnlyList<string>? producerGroups, CancellationToken cancellationToken = default)
    {
        var clients = new List<ProducerClient>();
        try
        {
            var response = await admin.Broker.Remoting.InvokeAsync(master, RemotingCommand.CreateRequest(RequestCode.GetAllProducerInfo), admin.Broker.Timeout, cancellationToken).ConfigureAwait(false);
            if (response.Code == ResponseCode.Success && !response.Body.IsEmpty && FjReader.Parse(response.Body.Span) is FjObject body && body.GetObject("data") is { } data)
            {
                foreach (var (key, value) in data)
                {
                    var group = key.GetString() ?? string.Empty;
                    foreach (var item in value.AsArray() ?? [])
                    {
                        if (item is FjObject producer)
                        {
                            clients.Add(new ProducerClient(group, producer.GetString("clientId") ?? string.Empty, producer.GetString("remoteIP") ?? string.Empty, producer.GetString("language") ?? string.Empty, (int)producer.GetInt64("version")));
                        }
                    }
                }
            }
        }
        catch (Exception e) when (e is RemotingException or FjException)
        {
            // an older broker: only the named groups below
        }

        foreach (var group in producerGroups ?? [])
        {
            try
            {
                var connection = await admin.Broker.GetProducerConnectionListAsync(master, group, cancellationToken).ConfigureAwait(false);
                clients.AddRange(connection.ConnectionSet.Select(c => new ProducerClient(group, c.ClientId, c.ClientAddr, c.Language.ToString(), c.Version)));
            }
            catch (MQClientException)
            {
                // the group has no connection on this broker
            }
        }

        return clients.DistinctBy(c => (c.ProducerGroup, c.ClientId)).Where(c => c.ProducerGroup is not (AdminClient.ToolsProducerGroup or Producer.Producer.ClientInnerProducerGroup)).ToList();
    }
}
