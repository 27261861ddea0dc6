using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Transport;

namespace Rmq.Remoting.Tests.Transport;

public sealed class RemotingClientTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task An_invoke_without_an_answer_times_out_and_forgets_the_request()
    {
        await using var fixture = await ServerFixture.StartAsync((t, e) => t.Register(RequestCode.PullMessage, DelegateProcessor.Never(), e));
        var timeout = TimeSpan.FromMilliseconds(300);
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAsync<RemotingTimeoutException>(() =>
            fixture.Client.InvokeAsync(fixture.Address, RemotingCommand.CreateRequest(RequestCode.PullMessage), timeout).WaitAsync(Timeout));

        Assert.True(watch.Elapsed < Timeout, $"took {watch.Elapsed}");
        var channel = (NettyRemotingChannel)await fixture.Client.GetChannelAsync(fixture.Address);
        Assert.Equal(0, channel.PendingCount);
    }

    [Fact]
    public async Task An_invoke_to_a_port_nobody_listens_on_fails_with_a_connect_exception()
    {
        var port = FreePort();
        await using var client = new RemotingClient(new RemotingClientOptions());

        await Assert.ThrowsAsync<RemotingConnectException>(() =>
            client.InvokeAsync("127.0.0.1:" + port, RemotingCommand.CreateRequest(RequestCode.HeartBeat), Timeout).WaitAsync(Timeout));
    }

    [Fact]
    public async Task A_malformed_address_fails_with_a_connect_exception()
    {
        await using var client = new RemotingClient(new RemotingClientOptions());

        await Assert.ThrowsAsync<RemotingConnectException>(() =>
            client.InvokeAsync("no-port-here", RemotingCommand.CreateRequest(RequestCode.HeartBeat), Timeout).WaitAsync(Timeout));
    }

    [Fact]
    public async Task A_connection_closed_by_the_server_is_made_again_on_the_next_call()
    {
        // Given a processor that closes the connection it was called on
        await using var fixture = await ServerFixture.StartAsync((t, e) =>
        {
            t.Register(RequestCode.HeartBeat, DelegateProcessor.Echo(), e);
            t.Register(RequestCode.UnregisterClient, new DelegateProcessor(async (c, _, _) =>
            {
                await c.Channel.CloseAsync();
                return null;
            }), e);
        });
        var first = await fixture.Client.GetChannelAsync(fixture.Address);

        // When the server closes it while a request waits
        await Assert.ThrowsAsync<RemotingConnectException>(() =>
            fixture.Client.InvokeAsync(fixture.Address, RemotingCommand.CreateRequest(RequestCode.UnregisterClient), Timeout).WaitAsync(Timeout));
        Assert.True(await Poll.UntilAsync(() => !first.IsActive, Timeout));

        // Then the next call connects again and is answered
        var response = await fixture.Client.InvokeAsync(fixture.Address, RemotingCommand.CreateRequest(RequestCode.HeartBeat), Timeout);
        Assert.Equal(ResponseCode.Success, response.Code);
        Assert.NotSame(first, await fixture.Client.GetChannelAsync(fixture.Address));
    }

    [Fact]
    public async Task A_oneway_invoke_reaches_the_processor_with_the_oneway_flag()
    {
        var seen = new TaskCompletionSource<RemotingCommand>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var fixture = await ServerFixture.StartAsync((t, e) => t.Register(RequestCode.UpdateConsumerOffset, new DelegateProcessor((_, r, _) =>
        {
            seen.TrySetResult(r);
            return ValueTask.FromResult<RemotingCommand?>(null);
        }), e));

        await fixture.Client.InvokeOnewayAsync(fixture.Address, RemotingCommand.CreateRequest(RequestCode.UpdateConsumerOffset).WithExtField("commitOffset", "7"));

        var request = await seen.Task.WaitAsync(Timeout);
        Assert.True(request.IsOneway);
        Assert.Equal("7", request.GetExtField("commitOffset"));
    }

    [Fact]
    public async Task Closing_a_channel_fails_its_pending_invokes()
    {
        // Given a request the server received and will never answer
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var fixture = await ServerFixture.StartAsync((t, e) => t.Register(RequestCode.PullMessage, new DelegateProcessor((_, _, _) =>
        {
            received.TrySetResult();
            return ValueTask.FromResult<RemotingCommand?>(null);
        }), e));
        var pending = fixture.Client.InvokeAsync(fixture.Address, RemotingCommand.CreateRequest(RequestCode.PullMessage), TimeSpan.FromSeconds(60));
        await received.Task.WaitAsync(Timeout);
        var channel = (NettyRemotingChannel)await fixture.Client.GetChannelAsync(fixture.Address);
        Assert.Equal(1, channel.PendingCount);

        await fixture.Client.CloseChannelAsync(fixture.Address);

        await Assert.ThrowsAsync<RemotingConnectException>(() => pending.WaitAsync(Timeout));
    }

    private static int FreePort()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)listener.LocalEndPoint!).Port;
    }
}
