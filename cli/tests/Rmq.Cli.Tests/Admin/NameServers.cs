using Rmq.Client.NameServer;
using Rmq.NameServer;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Cli.Tests.Admin;

/// <summary>In-process name servers on 127.0.0.1 (port 0), each with its own KV and config files.</summary>
internal sealed class NameServers : IAsyncDisposable
{
    private readonly List<NameServerHost> _hosts = [];
    private readonly List<NameServerClient> _registrations = [];
    private readonly string _dir = Directory.CreateTempSubdirectory("rmq-admin-ns").FullName;

    public IReadOnlyList<string> Addresses { get; private set; } = [];

    /// <summary>The <c>-n</c> value: every name server, ';'-separated.</summary>
    public string List => string.Join(';', Addresses);

    public static async Task<NameServers> StartAsync(int count = 1)
    {
        var servers = new NameServers();
        var addresses = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var host = new NameServerHost(
                new NameServerOptions
                {
                    ListenPort = 0,
                    KvConfigPath = Path.Combine(servers._dir, $"ns{i}", "kvConfig.json"),
                    ConfigStorePath = Path.Combine(servers._dir, $"ns{i}", "namesrv.properties"),
                },
                "127.0.0.1");
            servers._hosts.Add(host);
            var endPoint = await host.StartAsync();
            addresses.Add($"127.0.0.1:{endPoint.Port}");
        }

        servers.Addresses = addresses;
        return servers;
    }

    /// <summary>Registers a broker that does not exist (nothing listens at <paramref name="brokerAddr"/>) with the given topics on every name server.</summary>
    public async Task RegisterFakeBrokerAsync(string cluster, string brokerName, string brokerAddr, params string[] topics)
    {
        // the name server forgets a broker when its registering channel closes: keep it open
        var client = new NameServerClient(List);
        _registrations.Add(client);
        var body = new RegisterBrokerBody();
        foreach (var topic in topics)
        {
            body.TopicConfigSerializeWrapper.TopicConfigTable[topic] = new TopicConfig { TopicName = topic, ReadQueueNums = 4, WriteQueueNums = 4 };
        }

        var results = await client.RegisterBrokerAsync(cluster, brokerAddr, brokerName, 0, brokerAddr, body);
        Assert.All(results, r => Assert.True(r.Succeeded, r.Error?.Message));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _registrations)
        {
            await Bounded.DisposeAsync(client);
        }

        foreach (var host in _hosts)
        {
            await Bounded.DisposeAsync(host);
        }

        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // a file still held by a closing host; the temp folder is cleaned by the OS
        }
    }
}
