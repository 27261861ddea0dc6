using System.Buffers.Binary;
using System.Text;
using Rmq.Remoting.Protocol;

namespace Rmq.Remoting.Tests.Transport;

public sealed class MalformedInputTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static TheoryData<string> Cases => new()
    {
        "garbage-header",
        "length-2GiB",
        "length-negative",
        "length-minus-one",
        "length-just-over-16MiB",
        "header-longer-than-frame",
        "unknown-serialize-type",
        "truncated-rocketmq-header",
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_frame_closes_only_its_connection_and_other_clients_keep_being_served(string name)
    {
        // Given a server with a well-behaved client that is being answered
        await using var fixture = await ServerFixture.StartAsync((t, e) => t.Register(RequestCode.HeartBeat, DelegateProcessor.Echo(), e));
        Assert.Equal(ResponseCode.Success, (await Invoke(fixture)).Code);
        var good = await fixture.Client.GetChannelAsync(fixture.Address);

        // When another connection sends a bad frame
        using var bad = await fixture.ConnectRawAsync();
        await bad.SendAsync(Frame(name));

        // Then that connection is closed, and the good one still works on the same connection
        Assert.True(await bad.WaitClosedAsync(Timeout), $"the connection that sent {name} was not closed");
        Assert.Equal(ResponseCode.Success, (await Invoke(fixture)).Code);
        Assert.Same(good, await fixture.Client.GetChannelAsync(fixture.Address));
        Assert.True(good.IsActive);
    }

    private static Task<RemotingCommand> Invoke(ServerFixture fixture) =>
        fixture.Client.InvokeAsync(fixture.Address, RemotingCommand.CreateRequest(RequestCode.HeartBeat), Timeout);

    private static byte[] Frame(string name)
    {
        switch (name)
        {
            case "garbage-header":
                var garbage = Encoding.ASCII.GetBytes("this is not json at all {{{");
                return Build(4 + garbage.Length, garbage.Length, garbage);
            case "length-2GiB":
                return Build(0x7FFFFFFF, 10, new byte[32]);
            case "length-negative":
                return Build(unchecked((int)0x80000000), 10, new byte[32]);
            case "length-minus-one":
                return Build(-1, 10, new byte[32]);
            case "length-just-over-16MiB":
                return Build(RemotingCommandCodec.MaxFrameLength + 1, 10, new byte[32]);
            case "header-longer-than-frame":
                return Build(4 + 10, 1000, new byte[10]);
            case "unknown-serialize-type":
                var json = Encoding.UTF8.GetBytes("{\"code\":34,\"flag\":0,\"language\":\"JAVA\",\"opaque\":1,\"version\":407}");
                return Build(4 + json.Length, (5 << 24) | json.Length, json);
            case "truncated-rocketmq-header":
                return Build(4 + 5, (1 << 24) | 5, new byte[5]);
            default:
                throw new ArgumentOutOfRangeException(nameof(name), name, null);
        }
    }

    private static byte[] Build(int length, int headerWord, byte[] rest)
    {
        var frame = new byte[8 + rest.Length];
        BinaryPrimitives.WriteInt32BigEndian(frame, length);
        BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(4), headerWord);
        rest.CopyTo(frame, 8);
        return frame;
    }
}
