using Rmq.Configuration;

namespace Rmq.NameServer.Config;

/// <summary>Builds <see cref="NameServerOptions"/> from a bound mqnamesrv-style properties file.</summary>
public static class NameServerOptionsBinder
{
    public static NameServerOptions FromConfig(BoundConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var defaults = new NameServerOptions();
        return defaults with
        {
            ListenPort = config.GetInt(NamesrvConfigKeys.ListenPort),
            RocketmqHome = config.GetString(NamesrvConfigKeys.RocketmqHome) is { Length: > 0 } home ? home : defaults.RocketmqHome,
            KvConfigPath = config.GetString(NamesrvConfigKeys.KvConfigPath) is { Length: > 0 } kv ? ExpandHome(kv) : defaults.KvConfigPath,
            ConfigStorePath = config.GetString(NamesrvConfigKeys.ConfigStorePath) is { Length: > 0 } store ? ExpandHome(store) : defaults.ConfigStorePath,
            OrderMessageEnable = config.GetBool(NamesrvConfigKeys.OrderMessageEnable),
            ProductEnvName = config.GetString(NamesrvConfigKeys.ProductEnvName) ?? defaults.ProductEnvName,
            ClusterTest = config.GetBool(NamesrvConfigKeys.ClusterTest),
        };
    }

    /// <summary>Java takes paths literally; a leading <c>~/</c> is expanded here for convenience.</summary>
    private static string ExpandHome(string path) =>
        path.StartsWith("~/", StringComparison.Ordinal)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path[2..])
            : path;
}
