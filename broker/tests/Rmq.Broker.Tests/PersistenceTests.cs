using Rmq.Broker.Tests.Support;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;
using Rmq.Remoting.Protocol.Headers.Broker;
using Rmq.Store;

namespace Rmq.Broker.Tests;

public sealed class PersistenceTests
{
    [Fact]
    public async Task Topics_subscription_groups_and_offsets_survive_a_restart()
    {
        using var dir = new TestDir();
        await using var cluster = await BrokerCluster.StartAsync(storeDir: dir.Path);
        await cluster.CreateTopicAsync("KeepT", 3);
        var group = new SubscriptionGroupConfig { GroupName = "KeepG", RetryMaxTimes = 5 };
        Assert.Equal(ResponseCode.Success, (await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.UpdateAndCreateSubscriptionGroup, body: group.Encode()))).Code);
        await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.UpdateConsumerOffset, new UpdateConsumerOffsetRequestHeader { ConsumerGroup = "KeepG", Topic = "KeepT", QueueId = 2, CommitOffset = 17 }));
        var versionBefore = cluster.Broker.Topics.DataVersion;

        await cluster.RestartBrokerAsync();

        Assert.Equal(3, cluster.Broker.Topics.Select("KeepT")!.WriteQueueNums);
        Assert.Equal(5, cluster.Broker.SubscriptionGroups.Select("KeepG")!.RetryMaxTimes);
        Assert.Equal(17, cluster.Broker.Offsets.QueryOffset("KeepG", "KeepT", 2));
        Assert.Equal(versionBefore, cluster.Broker.Topics.DataVersion);
        var configDir = Path.Combine(dir.Path, "config");
        Assert.True(File.Exists(Path.Combine(configDir, "topics.json")));
        Assert.True(File.Exists(Path.Combine(configDir, "subscriptionGroup.json")));
        Assert.Contains("\"KeepT@KeepG\":{\n\t\t\t2:17", (await File.ReadAllTextAsync(Path.Combine(configDir, "consumerOffset.json"))).Replace("\r", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Offsets_are_flushed_periodically_without_a_stop()
    {
        await using var cluster = await BrokerCluster.StartAsync();
        await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.UpdateConsumerOffset, new UpdateConsumerOffsetRequestHeader { ConsumerGroup = "FG", Topic = "FT", QueueId = 0, CommitOffset = 9 }));

        var file = cluster.Broker.Offsets.FilePath;
        Assert.True(await Eventually.TrueAsync(() => File.Exists(file) && File.ReadAllText(file).Contains("FT@FG", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Sync_flush_broker_restart_loses_no_acknowledged_message()
    {
        using var dir = new TestDir();
        await using var cluster = await BrokerCluster.StartAsync(o => o with { Store = o.Store with { FlushDiskType = FlushDiskType.SYNC_FLUSH } }, dir.Path);
        await cluster.CreateTopicAsync("DurableT", 2);
        var acked = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            var response = await cluster.InvokeAsync(BrokerCluster.SendRequest(RequestCode.SendMessageV2, "DurableT", System.Text.Encoding.UTF8.GetBytes($"m{i}"), BrokerCluster.Properties("T"), i % 2));
            if (response.Code == ResponseCode.Success)
            {
                acked.Add($"m{i}");
            }
        }

        Assert.Equal(40, acked.Count);
        await cluster.RestartBrokerAsync();

        var seen = new List<string>();
        for (var q = 0; q < 2; q++)
        {
            Assert.True(await Eventually.TrueAsync(() => cluster.Broker.Store.GetMaxOffsetInQueue("DurableT", q) == 20));
            var pull = await cluster.InvokeAsync(BrokerCluster.PullRequest("DG", "DurableT", q, 0, maxMsgNums: 64));
            seen.AddRange(RecordDecoder.DecodeAll(pull.Body.Span).Select(r => r.BodyText));
        }

        Assert.Equal(acked.Order(), seen.Order());
    }
}
