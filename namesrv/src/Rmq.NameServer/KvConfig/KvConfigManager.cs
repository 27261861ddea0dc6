using System.Text;
using Rmq.Remoting.Json;
using Rmq.Remoting.Protocol.Bodies;
using Serilog;

namespace Rmq.NameServer.KvConfig;

/// <summary>
/// Namespaced key/value settings (ORDER_TOPIC_CONFIG, ...), persisted after every change to
/// <c>kvConfig.json</c> as <c>{"configTable":{"ns":{"k":"v"}}}</c>: written to <c>.tmp</c>, the old
/// file kept as <c>.bak</c>, then renamed into place.
/// </summary>
public sealed class KvConfigManager
{
    /// <summary>The namespace holding per-topic order configuration (<c>broker-a:4;broker-b:4</c>).</summary>
    public const string OrderTopicConfigNamespace = "ORDER_TOPIC_CONFIG";

    private readonly Lock _lock = new();
    private readonly Dictionary<string, Dictionary<string, string>> _configTable = new(StringComparer.Ordinal);
    private readonly string _path;
    private readonly ILogger _log;

    public KvConfigManager(string kvConfigPath, ILogger? logger = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(kvConfigPath);
        _path = kvConfigPath;
        _log = (logger ?? Serilog.Core.Logger.None).ForContext<KvConfigManager>();
    }

    public string Path => _path;

    /// <summary>Loads the file (or its <c>.bak</c> when the file is missing); a missing file is an empty table.</summary>
    /// <exception cref="FjException">The file exists but is not valid JSON.</exception>
    public void Load()
    {
        var path = File.Exists(_path) ? _path : File.Exists(_path + ".bak") ? _path + ".bak" : null;
        if (path is null)
        {
            return;
        }

        var text = File.ReadAllText(path, Encoding.UTF8);
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        var root = FjReader.ParseObject(text);
        int namespaces;
        lock (_lock)
        {
            _configTable.Clear();
            foreach (var (ns, table) in root.GetObject("configTable") ?? [])
            {
                var entries = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var (key, value) in table.AsObject() ?? [])
                {
                    if (key.GetString() is { } name && value.GetString() is { } entryValue)
                    {
                        entries[name] = entryValue;
                    }
                }

                _configTable[ns.GetString() ?? string.Empty] = entries;
            }

            namespaces = _configTable.Count;
        }

        _log.Information("Loaded KV config from {Path}: {NamespaceCount} namespaces", path, namespaces);
    }

    public void Put(string ns, string key, string value)
    {
        lock (_lock)
        {
            if (!_configTable.TryGetValue(ns, out var table))
            {
                _configTable[ns] = table = new Dictionary<string, string>(StringComparer.Ordinal);
            }

            table[key] = value;
            _log.Information("KV config put {Namespace} {Key} = {Value}", ns, key, value);
            PersistLocked();
        }
    }

    public string? Get(string ns, string key)
    {
        lock (_lock)
        {
            return _configTable.TryGetValue(ns, out var table) ? table.GetValueOrDefault(key) : null;
        }
    }

    public void Delete(string ns, string key)
    {
        lock (_lock)
        {
            if (_configTable.TryGetValue(ns, out var table) && table.Remove(key, out var value))
            {
                _log.Information("KV config deleted {Namespace} {Key} (was {Value})", ns, key, value);
            }

            PersistLocked();
        }
    }

    /// <summary>A copy of one namespace, or null when it does not exist (an emptied namespace exists).</summary>
    public KvTable? GetNamespace(string ns)
    {
        lock (_lock)
        {
            return _configTable.TryGetValue(ns, out var table)
                ? new KvTable { Table = new Dictionary<string, string>(table, StringComparer.Ordinal) }
                : null;
        }
    }

    private void PersistLocked()
    {
        var writer = new FjWriter();
        writer.WriteStartObject();
        writer.WritePropertyName("configTable");
        writer.WriteStartObject();
        foreach (var (ns, table) in _configTable.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            writer.WriteStringMap(ns, table);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
        AtomicFile.Write(_path, writer.ToString());
    }
}
