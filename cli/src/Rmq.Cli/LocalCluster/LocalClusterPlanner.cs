using System.Globalization;
using Rmq.Configuration;

namespace Rmq.Cli.LocalCluster;

/// <summary>
/// Turns a deployment mode, or an existing conf folder, into config files fit for one host: every
/// broker on 127.0.0.1 with its own listenPort (10 apart, so listenPort-2..+1 never overlap) and store
/// folder under the data directory, all pointing at the local name server.
/// </summary>
public static class LocalClusterPlanner
{
    public const int DefaultBasePort = 10911;
    public const int PortStep = 10;

    public static LocalClusterPlan FromMode(DeploymentMode mode, string dataDir, int namesrvPort, int basePort = DefaultBasePort)
    {
        var files = ClusterConfigScaffolder.Generate(new ScaffoldOptions(mode)
        {
            Hosts = ["127.0.0.1"],
            NamesrvAddr = $"127.0.0.1:{namesrvPort}",
            StoreRoot = Path.Combine(dataDir, "store"),
        });
        var confDir = PrepareConfDir(dataDir);
        foreach (var file in files)
        {
            File.WriteAllText(Path.Combine(confDir, Path.GetFileName(file.RelativePath)), file.Content, JavaProperties.FileEncoding);
        }

        return FromFolder(confDir, dataDir, namesrvPort, basePort, copy: false);
    }

    /// <summary>Uses the *.properties/*.conf files of <paramref name="confFolder"/>, copied and adjusted for one host.</summary>
    public static LocalClusterPlan FromConfFolder(string confFolder, string dataDir, int namesrvPort, int basePort = DefaultBasePort) =>
        FromFolder(confFolder, dataDir, namesrvPort, basePort, copy: true);

    private static LocalClusterPlan FromFolder(string sourceDir, string dataDir, int namesrvPort, int basePort, bool copy)
    {
        var confDir = copy ? PrepareConfDir(dataDir) : sourceDir;
        var sources = Directory.EnumerateFiles(sourceDir)
            .Where(f => f.EndsWith(".properties", StringComparison.Ordinal) || f.EndsWith(".conf", StringComparison.Ordinal))
            .Where(f => !Path.GetFileName(f).StartsWith("namesrv", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (sources.Count == 0)
        {
            throw new InvalidOperationException($"no broker config files (*.properties, *.conf) in {sourceDir}");
        }

        var brokers = new List<LocalBrokerSpec>();
        var index = 0;
        foreach (var source in OrderMastersFirst(sources))
        {
            var document = PropertiesDocument.Load(source);
            var properties = document.ToProperties(source);
            var label = Path.GetFileNameWithoutExtension(source);
            var port = basePort + (index++ * PortStep);
            var store = Path.Combine(dataDir, "store", label);
            document.SetValue("listenPort", port.ToString(CultureInfo.InvariantCulture));
            document.SetValue("brokerIP1", "127.0.0.1");
            document.SetValue("brokerIP2", "127.0.0.1");
            document.SetValue("namesrvAddr", $"127.0.0.1:{namesrvPort}");
            document.SetValue("storePathRootDir", store);
            document.SetValue("storePathCommitLog", Path.Combine(store, "commitlog"));
            var target = Path.Combine(confDir, label + ".properties");
            File.WriteAllText(target, document.ToString(), JavaProperties.FileEncoding);
            if (copy is false && target != source)
            {
                File.Delete(source);
            }

            brokers.Add(new LocalBrokerSpec(
                target,
                properties["brokerName"]?.Trim() ?? label,
                long.TryParse(properties["brokerId"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : 0,
                properties["brokerRole"]?.Trim() ?? nameof(BrokerRole.ASYNC_MASTER),
                port));
        }

        return new LocalClusterPlan(dataDir, namesrvPort, brokers);
    }

    /// <summary>Masters start first so their slaves find them registered.</summary>
    private static IEnumerable<string> OrderMastersFirst(IEnumerable<string> files) =>
        files.OrderBy(f => JavaProperties.Load(f)["brokerRole"]?.Trim() == nameof(BrokerRole.SLAVE) ? 1 : 0)
             .ThenBy(f => f, StringComparer.Ordinal);

    private static string PrepareConfDir(string dataDir)
    {
        var confDir = Path.Combine(dataDir, "conf");
        Directory.CreateDirectory(confDir);
        return confDir;
    }
}
