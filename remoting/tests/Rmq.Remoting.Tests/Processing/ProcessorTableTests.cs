using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Tests.Transport;

namespace Rmq.Remoting.Tests.Processing;

public sealed class ProcessorTableTests
{
    [Fact]
    public async Task A_registered_code_wins_over_the_default_and_other_codes_fall_back()
    {
        await using var executor = new RequestExecutor("t", 1, 1);
        var specific = DelegateProcessor.Echo();
        var fallback = DelegateProcessor.Never();
        var table = new ProcessorTable();
        Assert.False(table.TryGet(RequestCode.HeartBeat, out _));

        table.Register(RequestCode.HeartBeat, specific, executor);
        table.SetDefault(fallback, executor);

        Assert.True(table.TryGet(RequestCode.HeartBeat, out var hit));
        Assert.Same(specific, hit.Processor);
        Assert.Same(executor, hit.Executor);
        Assert.True(table.TryGet(12345, out var other));
        Assert.Same(fallback, other.Processor);
        Assert.Equal([RequestCode.HeartBeat], table.RegisteredCodes);
    }
}
