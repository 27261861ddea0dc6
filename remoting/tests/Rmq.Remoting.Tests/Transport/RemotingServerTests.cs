using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Transport;

namespace Rmq.Remoting.Tests.Transport;

public sealed class RemotingServerTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData(SerializeType.Json)]
    [InlineData(SerializeType.RocketMQ)]
    public async Task A_request_is_answered_in_its_own_serialization_as_a_raw_socket_sees_it(SerializeType type)
    {
        // Given a server whose processor echoes
        await using var fixture = await ServerFixture.StartAsync((t, e) => t.Register(RequestCode.HeartBeat, DelegateProcessor.Echo(), e));
        using var raw = await fixture.ConnectRawAsync();
        var request = RemotingCommand.CreateRequest(RequestCode.HeartBeat, body: Encoding.UTF8.GetBytes("hello"))
            .WithExtField("topic", "TopicTest");
        request.Opaque = 4242;
        request.SerializeType = type;

        // When a third-party client sends the frame by hand
        await raw.SendAsync(request);
        var frame = await raw.ReadFrameAsync(Timeout);

        // Then the response's type byte is the request's, and it matches the request
        Assert.Equal((byte)type, frame[4]);
        var response = RemotingCommandCodec.DecodeWithLength(frame);
        Assert.True(response.IsResponse);
        Assert.Equal(4242, response.Opaque);
        Assert.Equal(ResponseCode.Success, response.Code);
        Assert.Equal("echo:" + RequestCode.HeartBeat, response.Remark);
        Assert.Equal("hello", Encoding.UTF8.GetString(response.Body.Span));
        Assert.Equal("TopicTest", response.GetExtField("topic"));
    }

    [Theory]
    [InlineData(SerializeType.Json)]
    [InlineData(SerializeType.RocketMQ)]
    public async Task The_client_round_trips_in_both_serializations(SerializeType type)
    {
        await using var fixture = await ServerFixture.StartAsync((t, e) => t.Register(RequestCode.HeartBeat, DelegateProcessor.Echo(), e));
        var request = RemotingCommand.CreateRequest(RequestCode.HeartBeat, body: new byte[] { 1, 2, 3 }).WithExtField("k", "v");
        request.SerializeType = type;

        var response = await fixture.Client.InvokeAsync(fixture.Address, request, Timeout);

        Assert.Equal(ResponseCode.Success, response.Code);
        Assert.Equal(type, response.SerializeType);
        Assert.Equal(request.Opaque, response.Opaque);
        Assert.Equal(new byte[] { 1, 2, 3 }, response.Body.ToArray());
        Assert.Equal("v", response.GetExtField("k"));
    }

    [Fact]
    public async Task Many_concurrent_requests_on_one_connection_get_their_own_responses_when_answered_in_reverse_order()
    {
        // Given a processor that holds every request and answers them all, last first, once all arrived
        const int count = 64;
        var held = new ConcurrentQueue<(RequestContext Context, RemotingCommand Request)>();
        var processor = new DelegateProcessor((context, request, _) =>
        {
            held.Enqueue((context, request));
            if (held.Count == count)
            {
                foreach (var (c, r) in held.Reverse())
                {
                    var response = RemotingCommand.CreateResponse(ResponseCode.Success, r.GetExtField("i"));
                    var ignored = c.RespondAsync(r, response);
                }
            }

            return ValueTask.FromResult<RemotingCommand?>(null);
        });
        await using var fixture = await ServerFixture.StartAsync((t, e) => t.Register(RequestCode.GetRouteInfoByTopic, processor, e), threads: 1);

        // When one client sends them concurrently
        var calls = Enumerable.Range(0, count).Select(i =>
            fixture.Client.InvokeAsync(
                fixture.Address,
                RemotingCommand.CreateRequest(RequestCode.GetRouteInfoByTopic).WithExtField("i", i.ToString(CultureInfo.InvariantCulture)),
                Timeout)).ToArray();
        var responses = await Task.WhenAll(calls).WaitAsync(Timeout);

        // Then each caller got the answer to its own request, over a single connection
        for (var i = 0; i < count; i++)
        {
            Assert.Equal(i.ToString(CultureInfo.InvariantCulture), responses[i].Remark);
        }

        Assert.Single(fixture.Server.Channels);
    }

    [Fact]
    public async Task A_oneway_request_runs_its_processor_and_gets_no_response()
    {
        // Given a processor that records it ran and would answer
        var ran = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var oneway = new DelegateProcessor((_, _, _) =>
        {
            ran.TrySetResult();
            return ValueTask.FromResult<RemotingCommand?>(RemotingCommand.CreateResponse(ResponseCode.Success, "must not be sent"));
        });
        await using var fixture = await ServerFixture.StartAsync((t, e) =>
        {
            t.Register(RequestCode.UpdateConsumerOffset, oneway, e);
            t.Register(RequestCode.HeartBeat, DelegateProcessor.Echo(), e);
        });
        using var raw = await fixture.ConnectRawAsync();

        // When a oneway request is sent, and after the processor ran, a normal request
        var request = RemotingCommand.CreateRequest(RequestCode.UpdateConsumerOffset).MarkOneway();
        request.Opaque = 1;
        await raw.SendAsync(request);
        await ran.Task.WaitAsync(Timeout);
        var probe = RemotingCommand.CreateRequest(RequestCode.HeartBeat);
        probe.Opaque = 2;
        await raw.SendAsync(probe);

        // Then the first frame to arrive is the probe's response: nothing was written for the oneway
        var first = RemotingCommandCodec.DecodeWithLength(await raw.ReadFrameAsync(Timeout));
        Assert.Equal(2, first.Opaque);
        Assert.Equal("echo:" + RequestCode.HeartBeat, first.Remark);
    }

    [Fact]
    public async Task An_unknown_code_is_answered_request_code_not_supported()
    {
        await using var fixture = await ServerFixture.StartAsync();

        var response = await fixture.Client.InvokeAsync(fixture.Address, RemotingCommand.CreateRequest(9999), Timeout);

        Assert.Equal(ResponseCode.RequestCodeNotSupported, response.Code);
        Assert.Equal(" request type 9999 not supported", response.Remark);
    }

    [Fact]
    public async Task A_code_not_registered_goes_to_the_default_processor()
    {
        await using var fixture = await ServerFixture.StartAsync((t, e) => t.SetDefault(DelegateProcessor.Echo(), e));

        var response = await fixture.Client.InvokeAsync(fixture.Address, RemotingCommand.CreateRequest(9999), Timeout);

        Assert.Equal(ResponseCode.Success, response.Code);
        Assert.Equal("echo:9999", response.Remark);
    }

    [Fact]
    public async Task A_processor_exception_is_answered_system_error_naming_it()
    {
        var failing = new DelegateProcessor((_, request, _) =>
            request.Code == RequestCode.HeartBeat
                ? throw new RemotingCommandException("the custom field <topic> is null")
                : throw new InvalidOperationException("boom"));
        await using var fixture = await ServerFixture.StartAsync((t, e) =>
        {
            t.Register(RequestCode.HeartBeat, failing, e);
            t.Register(RequestCode.GetRouteInfoByTopic, failing, e);
        });

        var header = await fixture.Client.InvokeAsync(fixture.Address, RemotingCommand.CreateRequest(RequestCode.HeartBeat), Timeout);
        var other = await fixture.Client.InvokeAsync(fixture.Address, RemotingCommand.CreateRequest(RequestCode.GetRouteInfoByTopic), Timeout);

        Assert.Equal(ResponseCode.SystemError, header.Code);
        Assert.Equal("the custom field <topic> is null", header.Remark);
        Assert.Equal(ResponseCode.SystemError, other.Code);
        Assert.Equal("InvalidOperationException: boom", other.Remark);
    }

    [Fact]
    public async Task A_full_executor_queue_is_answered_system_busy_overload()
    {
        // Given one worker, a queue of one, and a processor that blocks until released
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var blocking = new DelegateProcessor(async (_, _, _) =>
        {
            started.TrySetResult();
            await gate.Task;
            return RemotingCommand.CreateResponse(ResponseCode.Success);
        });
        await using var fixture = await ServerFixture.StartAsync((t, e) => t.Register(RequestCode.SendMessageV2, blocking, e), threads: 1, queueCapacity: 1);

        // When the worker is busy and the queue holds one, a third request arrives
        var running = fixture.Client.InvokeAsync(fixture.Address, RemotingCommand.CreateRequest(RequestCode.SendMessageV2), Timeout);
        await started.Task.WaitAsync(Timeout);
        var queued = fixture.Client.InvokeAsync(fixture.Address, RemotingCommand.CreateRequest(RequestCode.SendMessageV2), Timeout);
        Assert.True(await Poll.UntilAsync(() => fixture.Executor.QueueSize == 1, Timeout));
        var rejected = await fixture.Client.InvokeAsync(fixture.Address, RemotingCommand.CreateRequest(RequestCode.SendMessageV2), Timeout);

        // Then it is answered SYSTEM_BUSY at once, and the others complete once released
        Assert.Equal(ResponseCode.SystemBusy, rejected.Code);
        Assert.Equal("[OVERLOAD]system busy, start flow control for a while", rejected.Remark);
        gate.SetResult();
        Assert.Equal(ResponseCode.Success, (await running.WaitAsync(Timeout)).Code);
        Assert.Equal(ResponseCode.Success, (await queued.WaitAsync(Timeout)).Code);
    }

    [Fact]
    public async Task A_rejecting_processor_is_answered_system_busy_rejectrequest()
    {
        var rejecting = new DelegateProcessor((_, _, _) => ValueTask.FromResult<RemotingCommand?>(RemotingCommand.CreateResponse(ResponseCode.Success)), reject: () => true);
        await using var fixture = await ServerFixture.StartAsync((t, e) => t.Register(RequestCode.SendMessage, rejecting, e));

        var response = await fixture.Client.InvokeAsync(fixture.Address, RemotingCommand.CreateRequest(RequestCode.SendMessage), Timeout);

        Assert.Equal(ResponseCode.SystemBusy, response.Code);
        Assert.Equal("[REJECTREQUEST]system busy, start flow control for a while", response.Remark);
    }

    [Fact]
    public async Task A_server_request_to_the_client_is_answered_by_the_client_processor_table_on_the_same_connection()
    {
        // Given a server processor that, while handling a heartbeat, asks the client for its running info
        var serverProcessor = new DelegateProcessor(async (context, _, ct) =>
        {
            var ask = RemotingCommand.CreateRequest(RequestCode.GetConsumerRunningInfo).WithExtField("consumerGroup", "G");
            var answer = await context.Channel.InvokeAsync(ask, Timeout, ct);
            return RemotingCommand.CreateResponse(ResponseCode.Success, "client said " + answer.Remark);
        });
        var listener = new RecordingListener();
        await using var fixture = await ServerFixture.StartAsync((t, e) => t.Register(RequestCode.HeartBeat, serverProcessor, e), listener: listener);
        await using var clientExecutor = new RequestExecutor("client", 1, 16);
        fixture.Client.Processors.Register(
            RequestCode.GetConsumerRunningInfo,
            new DelegateProcessor((_, r, _) => ValueTask.FromResult<RemotingCommand?>(RemotingCommand.CreateResponse(ResponseCode.Success, "running " + r.GetExtField("consumerGroup")))),
            clientExecutor);

        // When the client sends a heartbeat
        var response = await fixture.Client.InvokeAsync(fixture.Address, RemotingCommand.CreateRequest(RequestCode.HeartBeat), Timeout);

        // Then the server got the client's answer on the same (single) connection
        Assert.Equal("client said running G", response.Remark);
        Assert.Single(fixture.Server.Channels);
        Assert.True(await Poll.UntilAsync(() => listener.Has("connect"), Timeout));
    }

    [Fact]
    public async Task A_server_request_with_an_unknown_code_is_answered_not_supported_by_the_client()
    {
        var serverProcessor = new DelegateProcessor(async (context, _, ct) =>
        {
            var answer = await context.Channel.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.CheckTransactionState), Timeout, ct);
            return RemotingCommand.CreateResponse(ResponseCode.Success, answer.Code.ToString(CultureInfo.InvariantCulture));
        });
        await using var fixture = await ServerFixture.StartAsync((t, e) => t.Register(RequestCode.HeartBeat, serverProcessor, e));

        var response = await fixture.Client.InvokeAsync(fixture.Address, RemotingCommand.CreateRequest(RequestCode.HeartBeat), Timeout);

        Assert.Equal(ResponseCode.RequestCodeNotSupported.ToString(CultureInfo.InvariantCulture), response.Remark);
    }

    [Fact]
    public async Task A_closed_connection_is_reported_to_the_listener_with_its_address()
    {
        var listener = new RecordingListener();
        await using var fixture = await ServerFixture.StartAsync(listener: listener);
        var raw = await fixture.ConnectRawAsync();
        Assert.True(await Poll.UntilAsync(() => listener.Has("connect"), Timeout));

        raw.Dispose();

        Assert.True(await Poll.UntilAsync(() => listener.Has("close"), Timeout));
        var closed = listener.Events.First(e => e.Event == "close").Channel;
        Assert.StartsWith("127.0.0.1:", closed.RemoteAddress, StringComparison.Ordinal);
        Assert.False(closed.IsActive);
        Assert.True(await Poll.UntilAsync(() => fixture.Server.Channels.Count == 0, Timeout));
    }

    [Fact]
    public async Task An_idle_connection_is_closed_after_the_idle_limit()
    {
        var listener = new RecordingListener();
        await using var fixture = await ServerFixture.StartAsync(
            options: new RemotingServerOptions { ListenAddress = "127.0.0.1", ListenPort = 0, ServerChannelMaxIdleTimeSeconds = 1 },
            listener: listener);
        using var raw = await fixture.ConnectRawAsync();

        Assert.True(await raw.WaitClosedAsync(Timeout));
        Assert.True(await Poll.UntilAsync(() => listener.Has("idle") && listener.Has("close"), Timeout));
    }

    [Fact]
    public async Task Stopping_the_server_closes_client_connections_and_fails_pending_invokes_promptly()
    {
        // Given a client waiting for a response that will never come
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var never = new DelegateProcessor((_, _, _) =>
        {
            received.TrySetResult();
            return ValueTask.FromResult<RemotingCommand?>(null);
        });
        var fixture = await ServerFixture.StartAsync((t, e) => t.Register(RequestCode.PullMessage, never, e));
        try
        {
            var pending = fixture.Client.InvokeAsync(fixture.Address, RemotingCommand.CreateRequest(RequestCode.PullMessage), TimeSpan.FromSeconds(60));
            await received.Task.WaitAsync(Timeout);

            // When the server stops
            await fixture.Server.StopAsync().WaitAsync(Timeout);

            // Then the invoke fails with a connection error well before its timeout
            await Assert.ThrowsAsync<RemotingConnectException>(() => pending.WaitAsync(Timeout));
        }
        finally
        {
            await fixture.DisposeAsync();
        }
    }
}
