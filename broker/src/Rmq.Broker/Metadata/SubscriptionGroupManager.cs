using System.Collections.Concurrent;
using Rmq.Broker.Config;
using Rmq.Remoting.Json;
using Rmq.Remoting.Protocol.Bodies;
using Serilog;

namespace Rmq.Broker.Metadata;

/// <summary>Consumer group settings (RocketMQ SubscriptionGroupManager), persisted in <c>config/subscriptionGroup.json</c>.</summary>
public sealed class SubscriptionGroupManager
{
    private static readonly string[] BuiltInGroups =
    [
        "TOOLS_CONSUMER", "FILTERSRV_CONSUMER", "__MONITOR_CONSUMER", "CLIENT_INNER_PRODUCER", "SELF_TEST_C_GROUP",
        "CID_ONS-HTTP-PROXY", "CID_ONSAPI_PULL", "CID_ONSAPI_PERMISSION", "CID_ONSAPI_OWNER", "CID_RMQ_SYS_TRANS",
    ];

    private readonly ConcurrentDictionary<string, SubscriptionGroupConfig> _table = new(StringComparer.Ordinal);
    private readonly Lock _writeLock = new();
    private readonly ConfigFile _file;
    private readonly BrokerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private DataVersion _dataVersion;

    public SubscriptionGroupManager(BrokerOptions options, TimeProvider? timeProvider = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _time = timeProvider ?? TimeProvider.System;
        _log = (logger ?? Serilog.Core.Logger.None).ForContext<SubscriptionGroupManager>();
        _file = new ConfigFile(Path.Combine(options.ConfigDirectory, "subscriptionGroup.json"));
        _dataVersion = DataVersion.Create(_time);
        foreach (var group in BuiltInGroups)
        {
            _table[group] = new SubscriptionGroupConfig { GroupName = group };
        }
    }

    public DataVersion DataVersion => Volatile.Read(ref _dataVersion);

    public string FilePath => _file.Path;

    public void Load()
    {
        var text = _file.ReadText();
        if (text is null)
        {
            return;
        }

        var wrapper = JsonBody.FromJson<SubscriptionGroupWrapper>(text);
        foreach (var (name, config) in wrapper.SubscriptionGroupTable)
        {
            _table[name] = config;
        }

        if (wrapper.DataVersion.Timestamp > 0)
        {
            _dataVersion = wrapper.DataVersion;
        }
    }

    public SubscriptionGroupWrapper BuildWrapper()
    {
        var wrapper = new SubscriptionGroupWrapper { DataVersion = DataVersion };
        foreach (var (name, config) in _table)
        {
            wrapper.SubscriptionGroupTable[name] = config;
        }

        return wrapper;
    }

    /// <summary>A slave's copy of its master's subscription groups, replaced when the master's version differs.</summary>
    public bool ReplaceFromMaster(SubscriptionGroupWrapper master)
    {
        ArgumentNullException.ThrowIfNull(master);
        if (master.DataVersion == DataVersion)
        {
            return false;
        }

        _table.Clear();
        foreach (var (name, config) in master.SubscriptionGroupTable)
        {
            _table[name] = config;
        }

        Volatile.Write(ref _dataVersion, master.DataVersion);
        Persist();
        return true;
    }

    /// <summary>Every subscription group's name, sorted.</summary>
    public IReadOnlyList<string> GroupNames => _table.Keys.Order(StringComparer.Ordinal).ToList();

    public SubscriptionGroupConfig? Select(string group) => _table.TryGetValue(group, out var config) ? config : null;

    /// <summary>The group's config; auto-created with defaults when <c>autoCreateSubscriptionGroup</c> (or a system group).</summary>
    public SubscriptionGroupConfig? FindSubscriptionGroupConfig(string group)
    {
        if (Select(group) is { } config)
        {
            return config;
        }

        if (!_options.Messaging.AutoCreateSubscriptionGroup && !group.StartsWith("CID_RMQ_SYS_", StringComparison.Ordinal))
        {
            return null;
        }

        lock (_writeLock)
        {
            if (Select(group) is { } raced)
            {
                return raced;
            }

            config = new SubscriptionGroupConfig { GroupName = group };
            _table[group] = config;
            _log.Information("Auto create new subscription group {Group}", group);
            BumpAndPersistLocked();
            return config;
        }
    }

    public void UpdateSubscriptionGroupConfig(SubscriptionGroupConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        lock (_writeLock)
        {
            _table[config.GroupName] = config;
            _log.Information("Create or update subscription group {Config}", config);
            BumpAndPersistLocked();
        }
    }

    public bool DeleteSubscriptionGroupConfig(string group)
    {
        lock (_writeLock)
        {
            if (!_table.TryRemove(group, out _))
            {
                return false;
            }

            _log.Information("Delete subscription group {Group}", group);
            BumpAndPersistLocked();
            return true;
        }
    }

    public void Persist()
    {
        lock (_writeLock)
        {
            _file.Write(BuildWrapper().ToJson(FjFormat.Pretty));
        }
    }

    private void BumpAndPersistLocked()
    {
        Volatile.Write(ref _dataVersion, _dataVersion.Next(_time));
        _file.Write(BuildWrapper().ToJson(FjFormat.Pretty));
    }
}
