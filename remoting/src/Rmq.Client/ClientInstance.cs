using System.Collections.Concurrent;
using Rmq.Client.Broker;
using Rmq.Client.NameServer;
using Rmq.Remoting.Protocol.Bodies;
using Rmq.Remoting.Transport;
using Serilog;

namespace Rmq.Client;


/// <summary>
/// The connection and route state one producer or consumer works with (MQClientInstance.java): one
/// transport, the name-server and broker clients over it, the route cache and the broker address table.
/// </summary>
public sealed class ClientInstance : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, TopicRouteData> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SortedDictionary<long, string>> _brokerAddrs = new(StringComparer.Ordinal);
    private readonly ILogger _logger;

    public ClientInstance(ClientConfig config, ILogger? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        Config = config;
        _logger = (logger ?? Serilog.Core.Logger.None).ForContext<ClientInstance>();
        TimeProvider = timeProvider ?? TimeProvider.System;
        ClientId = config.BuildClientId();
        Remoting = new RemotingClient(new RemotingClientOptions(), logger);
        NameServer = new NameServerClient(config.NameServerAddress, Remoting, config.MqClientApiTimeout, logger);
        Broker = new BrokerClient(Remoting, config.MqClientApiTimeout, logger);
    }

    public ClientConfig Config { get; }

    public string ClientId { get; }

    public TimeProvider TimeProvider { get; }

    public RemotingClient Remoting { get; }

    public NameServerClient NameServer { get; }

    public BrokerClient Broker { get; }

    /// <summary>Topics with a cached route.</summary>
    public IReadOnlyCollection<string> RouteTopics => (IReadOnlyCollection<string>)_routes.Keys;

    public TopicRouteData? GetCachedRoute(string topic) => _routes.GetValueOrDefault(topic);

    /// <summary>Fetches the route of <paramref name="topic"/> and caches it with its broker addresses; null when the name server has none.</summary>
    public async Task<TopicRouteData?> UpdateTopicRouteAsync(string topic, CancellationToken cancellationToken = default)
    {
        try
        {
            var route = await NameServer.GetTopicRouteAsync(topic, cancellationToken).ConfigureAwait(false);
            CacheRoute(topic, route);
            return route;
        }
        catch (MQClientException e) when (e.Code == Rmq.Remoting.Protocol.ResponseCode.TopicNotExist)
        {
            _logger.Debug("No route for topic {Topic}", topic);
            return null;
        }
    }

    /// <summary>Caches a route (also used for the TBW102 fallback, cached under the real topic name).</summary>
    public void CacheRoute(string topic, TopicRouteData route)
    {
        ArgumentNullException.ThrowIfNull(route);
        _routes[topic] = route;
        foreach (var broker in route.BrokerDatas)
        {
            _brokerAddrs[broker.BrokerName] = new SortedDictionary<long, string>(broker.BrokerAddrs);
        }
    }

    /// <summary>The master's address of <paramref name="brokerName"/> (findBrokerAddressInPublish).</summary>
    public string? FindBrokerAddressInPublish(string brokerName) =>
        _brokerAddrs.TryGetValue(brokerName, out var addrs) ? addrs.GetValueOrDefault(BrokerData.MasterId) : null;

    /// <summary>
    /// The address of broker id <paramref name="brokerId"/> of <paramref name="brokerName"/>; unless
    /// <paramref name="onlyThisBroker"/>, any address of that name when that id is unknown (findBrokerAddressInSubscribe).
    /// </summary>
    public FindBrokerResult? FindBrokerAddressInSubscribe(string brokerName, long brokerId, bool onlyThisBroker) =>
        _brokerAddrs.TryGetValue(brokerName, out var addrs) ? FindInSubscribe(addrs, brokerId, onlyThisBroker) : null;

    public static FindBrokerResult? FindInSubscribe(SortedDictionary<long, string> addrs, long brokerId, bool onlyThisBroker)
    {
        ArgumentNullException.ThrowIfNull(addrs);
        if (addrs.TryGetValue(brokerId, out var address))
        {
            return new FindBrokerResult(address, brokerId != BrokerData.MasterId);
        }

        if (onlyThisBroker || addrs.Count == 0)
        {
            return null;
        }

        var first = addrs.First();
        return new FindBrokerResult(first.Value, first.Key != BrokerData.MasterId);
    }

    /// <summary>Every known broker address: (brokerName, brokerId, address).</summary>
    public IEnumerable<(string BrokerName, long BrokerId, string Address)> AllBrokerAddresses() =>
        _brokerAddrs.SelectMany(b => b.Value.Select(a => (b.Key, a.Key, a.Value)));

    /// <summary>
    /// HEART_BEAT to every known broker; masters only when <paramref name="heartbeat"/> has no consumer
    /// (sendHeartbeatToAllBroker). Failures are logged, not thrown.
    /// </summary>
    public async Task SendHeartbeatToAllBrokersAsync(HeartbeatData heartbeat, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(heartbeat);
        var producerOnly = heartbeat.ConsumerDataSet.Count == 0;
        var targets = AllBrokerAddresses().Where(b => !producerOnly || b.BrokerId == BrokerData.MasterId).ToList();
        await Task.WhenAll(targets.Select(async target =>
        {
            try
            {
                await Broker.SendHeartbeatAsync(target.Address, heartbeat, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is MQClientException or RemotingException)
            {
                _logger.Warning(e, "Heartbeat to {BrokerName}[{BrokerId}] {Address} failed", target.BrokerName, target.BrokerId, target.Address);
            }
        })).ConfigureAwait(false);
    }

    /// <summary>UNREGISTER_CLIENT to every known broker; failures are logged.</summary>
    public async Task UnregisterClientAsync(string? producerGroup, string? consumerGroup, CancellationToken cancellationToken = default)
    {
        await Task.WhenAll(AllBrokerAddresses().Select(async target =>
        {
            try
            {
                await Broker.UnregisterClientAsync(target.Address, ClientId, producerGroup, consumerGroup, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is MQClientException or RemotingException)
            {
                _logger.Warning(e, "Unregister from {Address} failed", target.Address);
            }
        })).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await NameServer.DisposeAsync().ConfigureAwait(false);
        await Broker.DisposeAsync().ConfigureAwait(false);
        await Remoting.DisposeAsync().ConfigureAwait(false);
    }
}
