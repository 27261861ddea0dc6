using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Tests.Transport;

namespace Rmq.Remoting.Tests.Processing;

public sealed class RequestDispatcherTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Dispatch_returns_before_the_processor_runs_and_completion_follows_the_processor()
    {
        // Given a processor that blocks until released
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var processor = new DelegateProcessor(async (_, _, _) =>
        {
            await gate.Task;
            return RemotingCommand.CreateResponse(ResponseCode.Success);
        });
        await using var executor = new RequestExecutor("t", 1, 4);
        var table = new ProcessorTable();
        table.Register(RequestCode.HeartBeat, processor, executor);
        var channel = new RecordingChannel();
        var completed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var request = RemotingCommand.CreateRequest(RequestCode.HeartBeat);
        request.Opaque = 77;
        request.SerializeType = SerializeType.RocketMQ;

        // When dispatched (as the event loop does)
        new RequestDispatcher(table).Dispatch(channel, request, DateTimeOffset.UtcNow, () => completed.TrySetResult());

        // Then dispatch did not wait for the processor; completion and the response follow its release
        Assert.False(completed.Task.IsCompleted);
        Assert.Empty(channel.Responses);
        gate.SetResult();
        await completed.Task.WaitAsync(Timeout);
        var response = Assert.Single(channel.Responses);
        Assert.Equal(77, response.Opaque);
        Assert.True(response.IsResponse);
        Assert.Equal(SerializeType.RocketMQ, response.SerializeType);
    }

    [Fact]
    public async Task Oneway_requests_get_no_response_even_when_unknown_or_failing()
    {
        await using var executor = new RequestExecutor("t", 1, 4);
        var table = new ProcessorTable();
        var ran = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        table.Register(RequestCode.UpdateConsumerOffset, new DelegateProcessor((_, _, _) => throw new InvalidOperationException("boom")), executor);
        var channel = new RecordingChannel();
        var dispatcher = new RequestDispatcher(table);
        var completions = 0;

        dispatcher.Dispatch(channel, RemotingCommand.CreateRequest(9999).MarkOneway(), DateTimeOffset.UtcNow, () => Interlocked.Increment(ref completions));
        dispatcher.Dispatch(channel, RemotingCommand.CreateRequest(RequestCode.UpdateConsumerOffset).MarkOneway(), DateTimeOffset.UtcNow, () =>
        {
            Interlocked.Increment(ref completions);
            ran.TrySetResult();
        });
        await ran.Task.WaitAsync(Timeout);

        Assert.Empty(channel.Responses);
        Assert.Equal(2, Volatile.Read(ref completions));
    }

    [Fact]
    public void An_unknown_code_is_answered_at_once_and_completes_at_once()
    {
        var channel = new RecordingChannel();
        var completions = 0;
        var request = RemotingCommand.CreateRequest(4321);
        request.Opaque = 5;

        new RequestDispatcher(new ProcessorTable()).Dispatch(channel, request, DateTimeOffset.UtcNow, () => completions++);

        var response = Assert.Single(channel.Responses);
        Assert.Equal(ResponseCode.RequestCodeNotSupported, response.Code);
        Assert.Equal(" request type 4321 not supported", response.Remark);
        Assert.Equal(5, response.Opaque);
        Assert.Equal(1, completions);
    }

    [Fact]
    public void Describe_uses_the_message_of_a_command_exception_and_names_other_exceptions()
    {
        Assert.Equal("the custom field <topic> is null", RequestDispatcher.Describe(new RemotingCommandException("the custom field <topic> is null")));
        Assert.Equal("ArgumentException: bad", RequestDispatcher.Describe(new ArgumentException("bad")));
    }
}
