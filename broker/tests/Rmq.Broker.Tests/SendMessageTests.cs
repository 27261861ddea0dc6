using System.Buffers.Binary;
using System.Text;
using Rmq.Broker.Tests.Support;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Headers.Broker;
using Rmq.Store;

namespace Rmq.Broker.Tests;

public sealed class SendMessageTests
{
    [Theory]
    [InlineData(RequestCode.SendMessage, SerializeType.Json)]
    [InlineData(RequestCode.SendMessage, SerializeType.RocketMQ)]
    [InlineData(RequestCode.SendMessageV2, SerializeType.Json)]
    [InlineData(RequestCode.SendMessageV2, SerializeType.RocketMQ)]
    public async Task Send_answers_an_offset_msgId_of_the_store_host_and_increasing_queue_offsets(int code, SerializeType serializeType)
    {
        await using var cluster = await BrokerCluster.StartAsync();
        await cluster.CreateTopicAsync("SendT", queues: 2);

        var first = await cluster.InvokeAsync(BrokerCluster.SendRequest(code, "SendT", "a"u8.ToArray(), BrokerCluster.Properties("TagA"), queueId: 1, serializeType));
        var second = await cluster.InvokeAsync(BrokerCluster.SendRequest(code, "SendT", "b"u8.ToArray(), BrokerCluster.Properties("TagA"), queueId: 1, serializeType));

        Assert.Equal(ResponseCode.Success, first.Code);
        Assert.Equal(serializeType, first.SerializeType);
        var h1 = first.ReadHeader<SendMessageResponseHeader>();
        var h2 = second.ReadHeader<SendMessageResponseHeader>();
        Assert.Equal(1, h1.QueueId);
        Assert.Equal(0, h1.QueueOffset);
        Assert.Equal(1, h2.QueueOffset);
        Assert.True(OffsetMessageId.TryDecode(h1.MsgId, out var host, out var offset));
        Assert.Equal(cluster.BrokerAddress, host.ToString());
        Assert.Equal(0, offset);
        Assert.True(OffsetMessageId.TryDecode(h2.MsgId, out _, out var offset2));
        Assert.True(offset2 > offset);
        Assert.Equal("DefaultRegion", first.GetExtField("MSG_REGION"));
        Assert.Equal("true", first.GetExtField("TRACE_ON"));
        var stored = cluster.Broker.Store.LookMessageByOffset(offset2)!;
        Assert.Equal("b", Encoding.UTF8.GetString(stored.Body));
    }

    [Fact]
    public async Task Batch_stores_every_inner_message_with_consecutive_queue_offsets()
    {
        await using var cluster = await BrokerCluster.StartAsync();
        await cluster.CreateTopicAsync("BatchT", queues: 1);
        var body = EncodeBatch(("m1", BrokerCluster.Properties("TagA", "k1")), ("m2", BrokerCluster.Properties("TagB", "k2")), ("m3", ""));

        var response = await cluster.InvokeAsync(BrokerCluster.SendRequest(RequestCode.SendBatchMessage, "BatchT", body, BrokerCluster.Properties(user: [new("b", "1")]), queueId: 0));

        Assert.Equal(ResponseCode.Success, response.Code);
        var header = response.ReadHeader<SendMessageResponseHeader>();
        Assert.Equal(0, header.QueueOffset);
        Assert.Equal(3, header.MsgId.Split(',').Length);
        Assert.True(await Eventually.TrueAsync(() => cluster.Broker.Store.GetMaxOffsetInQueue("BatchT", 0) == 3));
        var ids = header.MsgId.Split(',');
        OffsetMessageId.TryDecode(ids[1], out _, out var offset);
        var second = cluster.Broker.Store.LookMessageByOffset(offset)!;
        Assert.Equal("m2", Encoding.UTF8.GetString(second.Body));
        Assert.Equal("TagB", second.Tags);
        Assert.Equal("1", second.Properties["b"]);
        Assert.Equal("TestCluster", second.Properties["CLUSTER"]);
    }

    [Fact]
    public async Task Stored_properties_gain_CLUSTER_and_lose_WAIT_and_the_born_host_is_the_client()
    {
        await using var cluster = await BrokerCluster.StartAsync();
        await cluster.CreateTopicAsync("PropT", queues: 1);
        var props = BrokerCluster.Properties("TagA", "key1", [new("WAIT", "true"), new("user", "v")]);

        var response = await cluster.InvokeAsync(BrokerCluster.SendRequest(RequestCode.SendMessageV2, "PropT", "x"u8.ToArray(), props, 0));

        OffsetMessageId.TryDecode(response.ReadHeader<SendMessageResponseHeader>().MsgId, out _, out var offset);
        var stored = cluster.Broker.Store.LookMessageByOffset(offset)!;
        Assert.Equal("TestCluster", stored.Properties["CLUSTER"]);
        Assert.False(stored.Properties.ContainsKey("WAIT"));
        Assert.Equal("v", stored.Properties["user"]);
        Assert.Equal("127.0.0.1", stored.BornHost.ToEndPoint().Address.ToString());
        Assert.NotEqual(cluster.Broker.LocalEndPoint!.Port, stored.BornHost.Port);
    }

    [Fact]
    public async Task Unknown_topic_is_created_from_TBW102_with_min_of_client_and_default_queue_counts()
    {
        await using var cluster = await BrokerCluster.StartAsync();

        await cluster.SendAsync("AutoT", "x");

        var config = cluster.Broker.Topics.Select("AutoT")!;
        Assert.Equal(4, config.WriteQueueNums);
        Assert.Equal(6, config.Perm);
        Assert.NotNull(await cluster.WaitForRouteAsync("AutoT"));
    }

    [Fact]
    public async Task Unknown_topic_with_auto_create_off_answers_TOPIC_NOT_EXIST_and_the_broker_keeps_serving()
    {
        await using var cluster = await BrokerCluster.StartAsync(o => o with { Messaging = o.Messaging with { AutoCreateTopicEnable = false } });

        var response = await cluster.InvokeAsync(BrokerCluster.SendRequest(RequestCode.SendMessageV2, "NoSuchT", "x"u8.ToArray(), null));

        Assert.Equal(ResponseCode.TopicNotExist, response.Code);
        Assert.Contains("topic[NoSuchT] not exist, apply first please!", response.Remark, StringComparison.Ordinal);
        await cluster.CreateTopicAsync("NowT", 1);
        await cluster.SendAsync("NowT", "y");
    }

    [Fact]
    public async Task Oversized_body_answers_MESSAGE_ILLEGAL_naming_the_size()
    {
        await using var cluster = await BrokerCluster.StartAsync(o => o with { Messaging = o.Messaging with { MaxMessageSize = 1024 } });
        await cluster.CreateTopicAsync("BigT", 1);

        var response = await cluster.InvokeAsync(BrokerCluster.SendRequest(RequestCode.SendMessageV2, "BigT", new byte[2000], null, 0));

        Assert.Equal(ResponseCode.MessageIllegal, response.Code);
        Assert.Contains("2000", response.Remark, StringComparison.Ordinal);
        Assert.Contains("1024", response.Remark, StringComparison.Ordinal);
        await cluster.SendAsync("BigT", "small");
    }

    [Theory]
    [InlineData("SCHEDULE_TOPIC_XXXX")]
    [InlineData("TBW102")]
    [InlineData("OFFSET_MOVED_EVENT")]
    [InlineData("bad topic!")]
    public async Task Forbidden_or_invalid_topics_answer_SYSTEM_ERROR_with_a_remark(string topic)
    {
        await using var cluster = await BrokerCluster.StartAsync();

        var response = await cluster.InvokeAsync(BrokerCluster.SendRequest(RequestCode.SendMessageV2, topic, "x"u8.ToArray(), null));

        Assert.Equal(ResponseCode.SystemError, response.Code);
        Assert.Contains(topic, response.Remark, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_header_value_answers_SYSTEM_ERROR_naming_the_field()
    {
        await using var cluster = await BrokerCluster.StartAsync();
        var request = BrokerCluster.SendRequest(RequestCode.SendMessageV2, "T", "x"u8.ToArray(), null);
        request.ExtFields!["e"] = "not-a-number";

        var response = await cluster.InvokeAsync(request);

        Assert.Equal(ResponseCode.SystemError, response.Code);
        Assert.Contains("<e>", response.Remark, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_request_code_answers_REQUEST_CODE_NOT_SUPPORTED()
    {
        await using var cluster = await BrokerCluster.StartAsync();

        var response = await cluster.InvokeAsync(RemotingCommand.CreateRequest(9999));

        Assert.Equal(ResponseCode.RequestCodeNotSupported, response.Code);
        Assert.Contains("9999", response.Remark, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Queue_id_beyond_the_topic_answers_SYSTEM_ERROR()
    {
        await using var cluster = await BrokerCluster.StartAsync();
        await cluster.CreateTopicAsync("QT", 2);

        var response = await cluster.InvokeAsync(BrokerCluster.SendRequest(RequestCode.SendMessageV2, "QT", "x"u8.ToArray(), null, queueId: 5));

        Assert.Equal(ResponseCode.SystemError, response.Code);
        Assert.Contains("queueId[5] is illegal", response.Remark, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retry_message_beyond_max_reconsume_times_goes_to_the_DLQ()
    {
        await using var cluster = await BrokerCluster.StartAsync();
        var header = new SendMessageRequestHeader
        {
            ProducerGroup = "PG",
            Topic = "%RETRY%G9",
            QueueId = 0,
            ReconsumeTimes = 3,
            MaxReconsumeTimes = 3,
            BornTimestamp = 1,
        };

        var response = await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.SendMessageV2, header.ToV2(), "x"u8.ToArray()));

        Assert.Equal(ResponseCode.Success, response.Code);
        Assert.True(await Eventually.TrueAsync(() => cluster.Broker.Store.GetMaxOffsetInQueue("%DLQ%G9", 0) == 1));
        Assert.NotNull(cluster.Broker.Topics.Select("%DLQ%G9"));
    }

    [Fact]
    public async Task Send_on_a_slave_answers_SERVICE_NOT_AVAILABLE()
    {
        await using var cluster = await BrokerCluster.StartAsync(o => o with
        {
            Identity = o.Identity with { BrokerId = 1, Role = BrokerRole.SLAVE },
            Store = o.Store with { BrokerRole = BrokerRole.SLAVE },
        });

        var response = await cluster.InvokeAsync(BrokerCluster.SendRequest(RequestCode.SendMessageV2, "SlaveT", "x"u8.ToArray(), null));

        Assert.Equal(ResponseCode.ServiceNotAvailable, response.Code);
    }

    [Fact]
    public async Task A_send_that_waited_too_long_in_the_queue_answers_SYSTEM_BUSY_TIMEOUT_CLEAN_QUEUE()
    {
        var time = new ShiftedTimeProvider();
        await using var cluster = await BrokerCluster.StartAsync(o => o with { Messaging = o.Messaging with { WaitTimeMillsInSendQueue = 200 } }, timeProvider: time);
        await cluster.CreateTopicAsync("BusyT", 1);
        time.Shift = TimeSpan.FromSeconds(1);

        var response = await cluster.InvokeAsync(BrokerCluster.SendRequest(RequestCode.SendMessageV2, "BusyT", "x"u8.ToArray(), null, 0));

        Assert.Equal(ResponseCode.SystemBusy, response.Code);
        Assert.StartsWith("[TIMEOUT_CLEAN_QUEUE]", response.Remark, StringComparison.Ordinal);
        time.Shift = TimeSpan.Zero;
        await cluster.SendAsync("BusyT", "y", queueId: 0);
    }

    private static byte[] EncodeBatch(params (string Body, string Properties)[] messages)
    {
        var buffer = new List<byte>();
        foreach (var (body, properties) in messages)
        {
            var b = Encoding.UTF8.GetBytes(body);
            var p = Encoding.UTF8.GetBytes(properties);
            var total = 20 + b.Length + 2 + p.Length;
            var record = new byte[total];
            BinaryPrimitives.WriteInt32BigEndian(record, total);
            BinaryPrimitives.WriteInt32BigEndian(record.AsSpan(16), b.Length);
            b.CopyTo(record, 20);
            BinaryPrimitives.WriteInt16BigEndian(record.AsSpan(20 + b.Length), (short)p.Length);
            p.CopyTo(record, 22 + b.Length);
            buffer.AddRange(record);
        }

        return buffer.ToArray();
    }
}
