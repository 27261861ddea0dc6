using Rmq.NameServer;
using Rmq.Remoting.Processing;
using Rmq.Remoting.Transport;

namespace Rmq.Client.Tests;

/// <summary>A real name server (controller + remoting server) on 127.0.0.1, an ephemeral port, a temp directory.</summary>
internal sealed class InProcessNameServer : IAsyncDisposable
{
    private readonly RequestExecutor _executor;
    private readonly RemotingServer _server;
    private readonly string _directory;

    private InProcessNameServer(string directory, NameServerController controller, RemotingServer server, RequestExecutor executor, string address)
    {
        _directory = directory;
        Controller = controller;
        _server = server;
        _executor = executor;
        Address = address;
    }

    public NameServerController Controller { get; }

    public string Address { get; }

    public static async Task<InProcessNameServer> StartAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "rmq-client-ns-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var options = new NameServerOptions
        {
            ListenPort = 0,
            KvConfigPath = Path.Combine(directory, "kvConfig.json"),
            ConfigStorePath = Path.Combine(directory, "namesrv.properties"),
        };
        var controller = new NameServerController(options);
        var executor = new RequestExecutor("ns", 4, 1000);
        var table = new ProcessorTable();
        controller.Processors.RegisterTo((code, processor) => table.Register(code, processor, executor));
        table.SetDefault(controller.Processors.Default, executor);
        controller.Start();
        var server = new RemotingServer(new RemotingServerOptions { ListenAddress = "127.0.0.1", ListenPort = 0 }, table);
        var endpoint = await server.StartAsync();
        return new InProcessNameServer(directory, controller, server, executor, $"127.0.0.1:{endpoint.Port}");
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        await _executor.DisposeAsync();
        await Controller.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
