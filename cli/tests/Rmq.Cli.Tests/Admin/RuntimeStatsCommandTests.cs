using System.Globalization;
using Rmq.Client.Consumer;

namespace Rmq.Cli.Tests.Admin;

/// <summary>brokerStatus, clusterList and statsAll reading rmq's broker statistics (GET_BROKER_RUNTIME_INFO, VIEW_BROKER_STATS_DATA).</summary>
public sealed class RuntimeStatsCommandTests(BrokerFixture fixture) : IClassFixture<BrokerFixture>
{
    private string N => fixture.Namesrv;

    private string Addr => fixture.BrokerAddr;

    private async Task<AdminResult> OkAsync(params string[] args)
    {
        var result = await AdminRun.RunAsync([.. args, "-n", N]);
        Assert.True(result.ExitCode == 0, string.Join(' ', args) + "\n" + result);
        return result;
    }

    [Fact]
    public async Task StatsAll_and_brokerStatus_show_what_was_put_and_pulled()
    {
        await OkAsync("updateTopic", "-c", AdminCluster.ClusterName, "-t", "STA", "-r", "1", "-w", "1");
        Assert.True(await AdminRun.EventuallyAsync(async () => (await AdminRun.RunAsync("topicRoute", "-t", "STA", "-n", N)).ExitCode == 0, TimeSpan.FromSeconds(15)));
        for (var i = 0; i < 3; i++)
        {
            await OkAsync("sendMessage", "-t", "STA", "-p", "s" + i, "-b", "broker-a", "-i", "0");
        }

        await using (var consumer = new PullConsumer(new PullConsumerOptions { NameServerAddress = N, ConsumerGroup = "STAG" }))
        {
            await consumer.StartAsync();
            var queue = (await consumer.FetchSubscribeMessageQueuesAsync("STA")).Single();
            Assert.Equal(3, (await consumer.PullAsync(queue, "*", 0, 32)).Messages.Count);
            await consumer.UpdateConsumeOffsetAsync(queue, 2);
        }

        fixture.Cluster.Broker("broker-a").StatsSampling.Tick(forceItems: true);
        var stats = await OkAsync("statsAll", "-t", "STA", "--output", "json");
        var status = await OkAsync("brokerStatus", "-b", Addr);

        var row = stats.Json[0];
        Assert.Equal("STAG", row.GetProperty("consumerGroup").GetString());
        Assert.Equal(3, row.GetProperty("inMsg24Hour").GetInt64());
        Assert.Equal(3, row.GetProperty("outMsg24Hour").GetInt64());
        Assert.True(row.GetProperty("inTps").GetDouble() > 0);
        Assert.Equal(1, row.GetProperty("accumulation").GetInt64());
        var lines = status.Out.Split('\n');
        var putTotal = long.Parse(lines.Single(l => l.StartsWith("msgPutTotalTodayNow ", StringComparison.Ordinal)).Split(':')[1].Trim(), CultureInfo.InvariantCulture);
        Assert.True(putTotal >= 3, status.Out);
        Assert.DoesNotContain(lines, l => l.StartsWith("earliestMessageTimeStamp ", StringComparison.Ordinal) && l.EndsWith(": 0", StringComparison.Ordinal));
    }
}
