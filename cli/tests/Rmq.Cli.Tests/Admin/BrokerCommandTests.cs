using System.Text.Json;
using Rmq.Client.Broker;
using Rmq.Client.NameServer;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Cli.Tests.Admin;

/// <summary>The broker-side commands against an in-process rmq name server and broker: table and JSON output, exit codes.</summary>
public sealed class BrokerCommandTests(BrokerFixture fixture) : IClassFixture<BrokerFixture>
{
    private string N => fixture.Namesrv;

    private string Addr => fixture.BrokerAddr;

    private async Task<AdminResult> OkAsync(params string[] args)
    {
        var result = await AdminRun.RunAsync([.. args, "-n", N]);
        Assert.True(result.ExitCode == 0, string.Join(' ', args) + "\n" + result);
        return result;
    }

    /// <summary>Creates the topic with updateTopic and waits for the name server to route it.</summary>
    private async Task CreateTopicAsync(string topic, int queues = 4)
    {
        await OkAsync("updateTopic", "-c", AdminCluster.ClusterName, "-t", topic, "-r", queues.ToString(System.Globalization.CultureInfo.InvariantCulture), "-w", queues.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(await AdminRun.EventuallyAsync(async () => (await AdminRun.RunAsync("topicRoute", "-t", topic, "-n", N)).ExitCode == 0, TimeSpan.FromSeconds(15)));
    }

    private async Task<string> SendAsync(string topic, string body, int queueId = 0, string? key = null)
    {
        string[] args = ["sendMessage", "-t", topic, "-p", body, "-b", "broker-a", "-i", queueId.ToString(System.Globalization.CultureInfo.InvariantCulture), "--output", "json"];
        var result = await OkAsync(key is null ? args : [.. args, "-k", key]);
        Assert.Equal("SEND_OK", result.Json.GetProperty("sendStatus").GetString());
        return result.Json.GetProperty("msgId").GetString()!;
    }

    [Fact]
    public async Task UpdateTopic_by_cluster_prints_each_broker_and_the_TopicConfig_and_the_topic_gets_a_route()
    {
        var table = await OkAsync("updateTopic", "-c", AdminCluster.ClusterName, "-t", "UT1", "-r", "2", "-w", "3", "-p", "6");
        var json = await OkAsync("updateTopic", "-b", Addr, "-t", "UT2", "--output", "json");

        Assert.Equal(
            $"create topic to {Addr} success.\nTopicConfig [topicName=UT1, readQueueNums=2, writeQueueNums=3, perm=RW-, topicFilterType=SINGLE_TAG, topicSysFlag=0, order=false]\n",
            table.Out);
        Assert.Equal(8, json.Json.GetProperty("topicConfig").GetProperty("readQueueNums").GetInt32());
        Assert.True(json.Json.GetProperty("brokers")[0].GetProperty("succeeded").GetBoolean());
        Assert.True(await AdminRun.EventuallyAsync(async () => (await AdminRun.RunAsync("topicRoute", "-t", "UT1", "-n", N)).Out.Contains("\"writeQueueNums\":3", StringComparison.Ordinal), TimeSpan.FromSeconds(15)));
    }

    [Fact]
    public async Task UpdateTopicPerm_prints_old_and_new_perm_and_says_when_nothing_changes()
    {
        await CreateTopicAsync("UTP");

        var change = await OkAsync("updateTopicPerm", "-c", AdminCluster.ClusterName, "-t", "UTP", "-p", "4");
        Assert.True(await AdminRun.EventuallyAsync(async () => (await AdminRun.RunAsync("topicRoute", "-t", "UTP", "-n", N)).Out.Contains("\"perm\":4", StringComparison.Ordinal), TimeSpan.FromSeconds(15)));
        var same = await OkAsync("updateTopicPerm", "-b", Addr, "-t", "UTP", "-p", "4", "--output", "json");

        Assert.Equal($"update topic perm from 6 to 4 in {Addr} success.\n", change.Out);
        Assert.True(same.Json[0].GetProperty("unchanged").GetBoolean());
        Assert.Equal(4, same.Json[0].GetProperty("oldPerm").GetInt32());
    }

    [Fact]
    public async Task DeleteTopic_removes_it_from_broker_and_name_server_then_topicRoute_exits_3()
    {
        await CreateTopicAsync("DT");

        var delete = await OkAsync("deleteTopic", "-t", "DT", "-c", AdminCluster.ClusterName);
        var route = await AdminRun.RunAsync("topicRoute", "-t", "DT", "-n", N);

        Assert.Equal($"delete topic [DT] from cluster [{AdminCluster.ClusterName}] success.\ndelete topic [DT] from NameServer success.\n", delete.Out);
        Assert.Equal(3, route.ExitCode);
    }

    [Fact]
    public async Task SendMessage_then_every_query_finds_the_message()
    {
        await CreateTopicAsync("QT");
        var table = await OkAsync("sendMessage", "-t", "QT", "-p", "hello", "-k", "K1", "-c", "TagA", "-b", "broker-a", "-i", "1");
        var header = table.Out.Split('\n')[0];
        var row = table.Out.Split('\n')[1];
        var msgId = row.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1];

        Assert.Equal("#Broker Name                      #QID  #Send Result            #MsgId", header);
        Assert.StartsWith("broker-a                          1     SEND_OK                 ", row, StringComparison.Ordinal);

        var byUnique = await OkAsync("queryMsgByUniqueKey", "-i", msgId, "-t", "QT");
        Assert.StartsWith("Topic:               QT\n", byUnique.Out, StringComparison.Ordinal);
        Assert.Contains("\"UNIQ_KEY=" + msgId, "\"" + byUnique.Out.Split('\n').Single(l => l.StartsWith("Properties:", StringComparison.Ordinal))[21..].Trim('{', '}').Replace(", ", "\"", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("Tags:                [TagA]\n", byUnique.Out, StringComparison.Ordinal);
        Assert.Contains("Keys:                [K1]\n", byUnique.Out, StringComparison.Ordinal);
        Assert.Contains("Queue ID:            1\n", byUnique.Out, StringComparison.Ordinal);
        var bodyPath = byUnique.Out.Split('\n').Single(l => l.StartsWith("Message Body Path:", StringComparison.Ordinal))[21..];
        Assert.Equal("hello", await File.ReadAllTextAsync(bodyPath));

        var byKey = await OkAsync("queryMsgByKey", "-t", "QT", "-k", "K1");
        Assert.Equal("#Message ID".PadRight(50) + " #QID " + "#Offset".PadLeft(40), byKey.Out.Split('\n')[0]);
        Assert.Equal(msgId.PadRight(50) + "    1" + "0".PadLeft(41), byKey.Out.Split('\n')[1]);

        var byOffset = await OkAsync("queryMsgByOffset", "-t", "QT", "-b", "broker-a", "-i", "1", "-o", "0", "--output", "json");
        Assert.Equal(msgId, byOffset.Json.GetProperty("msgId").GetString());
        Assert.Equal("hello", byOffset.Json.GetProperty("body").GetString());
        var offsetMsgId = byOffset.Json.GetProperty("offsetMsgId").GetString()!;

        var byId = await OkAsync("queryMsgById", "-i", offsetMsgId);
        Assert.StartsWith("OffsetID:            " + offsetMsgId + "\n", byId.Out, StringComparison.Ordinal);

        var missing = await AdminRun.RunAsync("queryMsgByOffset", "-t", "QT", "-b", "broker-a", "-i", "1", "-o", "5", "-n", N);
        Assert.Equal(3, missing.ExitCode);
        var unknownKey = await AdminRun.RunAsync("queryMsgByUniqueKey", "-i", "0A0000000000000000000000000000FF", "-t", "QT", "-n", N);
        Assert.Equal(3, unknownKey.ExitCode);
    }

    [Fact]
    public async Task TopicStatus_shows_min_max_and_last_update_per_queue()
    {
        await CreateTopicAsync("TS", queues: 2);
        for (var i = 0; i < 3; i++)
        {
            await SendAsync("TS", "m" + i, queueId: 0);
        }

        var table = await OkAsync("topicStatus", "-t", "TS");
        var json = await OkAsync("topicStatus", "-t", "TS", "--output", "json");

        var lines = table.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("#Broker Name                      #QID  #Min Offset           #Max Offset             #Last Updated", lines[0]);
        Assert.StartsWith("broker-a                          0     0                     3                       20", lines[1], StringComparison.Ordinal);
        Assert.Equal("broker-a                          1     0                     0                       ", lines[2]);
        Assert.Equal(3, json.Json[0].GetProperty("maxOffset").GetInt64());
        Assert.True(json.Json[0].GetProperty("lastUpdateTimestamp").GetInt64() > 0);
    }

    [Fact]
    public async Task ConsumeMessage_and_printMsg_print_every_message_of_the_queue()
    {
        await CreateTopicAsync("CM", queues: 1);
        for (var i = 0; i < 3; i++)
        {
            await SendAsync("CM", "body" + i);
        }

        var consume = await OkAsync("consumeMessage", "-t", "CM", "-b", "broker-a", "-i", "0", "-o", "1");
        var print = await OkAsync("printMsg", "-t", "CM");
        var json = await OkAsync("consumeMessage", "-t", "CM", "-c", "2", "--output", "json");

        Assert.StartsWith("Consume ok\n", consume.Out, StringComparison.Ordinal);
        Assert.Equal(2, consume.Out.Split('\n').Count(l => l.StartsWith("MSGID: ", StringComparison.Ordinal)));
        Assert.Contains(" BODY: body2\n", consume.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(" BODY: body0\n", consume.Out, StringComparison.Ordinal);
        Assert.StartsWith("minOffset=0, maxOffset=3, MessageQueue [topic=CM, brokerName=broker-a, queueId=0]\n", print.Out, StringComparison.Ordinal);
        Assert.Equal(3, print.Out.Split('\n').Count(l => l.StartsWith("MSGID: ", StringComparison.Ordinal)));
        Assert.EndsWith("--------------------------------------------------------\n", print.Out, StringComparison.Ordinal);
        Assert.Equal(["body0", "body1"], json.Json[0].GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("body").GetString()));
    }

    [Fact]
    public async Task UpdateSubGroup_and_deleteSubGroup_change_the_brokers_subscription_groups()
    {
        var create = await OkAsync("updateSubGroup", "-c", AdminCluster.ClusterName, "-g", "SG1", "-r", "3");
        var broker = new BrokerClient();
        await using var brokerOwner = Bounded.Own(broker);
        var groups = await broker.GetAllSubscriptionGroupAsync(Addr);

        Assert.Equal(
            $"create subscription group to {Addr} success.\nSubscriptionGroupConfig [groupName=SG1, consumeEnable=true, consumeFromMinEnable=false, consumeBroadcastEnable=false, retryQueueNums=1, retryMaxTimes=3, brokerId=0, whichBrokerWhenConsumeSlowly=1, notifyConsumerIdsChangedEnable=true]\n",
            create.Out);
        Assert.Equal(3, groups.SubscriptionGroupTable["SG1"].RetryMaxTimes);

        var delete = await OkAsync("deleteSubGroup", "-b", Addr, "-g", "SG1", "--output", "json");
        Assert.True(delete.Json[0].GetProperty("succeeded").GetBoolean());
        Assert.False((await broker.GetAllSubscriptionGroupAsync(Addr)).SubscriptionGroupTable.ContainsKey("SG1"));
        var table = await OkAsync("deleteSubGroup", "-c", AdminCluster.ClusterName, "-g", "SG1");
        Assert.Equal($"delete subscription group [SG1] from broker [{Addr}] in cluster [{AdminCluster.ClusterName}] success.\n", table.Out);
    }

    [Fact]
    public async Task GetBrokerConfig_and_updateBrokerConfig_by_address_and_by_cluster()
    {
        var update = await OkAsync("updateBrokerConfig", "-b", Addr, "-k", "brokerPermission", "-v", "6");
        var byAddr = await OkAsync("getBrokerConfig", "-b", Addr);
        var byCluster = await OkAsync("getBrokerConfig", "-c", AdminCluster.ClusterName, "--output", "json");

        Assert.Equal($"update broker config success, {Addr}\n", update.Out);
        Assert.StartsWith($"============{Addr}============\n", byAddr.Out, StringComparison.Ordinal);
        Assert.Contains("brokerName".PadRight(50) + "=  broker-a\n", byAddr.Out, StringComparison.Ordinal);
        Assert.Equal("broker-a", byCluster.Json[0].GetProperty("config").GetProperty("brokerName").GetString());
        Assert.Equal(Addr, byCluster.Json[0].GetProperty("address").GetString());
    }

    [Fact]
    public async Task ResetOffsetByTime_consumerProgress_brokerConsumeStats_and_statsAll_see_a_groups_offsets()
    {
        await CreateTopicAsync("RO", queues: 1);
        for (var i = 0; i < 4; i++)
        {
            await SendAsync("RO", "r" + i);
        }

        await OkAsync("updateSubGroup", "-b", Addr, "-g", "ROG");
        var broker = new BrokerClient();
        await using (var brokerOwner = Bounded.Own(broker))
        {
            await broker.UpdateConsumerOffsetAsync(Addr, "ROG", "RO", 0, 3);
        }

        var progress = await OkAsync("consumerProgress", "-g", "ROG");
        var lines = progress.Out.Split('\n');
        Assert.Equal("#Topic".PadRight(64) + "  #Broker Name                      #QID  #Broker Offset        #Consumer Offset      #Diff                 #LastTime", lines[0]);
        Assert.StartsWith("RO".PadRight(64) + "  broker-a                          0     4                     3                     1                     20", lines[1], StringComparison.Ordinal);
        Assert.Equal(["", "Consume TPS: 0.00", "Diff Total: 1", ""], lines[2..]);

        var reset = await OkAsync("resetOffsetByTime", "-g", "ROG", "-t", "RO", "-s", "0");
        Assert.StartsWith("rollback consumer offset by specified group[ROG], topic[RO], force[true], timestamp(string)[0], timestamp(long)[0]\n", reset.Out, StringComparison.Ordinal);
        Assert.Equal("broker-a".PadRight(40) + "  " + "0".PadRight(40) + "  " + "0".PadRight(40), reset.Out.Split('\n')[2]);

        var json = await OkAsync("consumerProgress", "-g", "ROG", "--output", "json");
        Assert.Equal(4, json.Json.GetProperty("totalDiff").GetInt64());

        var consumeStats = await OkAsync("brokerConsumeStats", "-b", Addr, "--output", "json");
        Assert.Contains(consumeStats.Json.GetProperty("rows").EnumerateArray(), r => r.GetProperty("group").GetString() == "ROG" && r.GetProperty("diff").GetInt64() == 4);
        var consumeTable = await OkAsync("brokerConsumeStats", "-b", Addr);
        Assert.StartsWith("#Topic".PadRight(64) + "  #Group", consumeTable.Out, StringComparison.Ordinal);
        Assert.Contains("\nDiff Total: ", consumeTable.Out, StringComparison.Ordinal);

        var stats = await OkAsync("statsAll", "-t", "RO");
        Assert.Equal("#Topic".PadRight(64) + "  " + "#Consumer Group".PadRight(64) + " #Accumulation      #InTPS     #OutTPS   #InMsg24Hour  #OutMsg24Hour", stats.Out.Split('\n')[0]);
        Assert.StartsWith("RO".PadRight(64) + "  " + "ROG".PadRight(64) + "            4 ", stats.Out.Split('\n')[1], StringComparison.Ordinal);

        var groups = await OkAsync("topicList", "-c");
        Assert.Contains(groups.Out.Split('\n'), l => l.StartsWith(AdminCluster.ClusterName.PadRight(20) + "  " + "RO".PadRight(64) + "  ROG", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ClusterRT_sends_to_each_brokers_own_topic_and_prints_its_round_trip()
    {
        var table = await OkAsync("clusterRT", "-a", "3", "-s", "16");
        var json = await OkAsync("clusterRT", "-a", "2", "-c", AdminCluster.ClusterName, "--output", "json");

        var lines = table.Out.Split('\n');
        Assert.Equal("#Cluster Name".PadRight(24) + "  " + "#Broker Name".PadRight(24) + "  #RT   #successCount  #failCount", lines[0]);
        Assert.StartsWith(AdminCluster.ClusterName.PadRight(24) + "  " + "broker-a".PadRight(24) + "  ", lines[1], StringComparison.Ordinal);
        Assert.EndsWith("3                 0               ", lines[1], StringComparison.Ordinal);
        Assert.Equal(2, json.Json[0].GetProperty("successCount").GetInt32());
    }

    [Fact]
    public async Task ClusterList_lists_the_broker_and_brokerStatus_its_runtime_figures()
    {
        var list = await OkAsync("clusterList");
        Assert.StartsWith(AdminCluster.ClusterName.PadRight(16) + "  " + "broker-a".PadRight(22) + "  0     " + Addr.PadRight(22), list.Out.Split('\n')[1], StringComparison.Ordinal);

        var status = await OkAsync("brokerStatus", "-b", Addr);
        Assert.Contains("msgPutTotalTodayNow".PadRight(32) + ": ", status.Out, StringComparison.Ordinal);
        Assert.Contains("putTps".PadRight(32) + ": ", status.Out, StringComparison.Ordinal);
        Assert.Contains("getTransferedTps".PadRight(32) + ": ", status.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cleanExpiredCQ")]
    [InlineData("deleteExpiredCommitLog")]
    public async Task CleanExpiredCQ_and_deleteExpiredCommitLog_print_success_or_false_without_newline(string command)
    {
        var result = await AdminRun.RunAsync(command, "-b", Addr, "-n", N);

        Assert.True(result.Out is "success" or "false", result.ToString());
        Assert.Equal(result.Out == "success" ? 0 : 6, result.ExitCode);
    }

    [Fact]
    public async Task ConsumerConnection_and_producerConnection_of_a_group_without_clients_fail_with_a_non_zero_code()
    {
        await CreateTopicAsync("CC");
        var consumer = await AdminRun.RunAsync("consumerConnection", "-g", "NoSuchGroup", "-n", N);
        var producer = await AdminRun.RunAsync("producerConnection", "-g", "NoSuchGroup", "-t", "CC", "-n", N);

        // 3 when the broker answers "not online", 6 when it does not serve the code (rmq today)
        Assert.Contains(consumer.ExitCode, new[] { 3, 6 });
        Assert.Contains(producer.ExitCode, new[] { 3, 6 });
        Assert.Contains("consumerConnection command failed", consumer.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_server_list_is_read_from_NAMESRV_ADDR_when_n_is_absent()
    {
        // only this test sets the variable; the others always pass -n, so they are unaffected
        Environment.SetEnvironmentVariable(NameServerAddresses.EnvironmentVariable, N);
        try
        {
            var result = await AdminRun.RunAsync("topicClusterList", "-t", "broker-a");
            Assert.True(result.ExitCode == 0, result.ToString());
            Assert.Equal(AdminCluster.ClusterName + "\n", result.Out);
        }
        finally
        {
            Environment.SetEnvironmentVariable(NameServerAddresses.EnvironmentVariable, null);
        }
    }

    [Fact]
    public async Task The_remaining_commands_print_a_stable_json_shape()
    {
        await CreateTopicAsync("JT", queues: 1);
        var msgId = await SendAsync("JT", "json-body", key: "JK");
        var offsetMsgId = (await OkAsync("queryMsgByOffset", "-t", "JT", "-b", "broker-a", "-i", "0", "-o", "0", "--output", "json")).Json.GetProperty("offsetMsgId").GetString()!;
        await OkAsync("updateSubGroup", "-b", Addr, "-g", "JG");
        var broker = new BrokerClient();
        await using (var brokerOwner = Bounded.Own(broker))
        {
            await broker.UpdateConsumerOffsetAsync(Addr, "JG", "JT", 0, 1);
        }

        var byId = await OkAsync("queryMsgById", "-i", offsetMsgId, "--output", "json");
        Assert.Equal(msgId, byId.Json[0].GetProperty("msgId").GetString());
        Assert.Equal("json-body", byId.Json[0].GetProperty("body").GetString());

        var byKey = await OkAsync("queryMsgByKey", "-t", "JT", "-k", "JK", "--output", "json");
        Assert.Equal("JK", byKey.Json[0].GetProperty("keys").GetString());

        var byUnique = await OkAsync("queryMsgByUniqueKey", "-i", msgId, "-t", "JT", "--output", "json");
        Assert.Equal(offsetMsgId, byUnique.Json[0].GetProperty("offsetMsgId").GetString());

        var print = await OkAsync("printMsg", "-t", "JT", "-d", "false", "--output", "json");
        Assert.Equal(1, print.Json[0].GetProperty("maxOffset").GetInt64());

        var printTable = await OkAsync("printMsg", "-t", "JT", "-d", "false");
        Assert.Contains(" BODY: NOT PRINT BODY\n", printTable.Out, StringComparison.Ordinal);

        var sub = await OkAsync("updateSubGroup", "-b", Addr, "-g", "JG", "-q", "2", "--output", "json");
        Assert.Equal(2, sub.Json.GetProperty("subscriptionGroupConfig").GetProperty("retryQueueNums").GetInt32());

        var config = await OkAsync("updateBrokerConfig", "-c", AdminCluster.ClusterName, "-k", "brokerPermission", "-v", "6", "--output", "json");
        Assert.True(config.Json[0].GetProperty("succeeded").GetBoolean());

        var reset = await OkAsync("resetOffsetByTime", "-g", "JG", "-t", "JT", "-s", "now", "--output", "json");
        Assert.Equal(-1, reset.Json.GetProperty("timestamp").GetInt64());
        Assert.Equal(1, reset.Json.GetProperty("rows")[0].GetProperty("newOffset").GetInt64());

        var stats = await OkAsync("statsAll", "-t", "JT", "--output", "json");
        Assert.Equal("JG", stats.Json[0].GetProperty("consumerGroup").GetString());

        var kv = await OkAsync("updateKvConfig", "-s", "NS", "-k", "K", "-v", "V", "--output", "json");
        Assert.True(kv.Json[0].GetProperty("succeeded").GetBoolean());

        var nsConfig = await OkAsync("updateNamesrvConfig", "-k", "clusterTest", "-v", "false", "--output", "json");
        Assert.Equal(N, nsConfig.Json[0].GetProperty("target").GetString());

        var wipe = await OkAsync("wipeWritePerm", "-b", "broker-a", "--output", "json");
        Assert.True(wipe.Json[0].GetProperty("value").GetInt32() > 0);
        var undrain = await OkAsync("undrainBroker", "-b", "broker-a", "--output", "json");
        Assert.True(undrain.Json.GetProperty("addWritePerm")[0].GetProperty("succeeded").GetBoolean());

        var delete = await OkAsync("deleteTopic", "-t", "JT", "-c", AdminCluster.ClusterName, "--output", "json");
        Assert.True(delete.Json.GetProperty("brokers")[0].GetProperty("succeeded").GetBoolean());
        Assert.True(delete.Json.GetProperty("nameServers")[0].GetProperty("succeeded").GetBoolean());

        var progressAll = await OkAsync("consumerProgress", "--output", "json");
        Assert.Equal(JsonValueKind.Array, progressAll.Json.ValueKind);
    }

    [Fact]
    public async Task Live_clients_show_in_consumerConnection_producerConnection_and_consumerProgress()
    {
        await CreateTopicAsync("LC", queues: 2);
        var producer = new Rmq.Client.Producer.Producer(new Rmq.Client.Producer.ProducerOptions
        {
            ProducerGroup = "LivePG",
            NameServerAddress = N,
            InstanceName = "live-" + Guid.NewGuid().ToString("N")[..8],
            HeartbeatBrokerInterval = TimeSpan.FromSeconds(1),
        });
        await using var producerOwner = Bounded.Own(producer);
        await producer.StartAsync();
        await producer.SendAsync(new Rmq.Client.Messages.Message("LC", "live"u8.ToArray()));
        var consumed = new TaskCompletionSource();
        var consumer = new Rmq.Client.Consumer.PushConsumer(
            new Rmq.Client.Consumer.PushConsumerOptions
            {
                ConsumerGroup = "LiveCG",
                NameServerAddress = N,
                InstanceName = "live-" + Guid.NewGuid().ToString("N")[..8],
                ConsumeFromWhere = ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET,
                HeartbeatBrokerInterval = TimeSpan.FromSeconds(1),
                PersistConsumerOffsetInterval = TimeSpan.FromMilliseconds(200),
                RebalanceInterval = TimeSpan.FromSeconds(1),
            },
            (messages, _) =>
            {
                consumed.TrySetResult();
                return Task.FromResult(Rmq.Client.Consumer.ConsumeConcurrentlyStatus.CONSUME_SUCCESS);
            });
        await using var consumerOwner = Bounded.Own(consumer);
        consumer.Subscribe("LC", "TagA || *");
        await consumer.StartAsync();
        await consumed.Task.WaitAsync(TimeSpan.FromSeconds(20));

        var consumers = await OkAsync("consumerConnection", "-g", "LiveCG");
        Assert.Contains(consumers.Out.Split('\n'), l => l.StartsWith(consumer.ClientId.PadRight(36) + " ", StringComparison.Ordinal) && l.EndsWith(" V4_9_7", StringComparison.Ordinal));
        Assert.Contains("\nBelow is subscription:\n#Topic               #SubExpression\n", consumers.Out, StringComparison.Ordinal);
        Assert.Contains("ConsumeType: CONSUME_PASSIVELY\nMessageModel: CLUSTERING\nConsumeFromWhere: CONSUME_FROM_FIRST_OFFSET\n", consumers.Out, StringComparison.Ordinal);

        // the producer's first heartbeat to broker-a goes with its next heartbeat tick after the route is known
        Assert.True(await AdminRun.EventuallyAsync(async () => (await AdminRun.RunAsync("producerConnection", "-g", "LivePG", "-t", "LC", "-n", N)).ExitCode == 0, TimeSpan.FromSeconds(10)));
        var producers = await OkAsync("producerConnection", "-g", "LivePG", "-t", "LC");
        Assert.StartsWith("0001  " + producer.Instance.ClientId.PadRight(32) + " 127.0.0.1:", producers.Out, StringComparison.Ordinal);

        Assert.True(await AdminRun.EventuallyAsync(async () =>
        {
            var progress = await AdminRun.RunAsync("consumerProgress", "-g", "LiveCG", "-n", N);
            return progress.ExitCode == 0 && progress.Out.Contains("Diff Total: 0\n", StringComparison.Ordinal) && progress.Out.Contains("LC".PadRight(64), StringComparison.Ordinal);
        }, TimeSpan.FromSeconds(20)), "the group catches up");
        var overview = await OkAsync("consumerProgress");
        Assert.Contains(overview.Out.Split('\n'), l => l.StartsWith("LiveCG".PadRight(64) + "  1       V4_9_7                   PUSH   CLUSTERING", StringComparison.Ordinal));

        var drain = await AdminRun.RunAsync(TimeSpan.FromSeconds(20), "drainStatus", "-n", N);
        Assert.Equal(0, drain.ExitCode);
    }

    [Fact]
    public async Task UpdateTopic_with_order_true_records_the_order_conf_on_the_name_servers()
    {
        var result = await OkAsync("updateTopic", "-c", AdminCluster.ClusterName, "-t", "OT", "-w", "4", "-r", "4", "-o", "true");

        Assert.Contains("set cluster orderConf. isOrder=true, orderConf=[broker-a:4]\n", result.Out, StringComparison.Ordinal);
        Assert.EndsWith("order=true]\n", result.Out, StringComparison.Ordinal);
        var ns = new NameServerClient(N);
        await using var nsOwner = Bounded.Own(ns);
        Assert.Equal("broker-a:4", await ns.GetKvConfigAsync("ORDER_TOPIC_CONFIG", "OT"));
    }
}
