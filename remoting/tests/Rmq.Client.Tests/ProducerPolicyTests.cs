using Rmq.Client.Broker;
using Rmq.Client.Messages;
using Rmq.Client.Producer;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;
using Rmq.Remoting.Transport;

namespace Rmq.Client.Tests;

public sealed class ProducerPolicyTests
{
    private static TopicRouteData Route()
    {
        var route = new TopicRouteData();
        route.BrokerDatas.Add(new BrokerData { BrokerName = "broker-a", BrokerAddrs = new() { [0] = "a:10911", [1] = "a-slave:10911" } });
        route.BrokerDatas.Add(new BrokerData { BrokerName = "broker-b", BrokerAddrs = new() { [0] = "b:10911" } });
        route.BrokerDatas.Add(new BrokerData { BrokerName = "broker-c", BrokerAddrs = new() { [1] = "c-slave:10911" } });
        route.BrokerDatas.Add(new BrokerData { BrokerName = "broker-d", BrokerAddrs = new() { [0] = "d:10911" } });
        route.QueueDatas.Add(new QueueData { BrokerName = "broker-b", ReadQueueNums = 2, WriteQueueNums = 2, Perm = PermName.ReadWrite });
        route.QueueDatas.Add(new QueueData { BrokerName = "broker-a", ReadQueueNums = 4, WriteQueueNums = 2, Perm = PermName.ReadWrite });
        route.QueueDatas.Add(new QueueData { BrokerName = "broker-c", ReadQueueNums = 4, WriteQueueNums = 4, Perm = PermName.ReadWrite });
        route.QueueDatas.Add(new QueueData { BrokerName = "broker-d", ReadQueueNums = 4, WriteQueueNums = 4, Perm = PermName.Read });
        return route;
    }

    [Fact]
    public void Publish_queues_are_writable_queues_of_brokers_with_a_master()
    {
        var info = TopicPublishInfo.FromRoute("T", Route());

        Assert.Equal(
            [new("T", "broker-a", 0), new("T", "broker-a", 1), new("T", "broker-b", 0), new MessageQueue("T", "broker-b", 1)],
            info.MessageQueues);
    }

    [Fact]
    public void Queue_choice_is_round_robin_and_a_retry_avoids_the_broker_that_failed()
    {
        var info = TopicPublishInfo.FromRoute("T", Route(), startIndex: -1);

        var plain = Enumerable.Range(0, 5).Select(_ => info.SelectOneMessageQueue()).ToList();
        var retry = info.SelectOneMessageQueue("broker-a");

        Assert.Equal(["broker-a", "broker-a", "broker-b", "broker-b", "broker-a"], plain.Select(q => q.BrokerName));
        Assert.Equal([0, 1, 0, 1, 0], plain.Select(q => q.QueueId));
        Assert.Equal("broker-b", retry.BrokerName);
    }

    [Fact]
    public void Order_topic_conf_replaces_the_queue_data()
    {
        var route = Route();
        route.OrderTopicConf = "broker-a:2;broker-b:1";

        var info = TopicPublishInfo.FromRoute("T", route);

        Assert.True(info.OrderTopic);
        Assert.Equal(3, info.MessageQueues.Count);
    }

    [Fact]
    public void Default_topic_route_caps_queue_counts_for_auto_creation()
    {
        var fallback = TopicPublishInfo.FromDefaultRoute(Route(), defaultTopicQueueNums: 1);

        var info = TopicPublishInfo.FromRoute("NewTopic", fallback);

        Assert.Equal([new("NewTopic", "broker-a", 0), new MessageQueue("NewTopic", "broker-b", 0)], info.MessageQueues);
    }

    private static SendResult Ok(MessageQueue queue) => new(SendStatus.SEND_OK, "U", "O", queue, 0);

    [Fact]
    public async Task Retryable_broker_code_moves_to_another_broker()
    {
        var info = TopicPublishInfo.FromRoute("T", Route(), startIndex: -1);
        var tried = new List<string>();

        var result = await SendRetryPolicy.SendWithRetryAsync(info, 3, TimeSpan.FromSeconds(3), TimeProvider.System, (queue, _, _) =>
        {
            tried.Add(queue.BrokerName);
            return queue.BrokerName == "broker-a"
                ? throw new MQClientException(ResponseCode.ServiceNotAvailable, "slave", "a:10911")
                : Task.FromResult(Ok(queue));
        });

        Assert.Equal(["broker-a", "broker-b"], tried);
        Assert.Equal("broker-b", result.MessageQueue.BrokerName);
    }

    [Theory]
    [InlineData(ResponseCode.TopicNotExist, true)]
    [InlineData(ResponseCode.ServiceNotAvailable, true)]
    [InlineData(ResponseCode.SystemError, true)]
    [InlineData(ResponseCode.NoPermission, true)]
    [InlineData(ResponseCode.NoBuyerId, true)]
    [InlineData(ResponseCode.NotInCurrentUnit, true)]
    [InlineData(ResponseCode.SystemBusy, false)]
    [InlineData(ResponseCode.MessageIllegal, false)]
    public void Retry_codes_match_the_java_producer(int code, bool retry)
    {
        Assert.Equal(retry, SendRetryPolicy.IsRetryable(new MQClientException(code, "x", "addr")));
    }

    [Fact]
    public async Task Non_retryable_code_is_thrown_after_one_try()
    {
        var info = TopicPublishInfo.FromRoute("T", Route());
        var tries = 0;

        var error = await Assert.ThrowsAsync<MQClientException>(() => SendRetryPolicy.SendWithRetryAsync(info, 3, TimeSpan.FromSeconds(3), TimeProvider.System, (_, _, _) =>
        {
            tries++;
            throw new MQClientException(ResponseCode.SystemBusy, "busy", "a:10911");
        }));

        Assert.Equal(1, tries);
        Assert.Equal(ResponseCode.SystemBusy, error.Code);
    }

    [Fact]
    public async Task Transport_errors_use_every_try_then_fail_with_the_count()
    {
        var info = TopicPublishInfo.FromRoute("T", Route());
        var tries = 0;

        var error = await Assert.ThrowsAsync<MQClientException>(() => SendRetryPolicy.SendWithRetryAsync(info, 3, TimeSpan.FromSeconds(3), TimeProvider.System, (_, _, _) =>
        {
            tries++;
            throw new RemotingConnectException("refused");
        }));

        Assert.Equal(3, tries);
        Assert.Contains("Send [3] times", error.Message, StringComparison.Ordinal);
        Assert.IsType<RemotingConnectException>(error.InnerException);
    }

    [Fact]
    public async Task No_new_try_starts_after_the_timeout()
    {
        var info = TopicPublishInfo.FromRoute("T", Route());
        var clock = new FixedClock(DateTimeOffset.UnixEpoch);
        var tries = 0;

        await Assert.ThrowsAsync<MQClientException>(() => SendRetryPolicy.SendWithRetryAsync(info, 3, TimeSpan.FromSeconds(3), clock, (_, _, _) =>
        {
            tries++;
            clock.Advance(TimeSpan.FromSeconds(4));
            throw new RemotingTimeoutException("slow");
        }));

        Assert.Equal(1, tries);
    }

    [Fact]
    public void Large_bodies_are_compressed_and_flagged()
    {
        var small = Producer.Producer.PrepareBody(new Message("T", new byte[4095]), 4096);
        var large = Producer.Producer.PrepareBody(new Message("T", new byte[4096]), 4096);

        Assert.Equal(0, small.SysFlag);
        Assert.Equal(MessageSysFlag.CompressedFlag, large.SysFlag);
        Assert.Equal(new byte[4096], BodyCompression.Decompress(large.Body));
    }

    [Fact]
    public void Send_header_carries_properties_and_retry_topic_counters()
    {
        var options = new ProducerOptions { ProducerGroup = "PG", NameServerAddress = "ns:9876" };
        var message = new Message("%RETRY%G", [1], tags: "TagA");
        message.PutProperty(MessageConst.ReconsumeTime, "3");
        message.PutProperty(MessageConst.MaxReconsumeTimes, "16");
        var prepared = Producer.Producer.PrepareBody(message, 4096);

        var header = Producer.Producer.BuildHeader(prepared, new MessageQueue("%RETRY%G", "broker-a", 0), options, 1234);

        Assert.Equal(("PG", "TBW102", 4, 1234L), (header.ProducerGroup, header.DefaultTopic, header.DefaultTopicQueueNums, header.BornTimestamp));
        Assert.Equal(3, header.ReconsumeTimes);
        Assert.Equal(16, header.MaxReconsumeTimes);
        var properties = MessageProperties.Decode(header.Properties);
        Assert.Equal("TagA", properties["TAGS"]);
        Assert.False(properties.ContainsKey(MessageConst.ReconsumeTime));
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("bad topic", false)]
    [InlineData("Good_Topic-1", true)]
    public void Topic_names_are_validated(string topic, bool valid)
    {
        var message = new Message(topic, [1]);

        var error = Record.Exception(() => Producer.Producer.Validate(message, 1024));

        Assert.Equal(valid, error is null);
    }

    [Fact]
    public void Send_status_maps_from_response_codes()
    {
        Assert.Equal(SendStatus.SEND_OK, SendResult.StatusOf(0));
        Assert.Equal(SendStatus.FLUSH_DISK_TIMEOUT, SendResult.StatusOf(10));
        Assert.Equal(SendStatus.SLAVE_NOT_AVAILABLE, SendResult.StatusOf(11));
        Assert.Equal(SendStatus.FLUSH_SLAVE_TIMEOUT, SendResult.StatusOf(12));
        Assert.Null(SendResult.StatusOf(14));
    }

    [Fact]
    public void Send_response_becomes_a_send_result_with_the_unique_key_as_msg_id()
    {
        var response = RemotingCommand.CreateResponse(ResponseCode.FlushDiskTimeout)
            .WithExtField("msgId", "0A00000100002A9F0000000000001234").WithExtField("queueId", "2").WithExtField("queueOffset", "77");

        var result = BrokerClient.ProcessSendResponse("a:10911", "broker-a", "T", "UNIQ", response);
        var error = Assert.Throws<MQClientException>(() => BrokerClient.ProcessSendResponse("a:10911", "broker-a", "T", null, RemotingCommand.CreateResponse(14, "slave")));

        Assert.Equal(new SendResult(SendStatus.FLUSH_DISK_TIMEOUT, "UNIQ", "0A00000100002A9F0000000000001234", new MessageQueue("T", "broker-a", 2), 77, null, "DefaultRegion"), result);
        Assert.Equal((14, "slave", "a:10911"), (error.Code, error.Remark, error.Address));
    }
}
