using Rmq.Remoting.Protocol.Bodies;
using Serilog;

namespace Rmq.NameServer.Routing;

/// <summary>
/// The name server's view of the cluster (RouteInfoManager's semantics): which brokers exist, which
/// are alive, and which topics each broker name serves. Thread-safe; every method takes one lock
/// for a short, allocation-light critical section. Everything handed out is a copy.
/// </summary>
public sealed class RouteTable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Dictionary<string, QueueData>> _topicQueueTable = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BrokerData> _brokerAddrTable = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _clusterAddrTable = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BrokerLiveInfo> _brokerLiveTable = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _filterServerTable = new(StringComparer.Ordinal);
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _log;

    public RouteTable(TimeProvider? timeProvider = null, TimeSpan? brokerChannelExpiredTime = null, ILogger? logger = null)
    {
        _timeProvider = timeProvider ?? TimeProvider.System;
        BrokerChannelExpiredTime = brokerChannelExpiredTime ?? TimeSpan.FromMinutes(2);
        _log = (logger ?? Serilog.Core.Logger.None).ForContext<RouteTable>();
    }

    /// <summary>A broker whose last registration is older than this is removed by <see cref="ScanNotActiveBroker()"/>.</summary>
    public TimeSpan BrokerChannelExpiredTime { get; }

    /// <summary>
    /// Registers (or refreshes) a broker address. The address replaces any other id it was registered
    /// under; topic queue data is rewritten only for the master (id 0), and only on its first
    /// registration or when its DataVersion changed.
    /// </summary>
    public RegisterBrokerResult RegisterBroker(BrokerRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var now = _timeProvider.GetUtcNow();
        var dataVersion = registration.TopicConfig?.DataVersion ?? DataVersion.Zero;
        lock (_lock)
        {
            if (!_clusterAddrTable.TryGetValue(registration.ClusterName, out var brokerNames))
            {
                _clusterAddrTable[registration.ClusterName] = brokerNames = new HashSet<string>(StringComparer.Ordinal);
            }

            brokerNames.Add(registration.BrokerName);

            var registerFirst = false;
            if (!_brokerAddrTable.TryGetValue(registration.BrokerName, out var brokerData))
            {
                registerFirst = true;
                brokerData = new BrokerData { Cluster = registration.ClusterName, BrokerName = registration.BrokerName };
                _brokerAddrTable[registration.BrokerName] = brokerData;
            }

            // The same ip:port has one id only: a slave switched to master first loses its old id.
            foreach (var (id, address) in brokerData.BrokerAddrs.ToArray())
            {
                if (id != registration.BrokerId && address == registration.BrokerAddr)
                {
                    brokerData.BrokerAddrs.Remove(id);
                }
            }

            var oldAddr = brokerData.BrokerAddrs.GetValueOrDefault(registration.BrokerId);
            brokerData.BrokerAddrs[registration.BrokerId] = registration.BrokerAddr;
            registerFirst |= oldAddr is null;
            if (registration.BrokerId == BrokerData.MasterId && oldAddr != registration.BrokerAddr)
            {
                _log.Information("Cluster {ClusterName} broker {BrokerName} master address changed from {OldAddr} to {BrokerAddr}",
                    registration.ClusterName, registration.BrokerName, oldAddr, registration.BrokerAddr);
            }

            if (registration.TopicConfig is { } topics && registration.BrokerId == BrokerData.MasterId &&
                (registerFirst || IsChanged(registration.BrokerAddr, dataVersion)))
            {
                foreach (var config in topics.TopicConfigTable.Values)
                {
                    CreateOrUpdateQueueData(registration.BrokerName, config);
                }
            }

            var previous = _brokerLiveTable.GetValueOrDefault(registration.BrokerAddr);
            _brokerLiveTable[registration.BrokerAddr] = new BrokerLiveInfo(now, dataVersion, registration.HaServerAddr, registration.Channel);
            if (previous is null)
            {
                _log.Information("New broker registered {BrokerAddr} name {BrokerName} id {BrokerId} cluster {ClusterName} HA {HaServerAddr}",
                    registration.BrokerAddr, registration.BrokerName, registration.BrokerId, registration.ClusterName, registration.HaServerAddr);
            }

            if (registration.FilterServerList is { } filterServers)
            {
                if (filterServers.Count == 0)
                {
                    _filterServerTable.Remove(registration.BrokerAddr);
                }
                else
                {
                    _filterServerTable[registration.BrokerAddr] = [.. filterServers];
                }
            }

            if (registration.BrokerId != BrokerData.MasterId &&
                brokerData.MasterAddr is { } masterAddr &&
                _brokerLiveTable.TryGetValue(masterAddr, out var master))
            {
                return new RegisterBrokerResult(masterAddr, master.HaServerAddr);
            }

            return RegisterBrokerResult.Empty;
        }
    }

    /// <summary>Removes one broker address (UNREGISTER_BROKER); the broker name and its topics go when it was the last address.</summary>
    public void UnregisterBroker(string clusterName, string brokerAddr, string brokerName, long brokerId)
    {
        lock (_lock)
        {
            var wasLive = _brokerLiveTable.Remove(brokerAddr);
            _filterServerTable.Remove(brokerAddr);
            var removeBrokerName = false;
            if (_brokerAddrTable.TryGetValue(brokerName, out var brokerData))
            {
                brokerData.BrokerAddrs.Remove(brokerId);
                if (brokerData.BrokerAddrs.Count == 0)
                {
                    _brokerAddrTable.Remove(brokerName);
                    removeBrokerName = true;
                }
            }

            if (removeBrokerName)
            {
                if (_clusterAddrTable.TryGetValue(clusterName, out var names) && names.Remove(brokerName) && names.Count == 0)
                {
                    _clusterAddrTable.Remove(clusterName);
                }

                RemoveTopicsOfBrokerName(brokerName);
            }

            _log.Information("Broker unregistered {BrokerAddr} name {BrokerName} id {BrokerId} cluster {ClusterName}, was live {WasLive}, broker name removed {BrokerNameRemoved}",
                brokerAddr, brokerName, brokerId, clusterName, wasLive, removeBrokerName);
        }
    }

    /// <summary>
    /// The route of a topic, or null when the topic has no queue data or none of its broker names
    /// has an address. <see cref="TopicRouteData.OrderTopicConf"/> is left for the caller.
    /// </summary>
    public TopicRouteData? PickupTopicRouteData(string topic)
    {
        lock (_lock)
        {
            if (!_topicQueueTable.TryGetValue(topic, out var queueDataMap) || queueDataMap.Count == 0)
            {
                return null;
            }

            var route = new TopicRouteData();
            route.QueueDatas.AddRange(queueDataMap.Values.OrderBy(q => q.BrokerName, StringComparer.Ordinal));
            foreach (var brokerName in queueDataMap.Keys.Order(StringComparer.Ordinal))
            {
                if (!_brokerAddrTable.TryGetValue(brokerName, out var brokerData))
                {
                    continue;
                }

                var clone = brokerData.Clone();
                route.BrokerDatas.Add(clone);
                foreach (var address in clone.BrokerAddrs.Values)
                {
                    if (_filterServerTable.TryGetValue(address, out var servers))
                    {
                        route.FilterServerTable[address] = [.. servers];
                    }
                }
            }

            return route.BrokerDatas.Count > 0 ? route : null;
        }
    }

    public ClusterInfo GetClusterInfo()
    {
        lock (_lock)
        {
            var info = new ClusterInfo();
            foreach (var (name, brokerData) in _brokerAddrTable)
            {
                info.BrokerAddrTable[name] = brokerData.Clone();
            }

            foreach (var (cluster, names) in _clusterAddrTable)
            {
                info.ClusterAddrTable[cluster] = new SortedSet<string>(names, StringComparer.Ordinal);
            }

            return info;
        }
    }

    /// <summary>Clears WRITE on every queue data of the broker name; returns how many topics it touched.</summary>
    public int WipeWritePermOfBroker(string brokerName) => UpdatePermOfBroker(brokerName, perm => perm & ~PermName.Write);

    /// <summary>Sets perm to READ|WRITE on every queue data of the broker name; returns how many topics it touched.</summary>
    public int AddWritePermOfBroker(string brokerName) => UpdatePermOfBroker(brokerName, _ => PermName.ReadWrite);

    public TopicList GetAllTopicList()
    {
        lock (_lock)
        {
            return new TopicList { Topics = new SortedSet<string>(_topicQueueTable.Keys, StringComparer.Ordinal) };
        }
    }

    /// <summary>Topics served by any broker name of the cluster (empty for an unknown cluster).</summary>
    public TopicList GetTopicsByCluster(string cluster)
    {
        lock (_lock)
        {
            var list = new TopicList();
            if (_clusterAddrTable.TryGetValue(cluster, out var brokerNames))
            {
                foreach (var (topic, queueDataMap) in _topicQueueTable)
                {
                    if (brokerNames.Any(queueDataMap.ContainsKey))
                    {
                        list.Topics.Add(topic);
                    }
                }
            }

            return list;
        }
    }

    /// <summary>Cluster names and broker names (what RocketMQ calls system topics), with one broker address.</summary>
    public TopicList GetSystemTopicList()
    {
        lock (_lock)
        {
            var list = new TopicList();
            foreach (var (cluster, names) in _clusterAddrTable)
            {
                list.Topics.Add(cluster);
                list.Topics.UnionWith(names);
            }

            list.BrokerAddr = _brokerAddrTable.Values
                .Select(b => b.BrokerAddrs.Values.FirstOrDefault())
                .FirstOrDefault(a => a is not null);
            return list;
        }
    }

    public TopicList GetUnitTopics() => TopicsWhere(flag => TopicSysFlag.HasUnitFlag(flag));

    public TopicList GetHasUnitSubTopicList() => TopicsWhere(flag => TopicSysFlag.HasUnitSubFlag(flag));

    public TopicList GetHasUnitSubUnUnitTopicList() => TopicsWhere(flag => !TopicSysFlag.HasUnitFlag(flag) && TopicSysFlag.HasUnitSubFlag(flag));

    /// <summary>Removes a topic's route entirely.</summary>
    public void DeleteTopic(string topic)
    {
        lock (_lock)
        {
            if (_topicQueueTable.Remove(topic))
            {
                _log.Information("Topic {Topic} deleted", topic);
            }
        }
    }

    /// <summary>Removes a topic's queue data for the broker names of one cluster; the topic goes when none is left.</summary>
    public void DeleteTopic(string topic, string clusterName)
    {
        lock (_lock)
        {
            if (!_clusterAddrTable.TryGetValue(clusterName, out var brokerNames) ||
                !_topicQueueTable.TryGetValue(topic, out var queueDataMap))
            {
                return;
            }

            foreach (var brokerName in brokerNames)
            {
                queueDataMap.Remove(brokerName);
            }

            if (queueDataMap.Count == 0)
            {
                _topicQueueTable.Remove(topic);
            }

            _log.Information("Topic {Topic} deleted from cluster {ClusterName}", topic, clusterName);
        }
    }

    /// <summary>The DataVersion last registered by a broker address, or null when it is not registered.</summary>
    public DataVersion? QueryBrokerTopicConfig(string brokerAddr)
    {
        lock (_lock)
        {
            return _brokerLiveTable.GetValueOrDefault(brokerAddr)?.DataVersion;
        }
    }

    /// <summary>True when the broker is unknown or registered another version.</summary>
    public bool IsBrokerTopicConfigChanged(string brokerAddr, DataVersion dataVersion)
    {
        lock (_lock)
        {
            return IsChanged(brokerAddr, dataVersion);
        }
    }

    /// <summary>
    /// QUERY_DATA_VERSION: compares the broker's version with the stored one and, when unchanged,
    /// refreshes the broker's liveness. Returns whether it changed and the stored version.
    /// </summary>
    public (bool Changed, DataVersion? Stored) QueryDataVersion(string brokerAddr, DataVersion dataVersion)
    {
        lock (_lock)
        {
            var changed = IsChanged(brokerAddr, dataVersion);
            if (!changed && _brokerLiveTable.TryGetValue(brokerAddr, out var live))
            {
                _brokerLiveTable[brokerAddr] = live with { LastUpdate = _timeProvider.GetUtcNow() };
            }

            return (changed, _brokerLiveTable.GetValueOrDefault(brokerAddr)?.DataVersion);
        }
    }

    public BrokerLiveInfo? GetBrokerLiveInfo(string brokerAddr)
    {
        lock (_lock)
        {
            return _brokerLiveTable.GetValueOrDefault(brokerAddr);
        }
    }

    /// <summary>Removes every broker not heard from for longer than <see cref="BrokerChannelExpiredTime"/>.</summary>
    public IReadOnlyList<ExpiredBroker> ScanNotActiveBroker() => ScanNotActiveBroker(_timeProvider.GetUtcNow());

    public IReadOnlyList<ExpiredBroker> ScanNotActiveBroker(DateTimeOffset now)
    {
        List<ExpiredBroker>? expired = null;
        lock (_lock)
        {
            foreach (var (address, live) in _brokerLiveTable)
            {
                if (live.LastUpdate + BrokerChannelExpiredTime < now)
                {
                    (expired ??= []).Add(new ExpiredBroker(address, live.LastUpdate, live.Channel));
                }
            }

            foreach (var broker in expired ?? [])
            {
                _log.Warning("Broker {BrokerAddr} expired: last update {LastUpdate}, older than {ExpiredTime}",
                    broker.BrokerAddr, broker.LastUpdate, BrokerChannelExpiredTime);
                RemoveBrokerAddress(broker.BrokerAddr);
            }
        }

        return expired ?? (IReadOnlyList<ExpiredBroker>)[];
    }

    /// <summary>
    /// A connection closed: removes the broker registered over it (found by <paramref name="channelId"/>,
    /// else by <paramref name="remoteAddress"/> as a broker address) at once.
    /// </summary>
    /// <returns>The broker address removed, or null when the connection was not a broker's.</returns>
    public string? OnChannelDestroy(string? remoteAddress, string? channelId = null)
    {
        lock (_lock)
        {
            string? brokerAddr = null;
            if (channelId is not null)
            {
                brokerAddr = _brokerLiveTable.FirstOrDefault(e => e.Value.ChannelId == channelId).Key;
            }

            brokerAddr ??= remoteAddress;
            if (string.IsNullOrEmpty(brokerAddr) || !IsKnownAddress(brokerAddr))
            {
                return null;
            }

            _log.Information("Channel of broker {BrokerAddr} closed, removing it", brokerAddr);
            RemoveBrokerAddress(brokerAddr);
            return brokerAddr;
        }
    }

    private bool IsKnownAddress(string brokerAddr) =>
        _brokerLiveTable.ContainsKey(brokerAddr) || _brokerAddrTable.Values.Any(b => b.BrokerAddrs.ContainsValue(brokerAddr));

    private void RemoveBrokerAddress(string brokerAddr)
    {
        _brokerLiveTable.Remove(brokerAddr);
        _filterServerTable.Remove(brokerAddr);
        string? brokerNameFound = null;
        var removeBrokerName = false;
        foreach (var (name, brokerData) in _brokerAddrTable)
        {
            var id = brokerData.BrokerAddrs.FirstOrDefault(e => e.Value == brokerAddr);
            if (id.Value is null)
            {
                continue;
            }

            brokerNameFound = name;
            brokerData.BrokerAddrs.Remove(id.Key);
            if (brokerData.BrokerAddrs.Count == 0)
            {
                removeBrokerName = true;
                _brokerAddrTable.Remove(name);
            }

            break;
        }

        if (brokerNameFound is null || !removeBrokerName)
        {
            return;
        }

        foreach (var (cluster, names) in _clusterAddrTable)
        {
            if (names.Remove(brokerNameFound))
            {
                if (names.Count == 0)
                {
                    _clusterAddrTable.Remove(cluster);
                }

                break;
            }
        }

        RemoveTopicsOfBrokerName(brokerNameFound);
        _log.Information("Broker name {BrokerName} removed with its last address {BrokerAddr}", brokerNameFound, brokerAddr);
    }

    private void RemoveTopicsOfBrokerName(string brokerName)
    {
        List<string>? empty = null;
        foreach (var (topic, queueDataMap) in _topicQueueTable)
        {
            if (queueDataMap.Remove(brokerName) && queueDataMap.Count == 0)
            {
                (empty ??= []).Add(topic);
            }
        }

        foreach (var topic in empty ?? [])
        {
            _topicQueueTable.Remove(topic);
        }
    }

    private bool IsChanged(string brokerAddr, DataVersion dataVersion) =>
        !_brokerLiveTable.TryGetValue(brokerAddr, out var live) || live.DataVersion != dataVersion;

    private void CreateOrUpdateQueueData(string brokerName, TopicConfig config)
    {
        var topic = config.TopicName ?? string.Empty;
        var queueData = new QueueData
        {
            BrokerName = brokerName,
            ReadQueueNums = config.ReadQueueNums,
            WriteQueueNums = config.WriteQueueNums,
            Perm = config.Perm,
            TopicSysFlag = config.TopicSysFlag,
        };
        if (!_topicQueueTable.TryGetValue(topic, out var queueDataMap))
        {
            _topicQueueTable[topic] = queueDataMap = new Dictionary<string, QueueData>(StringComparer.Ordinal);
            _log.Information("New topic registered {Topic} {QueueData}", topic, queueData);
        }
        else if (queueDataMap.TryGetValue(brokerName, out var old) && old != queueData)
        {
            _log.Information("Topic changed {Topic} from {OldQueueData} to {QueueData}", topic, old, queueData);
        }

        queueDataMap[brokerName] = queueData;
    }

    private int UpdatePermOfBroker(string brokerName, Func<int, int> update)
    {
        lock (_lock)
        {
            var count = 0;
            foreach (var queueDataMap in _topicQueueTable.Values)
            {
                if (queueDataMap.TryGetValue(brokerName, out var queueData))
                {
                    queueDataMap[brokerName] = queueData with { Perm = update(queueData.Perm) };
                    count++;
                }
            }

            return count;
        }
    }

    private TopicList TopicsWhere(Func<int, bool> sysFlagMatches)
    {
        lock (_lock)
        {
            var list = new TopicList();
            foreach (var (topic, queueDataMap) in _topicQueueTable)
            {
                // RocketMQ looks at one queue data per topic only
                if (queueDataMap.Values.FirstOrDefault() is { } first && sysFlagMatches(first.TopicSysFlag))
                {
                    list.Topics.Add(topic);
                }
            }

            return list;
        }
    }
}
