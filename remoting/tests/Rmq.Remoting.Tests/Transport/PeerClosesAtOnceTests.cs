using System.Net;
using System.Net.Sockets;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Transport;

namespace Rmq.Remoting.Tests.Transport;

public class PeerClosesAtOnceTests
{
    [Fact]
    public async Task A_peer_that_accepts_and_closes_at_once_fails_the_invoke_with_a_RemotingException()
    {
        // Given a listener that closes every connection as soon as it accepts it (docker-proxy with nothing behind it)
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var closer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var socket = await listener.AcceptSocketAsync(stop.Token);
                socket.Close();
            }
        });
        await using var client = new RemotingClient(new RemotingClientOptions());

        // When a request is sent, ten times over
        for (var i = 0; i < 10; i++)
        {
            // Then each fails with a remoting exception, never a crash of the client
            await Assert.ThrowsAnyAsync<RemotingException>(() =>
                client.InvokeAsync($"127.0.0.1:{port}", RemotingCommand.CreateRequest(RequestCode.HeartBeat), TimeSpan.FromSeconds(2)));
        }

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => closer);
    }
}
