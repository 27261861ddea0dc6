using System.Globalization;
using Rmq.NameServer.KvConfig;
using Serilog;

namespace Rmq.NameServer.Config;

/// <summary>
/// An <see cref="INameServerConfigStore"/> seeded from <see cref="NameServerOptions"/> and persisted
/// to <see cref="NameServerOptions.ConfigStorePath"/> as properties text on every update. Values saved
/// there earlier override the options at construction.
/// </summary>
public sealed class FileNameServerConfigStore : INameServerConfigStore
{
    private readonly Lock _lock = new();
    private readonly SortedDictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly string _path;
    private readonly ILogger _log;

    public FileNameServerConfigStore(NameServerOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _path = options.ConfigStorePath;
        _log = (logger ?? Serilog.Core.Logger.None).ForContext<FileNameServerConfigStore>();
        _values["rocketmqHome"] = options.RocketmqHome ?? string.Empty;
        _values["kvConfigPath"] = options.KvConfigPath;
        _values["configStorePath"] = options.ConfigStorePath;
        _values["productEnvName"] = options.ProductEnvName;
        _values["clusterTest"] = options.ClusterTest ? "true" : "false";
        _values["orderMessageEnable"] = options.OrderMessageEnable ? "true" : "false";
        _values["listenPort"] = options.ListenPort.ToString(CultureInfo.InvariantCulture);
        if (File.Exists(_path))
        {
            foreach (var (key, value) in PropertiesText.Parse(File.ReadAllText(_path)))
            {
                _values[key] = value;
            }
        }
    }

    public string? Get(string key)
    {
        lock (_lock)
        {
            return _values.GetValueOrDefault(key);
        }
    }

    public IReadOnlyList<KeyValuePair<string, string>> GetAll()
    {
        lock (_lock)
        {
            return [.. _values];
        }
    }

    public void Update(IReadOnlyDictionary<string, string> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        lock (_lock)
        {
            foreach (var (key, value) in changes)
            {
                _values[key] = value;
            }

            AtomicFile.Write(_path, PropertiesText.Format(_values));
        }

        _log.Information("Name server config updated: {Keys}", string.Join(",", changes.Keys));
    }
}
