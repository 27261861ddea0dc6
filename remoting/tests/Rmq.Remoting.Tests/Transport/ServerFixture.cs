using System.Globalization;
using System.Net;
using Rmq.Remoting.Processing;
using Rmq.Remoting.Transport;

namespace Rmq.Remoting.Tests.Transport;

/// <summary>A started server on 127.0.0.1 with an ephemeral port, its executor, and a client.</summary>
internal sealed class ServerFixture : IAsyncDisposable
{
    private ServerFixture(RemotingServer server, RequestExecutor executor, IPEndPoint endPoint)
    {
        Server = server;
        Executor = executor;
        EndPoint = endPoint;
        Address = "127.0.0.1:" + endPoint.Port.ToString(CultureInfo.InvariantCulture);
    }

    public RemotingServer Server { get; }

    public RequestExecutor Executor { get; }

    public IPEndPoint EndPoint { get; }

    public string Address { get; }

    public RemotingClient Client { get; } = new(new RemotingClientOptions());

    public ProcessorTable Processors => Server.Processors;

    public static async Task<ServerFixture> StartAsync(
        Action<ProcessorTable, RequestExecutor>? register = null,
        RemotingServerOptions? options = null,
        IChannelEventListener? listener = null,
        int threads = 4,
        int queueCapacity = 1000)
    {
        var executor = new RequestExecutor("test", threads, queueCapacity);
        var table = new ProcessorTable();
        register?.Invoke(table, executor);
        var server = new RemotingServer(options ?? new RemotingServerOptions { ListenAddress = "127.0.0.1", ListenPort = 0 }, table, null)
        {
            ChannelEventListener = listener,
        };
        var endPoint = await server.StartAsync();
        return new ServerFixture(server, executor, endPoint);
    }

    public Task<RawClient> ConnectRawAsync() => RawClient.ConnectAsync(EndPoint);

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await Server.StopAsync();
        await Executor.DisposeAsync();
    }
}
