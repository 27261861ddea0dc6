using System.Collections.Concurrent;
using Rmq.Broker.Config;
using Rmq.Remoting.Json;
using Rmq.Remoting.Protocol.Bodies;
using Serilog;

namespace Rmq.Broker.Metadata;

/// <summary>
/// The broker's topic table (RocketMQ TopicConfigManager), persisted in <c>config/topics.json</c>. Every
/// change bumps the <see cref="DataVersion"/>, persists and raises <see cref="Changed"/> (which re-registers).
/// </summary>
public sealed class TopicConfigManager
{
    private readonly ConcurrentDictionary<string, TopicConfig> _table = new(StringComparer.Ordinal);
    private readonly Lock _writeLock = new();
    private readonly ConfigFile _file;
    private readonly BrokerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private DataVersion _dataVersion;

    public TopicConfigManager(BrokerOptions options, TimeProvider? timeProvider = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _time = timeProvider ?? TimeProvider.System;
        _log = (logger ?? Serilog.Core.Logger.None).ForContext<TopicConfigManager>();
        _file = new ConfigFile(Path.Combine(options.ConfigDirectory, "topics.json"));
        _dataVersion = DataVersion.Create(_time);
        AddSystemTopics();
    }

    /// <summary>Raised after a topic was created, updated or deleted (outside the write lock).</summary>
    public event Action? Changed;

    public DataVersion DataVersion => Volatile.Read(ref _dataVersion);

    public string FilePath => _file.Path;

    public IReadOnlyCollection<TopicConfig> Topics => _table.Values.ToArray();

    public TopicConfig? Select(string topic) => _table.TryGetValue(topic, out var config) ? config : null;

    /// <summary>Loads topics.json (falls back to .bak); topics in the file override the built-in ones.</summary>
    public void Load()
    {
        var text = _file.ReadText();
        if (text is null)
        {
            return;
        }

        var wrapper = JsonBody.FromJson<TopicConfigSerializeWrapper>(text);
        foreach (var (name, config) in wrapper.TopicConfigTable)
        {
            _table[name] = config;
        }

        if (wrapper.DataVersion.Timestamp > 0)
        {
            _dataVersion = wrapper.DataVersion;
        }

        _log.Information("Loaded {Count} topic(s) from {Path}", wrapper.TopicConfigTable.Count, _file.Path);
    }

    public void Persist()
    {
        lock (_writeLock)
        {
            _file.Write(BuildWrapper().ToJson(FjFormat.Pretty));
        }
    }

    /// <summary>A snapshot of the table and its version (GET_ALL_TOPIC_CONFIG, registration).</summary>
    public TopicConfigSerializeWrapper BuildWrapper()
    {
        var wrapper = new TopicConfigSerializeWrapper { DataVersion = DataVersion };
        foreach (var (name, config) in _table)
        {
            wrapper.TopicConfigTable[name] = config;
        }

        return wrapper;
    }

    /// <summary>
    /// A slave's copy of its master's topic table (SlaveSynchronize): replaced wholesale, with the master's
    /// version, when that version differs from ours. True when anything changed.
    /// </summary>
    public bool ReplaceFromMaster(TopicConfigSerializeWrapper master)
    {
        ArgumentNullException.ThrowIfNull(master);
        lock (_writeLock)
        {
            if (master.DataVersion == DataVersion)
            {
                return false;
            }

            _table.Clear();
            foreach (var (name, config) in master.TopicConfigTable)
            {
                _table[name] = config;
            }

            Volatile.Write(ref _dataVersion, master.DataVersion);
            _file.Write(BuildWrapper().ToJson(FjFormat.Pretty));
        }

        _log.Information("Topic config copied from the master: {Count} topic(s), version {Version}", master.TopicConfigTable.Count, master.DataVersion);
        return true;
    }

    /// <summary>Creates or replaces a topic (UPDATE_AND_CREATE_TOPIC).</summary>
    public void UpdateTopicConfig(TopicConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        lock (_writeLock)
        {
            var old = Select(config.TopicName!);
            _table[config.TopicName!] = config;
            _log.Information(old is null ? "Create new topic {Config}" : "Update topic config, old {Old} new {Config}", config, old);
            BumpAndPersistLocked();
        }

        Changed?.Invoke();
    }

    public bool DeleteTopicConfig(string topic)
    {
        lock (_writeLock)
        {
            if (!_table.TryRemove(topic, out var old))
            {
                return false;
            }

            _log.Information("Delete topic config {Config}", old);
            BumpAndPersistLocked();
        }

        Changed?.Invoke();
        return true;
    }

    /// <summary>
    /// Auto-creates <paramref name="topic"/> from <paramref name="defaultTopic"/> on a send (RocketMQ
    /// createTopicInSendMessageMethod): only when the default topic's perm has INHERIT.
    /// </summary>
    public TopicConfig? CreateTopicInSendMessageMethod(string topic, string defaultTopic, string remoteAddress, int clientDefaultTopicQueueNums, int topicSysFlag)
    {
        TopicConfig? created;
        lock (_writeLock)
        {
            if (Select(topic) is { } existing)
            {
                return existing;
            }

            var defaultConfig = Select(defaultTopic);
            if (defaultConfig is null)
            {
                _log.Warning("Create new topic {Topic} failed: the default topic {DefaultTopic} does not exist, producer {Remote}", topic, defaultTopic, remoteAddress);
                return null;
            }

            var defaultPerm = defaultConfig.Perm;
            if (defaultTopic == TopicValidator.AutoCreateTopicKey && !_options.Messaging.AutoCreateTopicEnable)
            {
                defaultPerm = PermName.ReadWrite;
            }

            if (!PermName.IsInherited(defaultPerm))
            {
                _log.Warning("Create new topic {Topic} failed: the default topic {DefaultTopic} has no inherit perm ({Perm}), producer {Remote}", topic, defaultTopic, defaultPerm, remoteAddress);
                return null;
            }

            var queueNums = Math.Max(0, Math.Min(clientDefaultTopicQueueNums, defaultConfig.WriteQueueNums));
            created = new TopicConfig
            {
                TopicName = topic,
                ReadQueueNums = queueNums,
                WriteQueueNums = queueNums,
                Perm = defaultPerm & ~PermName.Inherit,
                TopicSysFlag = topicSysFlag,
                TopicFilterType = defaultConfig.TopicFilterType,
            };
            _table[topic] = created;
            _log.Information("Create new topic by default topic {DefaultTopic}: {Config}, producer {Remote}", defaultTopic, created, remoteAddress);
            BumpAndPersistLocked();
        }

        Changed?.Invoke();
        return created;
    }

    /// <summary>Creates a retry or DLQ topic if absent (RocketMQ createTopicInSendMessageBackMethod).</summary>
    public TopicConfig CreateTopicInSendMessageBackMethod(string topic, int queueNums, int perm, int topicSysFlag)
    {
        if (Select(topic) is { } existing)
        {
            return existing;
        }

        TopicConfig created;
        lock (_writeLock)
        {
            if (Select(topic) is { } raced)
            {
                return raced;
            }

            created = new TopicConfig { TopicName = topic, ReadQueueNums = queueNums, WriteQueueNums = queueNums, Perm = perm, TopicSysFlag = topicSysFlag };
            _table[topic] = created;
            _log.Information("Create new topic {Config}", created);
            BumpAndPersistLocked();
        }

        Changed?.Invoke();
        return created;
    }

    /// <summary>TRANS_CHECK_MAX_TIME_TOPIC, created on first use with Java's queue count and perm (createTopicOfTranCheckMaxTime).</summary>
    public TopicConfig CreateTopicOfTranCheckMaxTime(int queueNums, int perm)
        => CreateTopicInSendMessageBackMethod(TopicValidator.TransCheckMaxTimeTopic, queueNums, perm, 0);

    /// <summary>Bumps the version without a table change (brokerPermission changed).</summary>
    public void BumpDataVersion()
    {
        lock (_writeLock)
        {
            BumpAndPersistLocked();
        }
    }

    private void BumpAndPersistLocked()
    {
        Volatile.Write(ref _dataVersion, _dataVersion.Next(_time));
        _file.Write(BuildWrapper().ToJson(FjFormat.Pretty));
    }

    private void AddSystemTopics()
    {
        var m = _options.Messaging;
        Add(new TopicConfig { TopicName = TopicValidator.SelfTestTopic, ReadQueueNums = 1, WriteQueueNums = 1 });
        if (m.AutoCreateTopicEnable)
        {
            Add(new TopicConfig
            {
                TopicName = TopicValidator.AutoCreateTopicKey,
                ReadQueueNums = m.DefaultTopicQueueNums,
                WriteQueueNums = m.DefaultTopicQueueNums,
                Perm = PermName.Inherit | PermName.ReadWrite,
            });
        }

        Add(new TopicConfig { TopicName = TopicValidator.BenchmarkTopic, ReadQueueNums = 1024, WriteQueueNums = 1024 });
        var cluster = _options.Identity.ClusterName;
        Add(new TopicConfig
        {
            TopicName = cluster,
            Perm = PermName.Inherit | (m.ClusterTopicEnable ? PermName.ReadWrite : 0),
        });
        Add(new TopicConfig
        {
            TopicName = _options.Identity.BrokerName,
            ReadQueueNums = 1,
            WriteQueueNums = 1,
            Perm = PermName.Inherit | (m.BrokerTopicEnable ? PermName.ReadWrite : 0),
        });
        Add(new TopicConfig { TopicName = TopicValidator.OffsetMovedEvent, ReadQueueNums = 1, WriteQueueNums = 1 });
        Add(new TopicConfig { TopicName = TopicValidator.ScheduleTopic, ReadQueueNums = 18, WriteQueueNums = 18 });
        Add(new TopicConfig { TopicName = cluster + "_REPLY_TOPIC", ReadQueueNums = 1, WriteQueueNums = 1 });
    }

    private void Add(TopicConfig config) => _table[config.TopicName!] = config;
}
