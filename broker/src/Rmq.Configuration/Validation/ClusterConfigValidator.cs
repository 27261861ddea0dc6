using System.Globalization;

namespace Rmq.Configuration;

/// <summary>
/// Checks a set of broker files (a conf folder, or files) as one cluster: each file bound alone (unknown keys,
/// unparsable values, role vs brokerId), then the set: one Master per brokerName, unique Slave ids, a
/// SYNC_MASTER needs a Slave, a Slave needs a Master, brokers on one host must not share listenPort,
/// listenPort-2 (VIP channel), listenPort+1 (HA) or store folders, and namesrvAddr must agree.
/// Brokers are on the same host when their brokerIP1 is equal; brokers that set no brokerIP1 are taken to be
/// on one host (localhost), but since RocketMQ's own sets leave it unset for one machine per broker, their
/// collisions are warnings, not errors. Files whose name starts with "namesrv" are checked as name server files.
/// </summary>
public static class ClusterConfigValidator
{
    private sealed record Broker(string File, BoundConfig Config)
    {
        public string Name => Config.GetString(BrokerConfigKeys.BrokerName) ?? "";

        public bool IsSlave => Config.GetEnum<BrokerRole>(BrokerConfigKeys.BrokerRole) == BrokerRole.SLAVE;
    }

    /// <summary>The files a folder contributes: its *.properties and *.conf files (not sub-folders), by name.</summary>
    public static IReadOnlyList<string> ExpandPaths(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new List<string>();
        foreach (string path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path)
                    .Where(f => f.EndsWith(".properties", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".conf", StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                throw new FileNotFoundException($"no such file or folder: {path}", path);
            }
        }

        return files.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Validates files and folders; throws <see cref="FileNotFoundException"/> for a path that does not exist.</summary>
    public static ValidationReport Validate(IEnumerable<string> paths, MachineInfo? machine = null)
    {
        var files = ExpandPaths(paths);
        return Validate(files.Select(JavaProperties.Load).ToList(), machine);
    }

    /// <summary>Validates already read files (each with its <see cref="JavaProperties.Source"/> as the file name).</summary>
    public static ValidationReport Validate(IReadOnlyList<JavaProperties> files, MachineInfo? machine = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        machine ??= MachineInfo.Current;
        var problems = new List<ConfigProblem>();
        var brokers = new List<Broker>();
        foreach (var file in files)
        {
            string name = file.Source ?? "(text)";
            bool isNamesrv = Path.GetFileName(name).StartsWith("namesrv", StringComparison.OrdinalIgnoreCase);
            var bound = ConfigBinder.Bind(file, isNamesrv ? NamesrvConfigKeys.Table : BrokerConfigKeys.Table, null, machine);
            problems.AddRange(bound.Problems);
            if (!isNamesrv && !bound.GetBool(BrokerConfigKeys.EnableDLegerCommitLog))
            {
                brokers.Add(new Broker(name, bound));
            }
        }

        CheckGroups(brokers, problems);
        CheckHosts(brokers, problems);
        CheckNamesrvAddr(brokers, problems);
        return new ValidationReport(files.Select(f => f.Source ?? "(text)").ToList(), problems);
    }

    private static void Add(List<ConfigProblem> problems, ProblemSeverity severity, string code, Broker b, string key, string message)
        => problems.Add(new ConfigProblem(severity, code, b.File, b.Config.GetLine(key), key, message));

    private static string Id(Broker b) => b.Config.GetLong(BrokerConfigKeys.BrokerId).ToString(CultureInfo.InvariantCulture);

    private static void CheckGroups(List<Broker> brokers, List<ConfigProblem> problems)
    {
        foreach (var group in brokers.GroupBy(b => b.Name, StringComparer.Ordinal))
        {
            var masters = group.Where(b => !b.IsSlave).ToList();
            var slaves = group.Where(b => b.IsSlave).ToList();
            foreach (var extra in masters.Skip(1))
            {
                Add(problems, ProblemSeverity.Error, "two-masters", extra, BrokerConfigKeys.BrokerName,
                    $"broker group '{group.Key}' already has a Master (brokerId 0) in {masters[0].File}; one Master per brokerName (make this a SLAVE with brokerId > 0, or rename it)");
            }

            if (masters.Count == 0)
            {
                foreach (var slave in slaves)
                {
                    Add(problems, ProblemSeverity.Error, "slave-without-master", slave, BrokerConfigKeys.BrokerName,
                        $"Slave of broker group '{group.Key}', but no Master in this set has brokerName '{group.Key}'");
                }
            }
            else
            {
                var master = masters[0];
                string cluster = master.Config.GetString(BrokerConfigKeys.BrokerClusterName) ?? "";
                foreach (var b in group.Where(b => b != master && !string.Equals(b.Config.GetString(BrokerConfigKeys.BrokerClusterName), cluster, StringComparison.Ordinal)))
                {
                    Add(problems, ProblemSeverity.Error, "cluster-mismatch", b, BrokerConfigKeys.BrokerClusterName,
                        $"brokerClusterName '{b.Config.GetString(BrokerConfigKeys.BrokerClusterName)}' differs from '{cluster}' of its Master {master.File}");
                }

                if (slaves.Count == 0 && master.Config.GetEnum<BrokerRole>(BrokerConfigKeys.BrokerRole) == BrokerRole.SYNC_MASTER)
                {
                    Add(problems, ProblemSeverity.Error, "sync-master-without-slave", master, BrokerConfigKeys.BrokerRole,
                        $"SYNC_MASTER of '{group.Key}' has no Slave in this set; every send would answer SLAVE_NOT_AVAILABLE (use ASYNC_MASTER or add a Slave)");
                }
            }

            var seen = new Dictionary<long, Broker>();
            foreach (var slave in slaves)
            {
                long id = slave.Config.GetLong(BrokerConfigKeys.BrokerId);
                if (id <= 0)
                {
                    continue; // reported by the binder
                }

                if (!seen.TryAdd(id, slave))
                {
                    Add(problems, ProblemSeverity.Error, "duplicate-slave-id", slave, BrokerConfigKeys.BrokerId,
                        string.Create(CultureInfo.InvariantCulture, $"brokerId {id} of broker group '{group.Key}' is also used by {seen[id].File}; Slaves of one Master need distinct brokerIds"));
                }
            }
        }
    }

    private static void CheckHosts(List<Broker> brokers, List<ConfigProblem> problems)
    {
        foreach (var host in brokers.GroupBy(b => b.Config.IsSet(BrokerConfigKeys.BrokerIP1) ? b.Config.GetString(BrokerConfigKeys.BrokerIP1)! : "", StringComparer.OrdinalIgnoreCase))
        {
            var list = host.ToList();
            bool explicitHost = host.Key.Length > 0;
            for (int j = 1; j < list.Count; j++)
            {
                var b = list[j];
                var clashes = new List<string>();
                var kinds = new SortedSet<string>(StringComparer.Ordinal);
                for (int i = 0; i < j; i++)
                {
                    var a = list[i];
                    var found = new List<(string Key, string Message)>();
                    if (PortClash(a, b) is { } port)
                    {
                        found.Add((BrokerConfigKeys.ListenPort, port));
                    }

                    foreach (string key in new[] { BrokerConfigKeys.StorePathRootDir, BrokerConfigKeys.StorePathCommitLog })
                    {
                        if (PathClash(a, b, key) is { } path)
                        {
                            found.Add((key, path));
                        }
                    }

                    if (explicitHost)
                    {
                        foreach (var (key, message) in found)
                        {
                            string hint = key == BrokerConfigKeys.StorePathCommitLog && !b.Config.IsSet(key)
                                ? " (RocketMQ does not derive storePathCommitLog from storePathRootDir; set it too)"
                                : "";
                            Add(problems, ProblemSeverity.Error, key == BrokerConfigKeys.ListenPort ? "port-collision" : "store-path-collision", b, key,
                                $"{message} of {a.File} on host {host.Key}{hint}");
                        }
                    }
                    else if (found.Count > 0)
                    {
                        clashes.Add(a.File);
                        foreach (var (key, _) in found)
                        {
                            kinds.Add(key == BrokerConfigKeys.ListenPort ? "ports" : key);
                        }
                    }
                }

                if (clashes.Count > 0)
                {
                    Add(problems, ProblemSeverity.Warning, "same-host-collision", b, BrokerConfigKeys.ListenPort,
                        $"no brokerIP1 set (taken as localhost): on one machine it would share {string.Join(", ", kinds)} with {string.Join(", ", clashes)}; "
                        + "fine on separate machines, otherwise set brokerIP1 or give each broker its own listenPort, storePathRootDir and storePathCommitLog");
                }
            }
        }
    }

    private static IEnumerable<(int Port, string Name)> Ports(Broker b)
    {
        int listen = b.Config.GetInt(BrokerConfigKeys.ListenPort);
        yield return (listen, "listenPort");
        yield return (listen + 1, "HA port (listenPort+1)");
        yield return (listen - 2, "VIP channel port (listenPort-2)");
    }

    private static string? PortClash(Broker a, Broker b)
    {
        foreach (var (port, name) in Ports(b))
        {
            foreach (var (otherPort, otherName) in Ports(a))
            {
                if (port == otherPort)
                {
                    return string.Create(CultureInfo.InvariantCulture, $"{name} {port} collides with the {otherName}");
                }
            }
        }

        return null;
    }

    private static string? PathClash(Broker a, Broker b, string key)
    {
        string pa = Normalize(a.Config.GetString(key));
        string pb = Normalize(b.Config.GetString(key));
        if (!string.Equals(pa, pb, StringComparison.Ordinal))
        {
            return null;
        }

        return $"{key} '{pb}' is also the {key}";
    }

    private static string Normalize(string? path) => (path ?? "").Replace('\\', '/').TrimEnd('/');

    private static void CheckNamesrvAddr(List<Broker> brokers, List<ConfigProblem> problems)
    {
        static string Canonical(string s) => string.Join(';', s.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));

        var withAddr = brokers.Where(b => b.Config.IsSet(BrokerConfigKeys.NamesrvAddr)).ToList();
        if (withAddr.Count == 0)
        {
            return;
        }

        var first = withAddr[0];
        string expected = Canonical(first.Config.GetString(BrokerConfigKeys.NamesrvAddr)!);
        foreach (var b in withAddr.Skip(1))
        {
            string value = b.Config.GetString(BrokerConfigKeys.NamesrvAddr)!;
            if (!string.Equals(Canonical(value), expected, StringComparison.Ordinal))
            {
                Add(problems, ProblemSeverity.Error, "namesrv-mismatch", b, BrokerConfigKeys.NamesrvAddr,
                    $"'{value}' differs from '{first.Config.GetString(BrokerConfigKeys.NamesrvAddr)}' in {first.File}; brokers registering with different name servers are not one cluster to clients");
            }
        }

        foreach (var b in brokers.Where(b => !b.Config.IsSet(BrokerConfigKeys.NamesrvAddr)))
        {
            problems.Add(new ConfigProblem(ProblemSeverity.Warning, "namesrv-missing", b.File, null, BrokerConfigKeys.NamesrvAddr,
                $"not set here but set in {first.File}; this broker needs -n or NAMESRV_ADDR"));
        }
    }
}
