using System.Globalization;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Transport;

namespace Rmq.E2E.Support;

/// <summary>A real `rmq namesrv` process on 127.0.0.1 with its own port and files.</summary>
public sealed class NameServerProcess : IAsyncDisposable
{
    private readonly TempDir _dir = new("rmq-namesrv");

    private NameServerProcess(int port)
    {
        Port = port;
    }

    public int Port { get; }

    public string Address => $"127.0.0.1:{Port}";

    public RmqProcess Process { get; private set; } = null!;

    public static async Task<NameServerProcess> StartAsync()
    {
        var server = new NameServerProcess(FreePort.Next());
        var config = server._dir.File("namesrv.properties");
        await File.WriteAllTextAsync(config, string.Join('\n',
            "listenPort=" + server.Port.ToString(CultureInfo.InvariantCulture),
            "kvConfigPath=" + server._dir.File("kvConfig.json"),
            "configStorePath=" + server._dir.File("namesrv-runtime.properties"),
            string.Empty));
        server.Process = RmqProcess.Start(server._dir.File("logs"), "namesrv", "-c", config, "--bind", "127.0.0.1");
        await using var client = new RemotingClient(new RemotingClientOptions());
        var up = await Eventually.TrueAsync(
            async () => (await client.InvokeAsync(server.Address, RemotingCommand.CreateRequest(RequestCode.GetAllTopicListFromNameServer), TimeSpan.FromSeconds(2))).Code == ResponseCode.Success,
            TimeSpan.FromSeconds(30));
        if (!up)
        {
            await server.DisposeAsync();
            throw new InvalidOperationException($"rmq namesrv did not answer on {server.Address}: {server.Process.StandardOutput}\n{server.Process.StandardError}");
        }

        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (Process is not null)
        {
            await Process.DisposeAsync();
        }

        _dir.Dispose();
    }
}
