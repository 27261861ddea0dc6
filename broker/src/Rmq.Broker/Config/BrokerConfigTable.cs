using System.Globalization;
using System.Text;
using Rmq.Configuration;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Broker.Config;

/// <summary>
/// The broker's config items as GET_BROKER_CONFIG shows them, with their own DataVersion; UPDATE_BROKER_CONFIG
/// validates changes against the key table and persists them into the -c file.
/// </summary>
public sealed class BrokerConfigTable
{
    private readonly Lock _lock = new();
    private readonly SortedDictionary<string, string?> _items;
    private readonly string? _configFile;
    private readonly TimeProvider _time;
    private DataVersion _dataVersion;

    public BrokerConfigTable(BrokerOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        _time = timeProvider;
        _configFile = options.ConfigFilePath;
        _items = new SortedDictionary<string, string?>(
            options.ConfigItems?.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal)
                ?? ConfigBinder.Bind(JavaProperties.FromPairs([]), BrokerConfigKeys.Table).ToDictionary().ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal),
            StringComparer.Ordinal);
        _items[BrokerConfigKeys.BrokerClusterName] = options.Identity.ClusterName;
        _items[BrokerConfigKeys.BrokerName] = options.Identity.BrokerName;
        _items[BrokerConfigKeys.BrokerId] = options.Identity.BrokerId.ToString(CultureInfo.InvariantCulture);
        _items[BrokerConfigKeys.BrokerPermission] = options.Messaging.BrokerPermission.ToString(CultureInfo.InvariantCulture);
        _items[BrokerConfigKeys.StorePathRootDir] = options.Store.StorePathRootDir;
        _dataVersion = DataVersion.Create(timeProvider);
    }

    public DataVersion DataVersion
    {
        get
        {
            lock (_lock)
            {
                return _dataVersion;
            }
        }
    }

    /// <summary><c>key=value\n</c> lines, sorted.</summary>
    public string Format()
    {
        lock (_lock)
        {
            var sb = new StringBuilder();
            foreach (var (key, value) in _items)
            {
                sb.Append(key).Append('=').Append(value).Append('\n');
            }

            return sb.ToString();
        }
    }

    public string? Get(string key)
    {
        lock (_lock)
        {
            return _items.TryGetValue(key, out var value) ? value : null;
        }
    }

    /// <summary>Applies <paramref name="changes"/>; returns the problems (nothing applied) or an empty list.</summary>
    public IReadOnlyList<string> Update(IReadOnlyDictionary<string, string> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var problems = new List<string>();
        foreach (var (key, value) in changes)
        {
            if (!BrokerConfigKeys.Table.TryFind(key, out _))
            {
                problems.Add($"{key}: not a broker config key");
                continue;
            }

            var bound = ConfigBinder.Bind(JavaProperties.FromPairs([new(key, value)]), BrokerConfigKeys.Table);
            problems.AddRange(bound.Errors.Where(e => e.ToString().Contains(key, StringComparison.Ordinal)).Select(e => e.ToString()));
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        lock (_lock)
        {
            foreach (var (key, value) in changes)
            {
                _items[key] = value;
            }

            _dataVersion = _dataVersion.Next(_time);
            if (_configFile is not null && File.Exists(_configFile))
            {
                var document = PropertiesDocument.Load(_configFile);
                foreach (var (key, value) in changes)
                {
                    document.SetValue(key, value);
                }

                document.Save(_configFile);
            }
        }

        return problems;
    }
}
