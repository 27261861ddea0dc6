using System.Globalization;
using Rmq.Remoting.Protocol;

namespace Rmq.Remoting.Tests.Transport;

/// <summary>Frames queued from many threads at once are written in batches, one flush per batch; none may be torn or lost.</summary>
public sealed class ConcurrentWriteTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(SerializeType.Json)]
    [InlineData(SerializeType.RocketMQ)]
    public async Task Requests_and_responses_written_from_many_threads_at_once_all_arrive_intact(SerializeType type)
    {
        // Given an echoing server with several executor threads answering at once
        await using var fixture = await ServerFixture.StartAsync((t, e) => t.Register(RequestCode.HeartBeat, DelegateProcessor.Echo(), e), threads: 4);

        // When 16 senders each send 100 requests over the one connection, bodies from empty to 70 KB
        var senders = Enumerable.Range(0, 16).Select(sender => Task.Run(async () =>
        {
            for (var i = 0; i < 100; i++)
            {
                var size = (sender * 7919 + i * 104729) % 70_000 * (i % 3);
                var body = new byte[size];
                Array.Fill(body, (byte)(sender + i));
                var request = RemotingCommand.CreateRequest(RequestCode.HeartBeat, body: body)
                    .WithExtField("sender", sender.ToString(CultureInfo.InvariantCulture))
                    .WithExtField("i", i.ToString(CultureInfo.InvariantCulture));
                request.SerializeType = type;

                var response = await fixture.Client.InvokeAsync(fixture.Address, request, Timeout);

                // Then each answer is the echo of its own request, byte for byte
                Assert.Equal(ResponseCode.Success, response.Code);
                Assert.Equal(sender.ToString(CultureInfo.InvariantCulture), response.GetExtField("sender"));
                Assert.Equal(i.ToString(CultureInfo.InvariantCulture), response.GetExtField("i"));
                Assert.True(body.AsSpan().SequenceEqual(response.Body.Span), $"body of sender {sender} request {i} ({size} bytes) differs");
            }
        })).ToArray();
        await Task.WhenAll(senders).WaitAsync(Timeout);

        Assert.Single(fixture.Server.Channels);
    }
}
