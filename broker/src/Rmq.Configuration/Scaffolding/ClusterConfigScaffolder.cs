using System.Globalization;
using System.Text;

namespace Rmq.Configuration;

/// <summary>
/// Writes RocketMQ conf sets. With no options the files equal the distribution's (file names, keys, values,
/// line order; <c>broker.conf</c> with the spaced <c>key = value</c> form) after a short rmq header.
/// Options add lines after the distribution's seven: namesrvAddr, brokerIP1, and for brokers sharing a host
/// listenPort (10911, 10921, ...: step 10 keeps listenPort-2, listenPort and listenPort+1 apart),
/// storePathRootDir and storePathCommitLog (RocketMQ does not derive the CommitLog folder from the root).
/// Names: Masters broker-a ... broker-z, broker-aa, ...; Slaves broker-a-s (brokerId 1), broker-a-s2
/// (brokerId 2), ...; 2m-noslave also has broker-trace (a Master for trace data, as in the distribution).
/// </summary>
public static class ClusterConfigScaffolder
{
    public const string DefaultStoreRoot = "/opt/rocketmq/store";
    private const int PortStep = 10;

    private sealed record Broker(string Stem, string BrokerName, int BrokerId, string Role, int MasterIndex, int SlaveLevel)
    {
        public string? Host { get; set; }

        public int? ListenPort { get; set; }

        public string? StoreDir { get; set; }
    }

    /// <summary>The files of a mode; throws <see cref="ArgumentException"/> for options that do not fit the mode.</summary>
    public static IReadOnlyList<GeneratedFile> Generate(ScaffoldOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Check(options);
        return options.Mode switch
        {
            DeploymentMode.Namesrv => [Namesrv(options)],
            _ => Brokers(options),
        };
    }

    /// <summary>The default output folder for a mode: the set's name, or "." for single and namesrv.</summary>
    public static string DefaultOutputFolder(DeploymentMode mode)
        => mode is DeploymentMode.Single or DeploymentMode.Namesrv ? "." : DeploymentModes.NameOf(mode);

    /// <summary>Files of <paramref name="files"/> that already exist under <paramref name="folder"/>.</summary>
    public static IReadOnlyList<string> FindExisting(IEnumerable<GeneratedFile> files, string folder)
        => files.Select(f => Path.Combine(folder, f.RelativePath)).Where(File.Exists).ToList();

    /// <summary>Writes the files (ASCII, \n line ends); refuses, writing nothing, if any exists and <paramref name="force"/> is false.</summary>
    public static IReadOnlyList<string> Write(IReadOnlyList<GeneratedFile> files, string folder, bool force)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(folder);
        var existing = FindExisting(files, folder);
        if (!force && existing.Count > 0)
        {
            throw new IOException("refusing to overwrite " + string.Join(", ", existing) + " (use --force)");
        }

        Directory.CreateDirectory(folder);
        var written = new List<string>();
        foreach (var file in files)
        {
            string path = Path.Combine(folder, file.RelativePath);
            File.WriteAllText(path, file.Content, JavaProperties.FileEncoding);
            written.Add(path);
        }

        return written;
    }

    /// <summary>The rmq command line that regenerates these files (without the output folder).</summary>
    public static string CommandLine(ScaffoldOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var sb = new StringBuilder("rmq conf new ").Append(DeploymentModes.NameOf(options.Mode));
        var inv = CultureInfo.InvariantCulture;
        if (options.Masters is { } m)
        {
            sb.Append(inv, $" --masters {m}");
        }

        if (options.SlavesPerMaster is { } s)
        {
            sb.Append(inv, $" --slaves-per-master {s}");
        }

        Append(sb, "--cluster", options.ClusterName);
        Append(sb, "--namesrv", options.NamesrvAddr);
        Append(sb, "--hosts", options.Hosts.Count == 0 ? null : string.Join(',', options.Hosts));
        Append(sb, "--flush", options.FlushDiskType);
        Append(sb, "--store-root", options.StoreRoot);
        return sb.ToString();

        static void Append(StringBuilder sb, string name, string? value)
        {
            if (value is not null)
            {
                sb.Append(' ').Append(name).Append(' ').Append(value.Contains(' ', StringComparison.Ordinal) ? $"\"{value}\"" : value);
            }
        }
    }

    private static void Check(ScaffoldOptions o)
    {
        var mode = o.Mode;
        if (mode == DeploymentMode.Namesrv)
        {
            if (!o.IsDistributionDefault)
            {
                throw new ArgumentException("namesrv takes no options");
            }

            return;
        }

        if (o.Masters is { } m && (m < 1 || m > 702))
        {
            throw new ArgumentException("--masters must be between 1 and 702");
        }

        if (mode == DeploymentMode.Single && o.Masters is > 1)
        {
            throw new ArgumentException("single has exactly one Master; use 2m-noslave for more");
        }

        if (o.SlavesPerMaster is { } s)
        {
            if (mode is DeploymentMode.Single or DeploymentMode.MultiMasterNoSlave && s != 0)
            {
                throw new ArgumentException($"{DeploymentModes.NameOf(mode)} has no Slave; use 2m-2s-async or 2m-2s-sync");
            }

            if (mode is DeploymentMode.MultiMasterSlaveAsync or DeploymentMode.MultiMasterSlaveSync && (s < 1 || s > 99))
            {
                throw new ArgumentException("--slaves-per-master must be between 1 and 99");
            }
        }

        if (o.ClusterName is { } c && (c.Length == 0 || c.Any(char.IsWhiteSpace)))
        {
            throw new ArgumentException($"cluster name '{c}' must be non-empty without blanks");
        }

        if (o.NamesrvAddr is { } n && KeyValidators.AddressList(n) is { } message)
        {
            throw new ArgumentException("--namesrv: " + message);
        }

        if (o.FlushDiskType is { } f && f is not ("ASYNC_FLUSH" or "SYNC_FLUSH"))
        {
            throw new ArgumentException($"--flush must be ASYNC_FLUSH or SYNC_FLUSH, not '{f}'");
        }

        if (o.Hosts.Any(h => h.Length == 0 || h.Any(char.IsWhiteSpace) || h.Contains(':', StringComparison.Ordinal) && !h.Contains("::", StringComparison.Ordinal) && h.Count(ch => ch == ':') == 1))
        {
            throw new ArgumentException("--hosts takes addresses without ports, e.g. 10.0.0.1,10.0.0.2");
        }

        if (mode == DeploymentMode.Single && o.Hosts.Count > 1)
        {
            throw new ArgumentException("single has one broker; give one host");
        }
    }

    private static List<GeneratedFile> Brokers(ScaffoldOptions o)
    {
        var brokers = Plan(o);
        AssignHosts(brokers, o.Hosts);
        string storeRoot = (o.StoreRoot ?? DefaultStoreRoot).TrimEnd('/');
        foreach (var onHost in brokers.Where(b => b.Host is not null).GroupBy(b => b.Host!, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            int j = 0;
            foreach (var b in DeploymentOrder(onHost))
            {
                b.ListenPort = BrokerConfigKeys.DefaultListenPort + (PortStep * j++);
                b.StoreDir = storeRoot + "/" + b.Stem;
            }
        }

        bool single = o.Mode == DeploymentMode.Single;
        string setName = DeploymentModes.NameOf(o.Mode);
        var files = new List<GeneratedFile>();
        foreach (var b in brokers)
        {
            string fileName = single ? "broker.conf" : b.Stem + ".properties";
            var pairs = new List<KeyValuePair<string, string>>
            {
                new("brokerClusterName", o.ClusterName ?? "DefaultCluster"),
                new("brokerName", b.BrokerName),
                new("brokerId", b.BrokerId.ToString(CultureInfo.InvariantCulture)),
                new("deleteWhen", "04"),
                new("fileReservedTime", "48"),
                new("brokerRole", b.Role),
                new("flushDiskType", o.FlushDiskType ?? "ASYNC_FLUSH"),
            };
            if (o.NamesrvAddr is { } n)
            {
                pairs.Add(new("namesrvAddr", n));
            }

            if (b.Host is { } h)
            {
                pairs.Add(new("brokerIP1", h));
            }

            if (b.ListenPort is { } port)
            {
                pairs.Add(new("listenPort", port.ToString(CultureInfo.InvariantCulture)));
                pairs.Add(new("storePathRootDir", b.StoreDir!));
                pairs.Add(new("storePathCommitLog", b.StoreDir + "/commitlog"));
            }

            string what = b.Role == "SLAVE"
                ? string.Create(CultureInfo.InvariantCulture, $"Slave {b.BrokerId} of broker group {b.BrokerName}")
                : $"{(b.Stem == "broker-trace" ? "trace Master" : "Master")} of broker group {b.BrokerName} ({b.Role})";
            if (b.Host is not null)
            {
                what += $" on {b.Host}" + (b.ListenPort is { } p ? string.Create(CultureInfo.InvariantCulture, $":{p}") : "");
            }

            var sb = new StringBuilder();
            sb.Append("# Generated by rmq: ").Append(CommandLine(o)).Append('\n');
            sb.Append("# ").Append(what).Append(", cluster ").Append(o.ClusterName ?? "DefaultCluster").Append('.').Append('\n');
            if (o.IsDistributionDefault)
            {
                sb.Append("# Same keys, values and line order as RocketMQ's conf/")
                    .Append(single ? "broker.conf" : setName + "/" + fileName).Append('.').Append('\n');
            }

            sb.Append('\n');
            sb.Append(JavaPropertiesWriter.Write(pairs, spaced: single));
            files.Add(new GeneratedFile(fileName, sb.ToString()) { Description = what });
        }

        return files;
    }

    private static List<Broker> Plan(ScaffoldOptions o)
    {
        int masters = o.Mode == DeploymentMode.Single ? 1 : o.Masters ?? 2;
        int slaves = o.Mode switch
        {
            DeploymentMode.MultiMasterSlaveAsync or DeploymentMode.MultiMasterSlaveSync => o.SlavesPerMaster ?? 1,
            _ => 0,
        };
        string masterRole = o.Mode == DeploymentMode.MultiMasterSlaveSync ? "SYNC_MASTER" : "ASYNC_MASTER";
        var list = new List<Broker>();
        for (int i = 0; i < masters; i++)
        {
            string name = "broker-" + Letters(i);
            list.Add(new Broker(name, name, 0, masterRole, i, 0));
            for (int k = 1; k <= slaves; k++)
            {
                string stem = name + "-s" + (k == 1 ? "" : k.ToString(CultureInfo.InvariantCulture));
                list.Add(new Broker(stem, name, k, "SLAVE", i, k));
            }
        }

        if (o.Mode == DeploymentMode.MultiMasterNoSlave)
        {
            list.Add(new Broker("broker-trace", "broker-trace", 0, "ASYNC_MASTER", masters, 0));
        }

        return list;
    }

    /// <summary>Masters first (in order), then every Master's first Slave, then second Slaves, ...</summary>
    private static IEnumerable<Broker> DeploymentOrder(IEnumerable<Broker> brokers)
        => brokers.OrderBy(b => b.SlaveLevel).ThenBy(b => b.MasterIndex);

    private static void AssignHosts(List<Broker> brokers, IReadOnlyList<string> hosts)
    {
        if (hosts.Count == 0)
        {
            return;
        }

        if (hosts.Count >= brokers.Count)
        {
            int i = 0;
            foreach (var b in DeploymentOrder(brokers))
            {
                b.Host = hosts[i++];
            }

            return;
        }

        foreach (var b in brokers)
        {
            b.Host = hosts[(b.MasterIndex + b.SlaveLevel) % hosts.Count];
        }
    }

    /// <summary>0 → a, 25 → z, 26 → aa, ... (bijective base 26).</summary>
    internal static string Letters(int index)
    {
        var sb = new StringBuilder();
        int n = index + 1;
        while (n > 0)
        {
            n--;
            sb.Insert(0, (char)('a' + (n % 26)));
            n /= 26;
        }

        return sb.ToString();
    }

    private static GeneratedFile Namesrv(ScaffoldOptions o)
    {
        var sb = new StringBuilder();
        sb.Append("# Generated by rmq: ").Append(CommandLine(o)).Append('\n');
        sb.Append("# Name server: mqnamesrv -c namesrv.properties (RocketMQ key names and defaults).\n");
        sb.Append("# kvConfigPath defaults to <user home>/namesrv/kvConfig.json.\n");
        sb.Append('\n');
        sb.Append(JavaPropertiesWriter.Write(
        [
            new("listenPort", "9876"),
            new("orderMessageEnable", "false"),
            new("serverWorkerThreads", "8"),
            new("serverSelectorThreads", "3"),
            new("serverChannelMaxIdleTimeSeconds", "120"),
        ]));
        return new GeneratedFile("namesrv.properties", sb.ToString()) { Description = "name server" };
    }
}
