using System.Text.Json;
using Rmq.Cli.Tests.Admin;
using Xunit;

namespace Rmq.Cli.Tests.Bench;

public sealed class BenchCommandTests(BrokerFixture fixture) : IClassFixture<BrokerFixture>
{
    private static async Task<AdminResult> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var code = await RmqApp.RunAsync(["bench", .. args], new CliConsole(output, error), cts.Token);
        return new AdminResult(code, output.ToString(), error.ToString());
    }

    private static void AssertOrdered(JsonElement latency)
    {
        var p50 = latency.GetProperty("p50Ms").GetDouble();
        var p99 = latency.GetProperty("p99Ms").GetDouble();
        var p999 = latency.GetProperty("p999Ms").GetDouble();
        Assert.True(p50 <= p99 && p99 <= p999 && p999 <= latency.GetProperty("maxMs").GetDouble(), latency.ToString());
    }

    [Fact]
    public async Task Producer_sends_exactly_count_then_a_consumer_reads_them()
    {
        var topic = "BenchTopic" + Guid.NewGuid().ToString("N")[..8];
        var produced = await RunAsync("producer", "-n", fixture.Namesrv, "-t", topic, "-s", "256", "-w", "8", "--count", "200", "--duration", "10s", "--output", "json");
        Assert.True(produced.ExitCode == 0, produced.ToString());
        var p = produced.Json;
        Assert.Equal(200, p.GetProperty("sent").GetInt64());
        Assert.Equal(0, p.GetProperty("failed").GetInt64());
        Assert.Equal(0, p.GetProperty("sendFailed").GetInt64());
        Assert.Equal(0, p.GetProperty("responseFailed").GetInt64());
        Assert.Equal(topic, p.GetProperty("topic").GetString());
        Assert.True(p.GetProperty("elapsedSeconds").GetDouble() > 0);
        Assert.True(p.GetProperty("messagesPerSecond").GetDouble() > 0);
        Assert.True(p.GetProperty("megabytesPerSecond").GetDouble() > 0);
        AssertOrdered(p.GetProperty("sendLatency"));

        var consumed = await RunAsync("consumer", "-n", fixture.Namesrv, "-t", topic, "-g", "BenchGroup" + topic, "--from", "first", "--count", "200", "--duration", "20s", "--output", "json");
        Assert.True(consumed.ExitCode == 0, consumed.ToString());
        var c = consumed.Json;
        Assert.True(c.GetProperty("received").GetInt64() >= 200, consumed.ToString());
        Assert.Equal(200 * 256, c.GetProperty("bytes").GetInt64());
        AssertOrdered(c.GetProperty("bornToConsume"));
        AssertOrdered(c.GetProperty("storeToConsume"));
    }

    [Fact]
    public async Task Batch_sends_count_messages_and_text_output_has_the_per_second_and_summary_lines()
    {
        var topic = "BenchBatch" + Guid.NewGuid().ToString("N")[..8];
        var produced = await RunAsync("producer", "-n", fixture.Namesrv, "-t", topic, "-s", "100", "-w", "4", "--batch", "16", "--async", "--count", "200", "--duration", "10s");
        Assert.True(produced.ExitCode == 0, produced.ToString());
        Assert.Contains("[Complete] Send Total: 200 Send Failed: 0 Response Failed: 0", produced.Out, StringComparison.Ordinal);
        Assert.Contains("p999", produced.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_duration_is_a_bad_argument()
    {
        var result = await RunAsync("producer", "-n", fixture.Namesrv, "-t", "T", "--duration", "soon");
        Assert.Equal(ExitCodes.BadArguments, result.ExitCode);
    }
}
