using Rmq.Client.Broker;

namespace Rmq.Cli.Tests.Admin;

/// <summary>queryCq, cloneGroupOffset and cleanUnusedTopic against an in-process rmq name server and broker.</summary>
public sealed class QueueToolsCommandTests(BrokerFixture fixture) : IClassFixture<BrokerFixture>
{
    private string N => fixture.Namesrv;

    private string Addr => fixture.BrokerAddr;

    private async Task<AdminResult> OkAsync(params string[] args)
    {
        var result = await AdminRun.RunAsync([.. args, "-n", N]);
        Assert.True(result.ExitCode == 0, string.Join(' ', args) + "\n" + result);
        return result;
    }

    private async Task CreateTopicAsync(string topic)
    {
        await OkAsync("updateTopic", "-c", AdminCluster.ClusterName, "-t", topic, "-r", "1", "-w", "1");
        Assert.True(await AdminRun.EventuallyAsync(async () => (await AdminRun.RunAsync("topicRoute", "-t", topic, "-n", N)).ExitCode == 0, TimeSpan.FromSeconds(15)));
    }

    private async Task SendAsync(string topic, string body) =>
        await OkAsync("sendMessage", "-t", topic, "-p", body, "-b", "broker-a", "-i", "0", "-c", "TagQ");

    [Fact]
    public async Task QueryCq_prints_the_queue_range_and_each_unit_as_mqadmin_does()
    {
        await CreateTopicAsync("QCQ");
        await SendAsync("QCQ", "one");
        await SendAsync("QCQ", "two");

        var table = await OkAsync("queryCq", "-t", "QCQ", "-q", "0", "-i", "0", "-c", "5", "-g", "OfflineG");
        var json = await OkAsync("queryCq", "-t", "QCQ", "-q", "0", "-i", "1", "-b", Addr, "--output", "json");

        Assert.StartsWith("Filter data: \nOfflineG@QCQ is not online!\n======================================\nQueue data: \nmax: 2, min: 0\n======================================\nidx: 0\nConsumeQueueData{physicOffset=", table.Out, StringComparison.Ordinal);
        Assert.Contains($", tagsCode={Rmq.Store.JavaHash.HashCode("TagQ")}, extendDataJson='null', bitMap='null', eval=false, msg='null'}}\n======================================\nidx: 1\n", table.Out, StringComparison.Ordinal);
        Assert.Equal(2, json.Json.GetProperty("maxQueueIndex").GetInt64());
        Assert.Single(json.Json.GetProperty("queueData").EnumerateArray());
    }

    [Fact]
    public async Task CloneGroupOffset_gives_the_destination_group_the_source_groups_offsets()
    {
        await CreateTopicAsync("CGT");
        for (var i = 0; i < 3; i++)
        {
            await SendAsync("CGT", "c" + i);
        }

        await OkAsync("updateSubGroup", "-b", Addr, "-g", "SrcCG");
        var broker = new BrokerClient();
        await using (Bounded.Own(broker))
        {
            await broker.UpdateConsumerOffsetAsync(Addr, "SrcCG", "CGT", 0, 2);
        }

        var clone = await OkAsync("cloneGroupOffset", "-s", "SrcCG", "-d", "DstCG", "-t", "CGT");
        var progress = await OkAsync("consumerProgress", "-g", "DstCG", "--output", "json");

        Assert.Equal("clone group offset success. srcGroup[SrcCG], destGroup=[DstCG], topic[CGT]", clone.Out);
        Assert.Equal(1, progress.Json.GetProperty("totalDiff").GetInt64());
    }

    [Fact]
    public async Task CleanUnusedTopic_by_broker_and_by_cluster_prints_success()
    {
        var byBroker = await OkAsync("cleanUnusedTopic", "-b", Addr);
        var byCluster = await OkAsync("cleanUnusedTopic", "-c", AdminCluster.ClusterName, "--output", "json");

        Assert.Equal("success", byBroker.Out);
        Assert.True(byCluster.Json[0].GetProperty("succeeded").GetBoolean());
    }
}
