using System.Globalization;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;
using Rmq.Remoting.Transport;

namespace Rmq.E2E.Support;

/// <summary>
/// A real <c>rmq broker</c> child process with its own store directory, brokerIP1=127.0.0.1 and ports from
/// <see cref="FreePort.NextBrokerPort"/>; ready once the name server's cluster info lists it.
/// </summary>
public sealed class BrokerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly TempDir _dir = new("rmq-broker");
    private readonly string _nameServer;

    private BrokerProcess(string nameServer, string brokerName, int port)
    {
        _nameServer = nameServer;
        BrokerName = brokerName;
        Port = port;
    }

    public string BrokerName { get; }

    public int Port { get; }

    public string Address => $"127.0.0.1:{Port}";

    public string ConfigFile => _dir.File("broker.conf");

    public string StoreDir => _dir.File("store");

    public string LogDir => _dir.File("logs");

    public RmqProcess Process { get; private set; } = null!;

    /// <summary>Writes broker.conf (plus <paramref name="extra"/> lines) and starts the broker.</summary>
    public static async Task<BrokerProcess> StartAsync(NameServerProcess nameServer, string brokerName = "broker-e2e", params string[] extra)
    {
        ArgumentNullException.ThrowIfNull(nameServer);
        var broker = new BrokerProcess(nameServer.Address, brokerName, FreePort.NextBrokerPort());
        await File.WriteAllLinesAsync(broker.ConfigFile,
        [
            "brokerClusterName=E2ECluster",
            "brokerName=" + brokerName,
            "listenPort=" + broker.Port.ToString(CultureInfo.InvariantCulture),
            "brokerIP1=127.0.0.1",
            "brokerIP2=127.0.0.1",
            "storePathRootDir=" + broker.StoreDir,
            "mappedFileSizeCommitLog=16777216",
            "mappedFileSizeConsumeQueue=60000",
            "maxHashSlotNum=10000",
            "maxIndexNum=40000",
            .. extra,
        ]);
        await broker.RunAsync();
        return broker;
    }

    /// <summary>SIGTERM, wait for a clean exit (code 0), start again on the same store and port.</summary>
    public async Task RestartAsync()
    {
        var exit = await Process.StopAsync(TimeSpan.FromSeconds(30));
        if (exit != 0)
        {
            throw new InvalidOperationException($"rmq broker exited {exit} on SIGTERM: {Process.StandardError}");
        }

        await Process.DisposeAsync();
        await RunAsync();
    }

    /// <summary>SIGTERM and wait for a clean exit (code 0); the store and port stay for <see cref="StartAgainAsync"/>.</summary>
    public async Task StopAsync()
    {
        var exit = await Process.StopAsync(TimeSpan.FromSeconds(30));
        if (exit != 0)
        {
            throw new InvalidOperationException($"rmq broker exited {exit} on SIGTERM: {Process.StandardError}");
        }
    }

    /// <summary>Starts the broker again on the same config, store and port after <see cref="StopAsync"/> or a kill.</summary>
    public async Task StartAgainAsync()
    {
        if (!Process.HasExited)
        {
            throw new InvalidOperationException($"rmq broker (pid {Process.Pid}) is still running");
        }

        await Process.DisposeAsync();
        await RunAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Process is not null)
        {
            await Process.DisposeAsync();
        }

        _dir.Dispose();
    }

    private async Task RunAsync()
    {
        Process = RmqProcess.Start(LogDir, "broker", "-n", _nameServer, "-c", ConfigFile, "--bind", "127.0.0.1");
        await using var client = new RemotingClient(new RemotingClientOptions());
        var listed = await Eventually.TrueAsync(async () =>
        {
            if (Process.HasExited)
            {
                return true;
            }

            var response = await client.InvokeAsync(_nameServer, RemotingCommand.CreateRequest(RequestCode.GetBrokerClusterInfo), TimeSpan.FromSeconds(2));
            return response.Code == ResponseCode.Success
                && JsonBody.Decode<ClusterInfo>(response.Body.Span).BrokerAddrTable.TryGetValue(BrokerName, out var data)
                && data.BrokerAddrs.Values.Contains(Address);
        }, StartTimeout);
        if (!listed || Process.HasExited)
        {
            throw new InvalidOperationException($"rmq broker {BrokerName} was not listed by the name server: exit={(Process.HasExited ? Process.ExitCode : null)}\n{Process.StandardOutput}\n{Process.StandardError}");
        }
    }
}
