using Rmq.Client.Broker;
using Rmq.Client.Consumer;
using Rmq.Client.Messages;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;
using Rmq.Remoting.Protocol.Headers.Broker;

namespace Rmq.Client.Tests;

public sealed class ConsumerPolicyTests
{
    private static List<MessageQueue> Queues(int count, string broker = "broker-a") =>
        Enumerable.Range(0, count).Select(i => new MessageQueue("T", broker, i)).ToList();

    [Theory]
    [InlineData(8, 3, 0, new[] { 0, 1, 2 })]
    [InlineData(8, 3, 1, new[] { 3, 4, 5 })]
    [InlineData(8, 3, 2, new[] { 6, 7 })]
    [InlineData(8, 2, 1, new[] { 4, 5, 6, 7 })]
    [InlineData(2, 3, 0, new[] { 0 })]
    [InlineData(2, 3, 1, new[] { 1 })]
    [InlineData(2, 3, 2, new int[0])]
    [InlineData(4, 1, 0, new[] { 0, 1, 2, 3 })]
    public void Averagely_allocates_consecutive_blocks(int queueCount, int clientCount, int clientIndex, int[] expected)
    {
        var clients = Enumerable.Range(0, clientCount).Select(i => $"10.0.0.{i}@1").ToList();

        var allocated = AllocateMessageQueueAveragely.Allocate(clients[clientIndex], Queues(queueCount), clients);

        Assert.Equal(expected, allocated.Select(q => q.QueueId));
    }

    [Fact]
    public void A_client_not_in_the_list_gets_nothing_and_every_queue_goes_to_exactly_one_client()
    {
        var queues = Queues(3, "broker-b").Concat(Queues(4, "broker-a")).ToList();
        string[] clients = ["c@2", "a@1", "b@3"];

        var all = clients.SelectMany(c => AllocateMessageQueueAveragely.AllocateSorted(c, queues, clients)).ToList();

        Assert.Empty(AllocateMessageQueueAveragely.AllocateSorted("z@9", queues, clients));
        Assert.Equal(queues.Order(), all.Order());
        Assert.Equal(
            [new("T", "broker-a", 0), new("T", "broker-a", 1), new MessageQueue("T", "broker-a", 2)],
            AllocateMessageQueueAveragely.AllocateSorted("a@1", queues, clients));
    }

    [Fact]
    public void Subscribe_queues_are_the_readable_ones_sorted()
    {
        var route = new TopicRouteData();
        route.QueueDatas.Add(new QueueData { BrokerName = "broker-b", ReadQueueNums = 2, WriteQueueNums = 2, Perm = PermName.Read });
        route.QueueDatas.Add(new QueueData { BrokerName = "broker-a", ReadQueueNums = 1, WriteQueueNums = 4, Perm = PermName.ReadWrite });
        route.QueueDatas.Add(new QueueData { BrokerName = "broker-c", ReadQueueNums = 4, WriteQueueNums = 4, Perm = PermName.Write });

        var queues = ConsumerQueues.SubscribeQueues("T", route);

        Assert.Equal([new("T", "broker-a", 0), new("T", "broker-b", 0), new MessageQueue("T", "broker-b", 1)], queues);
    }

    [Fact]
    public void Process_queue_commits_the_smallest_offset_in_flight_then_max_plus_one()
    {
        var pq = new ProcessQueue();
        var messages = new[] { 10L, 11, 12 }.Select(o => Message(o)).ToList();
        pq.PutMessages(messages);

        var afterMiddle = pq.RemoveMessages([messages[1]]);
        var afterFirst = pq.RemoveMessages([messages[0]]);
        var afterLast = pq.RemoveMessages([messages[2]]);
        var whenEmpty = pq.RemoveMessages([messages[2]]);

        Assert.Equal((10L, 12L, 13L, -1L), (afterMiddle, afterFirst, afterLast, whenEmpty));
        Assert.Equal(0, pq.MessageCount);
    }

    [Fact]
    public void Offset_store_moves_forward_only_when_asked_and_plans_persistence_for_assigned_queues()
    {
        var store = new OffsetStore();
        var a = new MessageQueue("T", "broker-a", 0);
        var b = new MessageQueue("T", "broker-a", 1);
        store.UpdateOffset(a, 10, increaseOnly: true);
        store.UpdateOffset(a, 5, increaseOnly: true);
        store.UpdateOffset(b, 7, increaseOnly: true);
        store.UpdateOffset(b, 3, increaseOnly: false);

        var (persist, unused) = store.PlanPersist(new HashSet<MessageQueue> { a });

        Assert.Equal(10, store.ReadOffset(a));
        Assert.Equal(3, store.ReadOffset(b));
        Assert.Equal([new KeyValuePair<MessageQueue, long>(a, 10)], persist);
        Assert.Equal([b], unused);
        Assert.Equal(-1, store.ReadOffset(new MessageQueue("T", "broker-x", 0)));
    }

    [Theory]
    [InlineData(ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET, 42L, false, 42L)]
    [InlineData(ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET, -1L, false, 100L)]
    [InlineData(ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET, -1L, true, 0L)]
    [InlineData(ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET, -2L, false, -1L)]
    [InlineData(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET, -1L, false, 0L)]
    [InlineData(ConsumeFromWhere.CONSUME_FROM_TIMESTAMP, -1L, false, 55L)]
    [InlineData(ConsumeFromWhere.CONSUME_FROM_TIMESTAMP, -1L, true, 100L)]
    [InlineData(ConsumeFromWhere.CONSUME_FROM_TIMESTAMP, 7L, false, 7L)]
    public async Task Start_offset_follows_consume_from_where(ConsumeFromWhere fromWhere, long lastOffset, bool retryTopic, long expected)
    {
        var next = await ConsumeFromWhereCalculator.ComputeAsync(fromWhere, lastOffset, retryTopic, () => Task.FromResult(100L), () => Task.FromResult(55L));

        Assert.Equal(expected, next);
    }

    [Fact]
    public async Task Start_offset_is_unknown_when_the_max_offset_cannot_be_read()
    {
        var next = await ConsumeFromWhereCalculator.ComputeAsync(ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET, -1, false,
            () => throw new MQClientException(ResponseCode.SystemError, "x", "b"), () => Task.FromResult(0L));

        Assert.Equal(-1, next);
    }

    private static MessageExt Message(long offset) =>
        MessageDecoder.Decode(new RecordBuilder { QueueOffset = offset, PhysicalOffset = offset * 100 }.Build());

    private static RemotingCommand PullResponse(int code, byte[] body, long next = 5, long suggest = 0)
    {
        var response = RemotingCommand.CreateResponse(code, "FOUND");
        response.WithHeader(new PullMessageResponseHeader { NextBeginOffset = next, MinOffset = 0, MaxOffset = 9, SuggestWhichBrokerId = suggest });
        response.Body = body;
        return response;
    }

    [Fact]
    public void Found_result_is_decoded_and_re_filtered_by_tag()
    {
        var body = new RecordBuilder { QueueOffset = 3, Properties = "TAGS\u0001TagA" }.Build()
            .Concat(new RecordBuilder { QueueOffset = 4, Properties = "TAGS\u0001TagC" }.Build()).ToArray();
        var result = BrokerClient.ProcessPullResponse("b:10911", PullResponse(ResponseCode.Success, body, suggest: 1));
        var queue = new MessageQueue("TopicTest", "broker-a", 3);

        var outcome = PullResultHandler.Handle(result, queue, SubscriptionData.ForTags("TopicTest", "TagA || TagB", 1), messagesInFlight: 0);

        Assert.Equal(1, result.SuggestWhichBrokerId);
        Assert.Equal(PullAction.PullNow, outcome.Action);
        Assert.Equal(5, outcome.NextOffset);
        var message = Assert.Single(outcome.MessagesToConsume);
        Assert.Equal(3, message.QueueOffset);
        Assert.Equal("broker-a", message.BrokerName);
        Assert.Equal("9", message.GetProperty(MessageConst.MaxOffset));
    }

    [Theory]
    [InlineData(ResponseCode.PullNotFound, 0, 8L)]
    [InlineData(ResponseCode.PullRetryImmediately, 0, 8L)]
    [InlineData(ResponseCode.PullNotFound, 2, null)]
    public void No_message_results_pull_again_and_correct_the_offset_when_nothing_is_in_flight(int code, int inFlight, long? corrected)
    {
        var result = BrokerClient.ProcessPullResponse("b", PullResponse(code, [], next: 8));

        var outcome = PullResultHandler.Handle(result, new MessageQueue("T", "b", 0), null, inFlight);

        Assert.Equal((PullAction.PullNow, 8L, corrected), (outcome.Action, outcome.NextOffset, outcome.CorrectOffset));
    }

    [Fact]
    public void Offset_moved_drops_the_queue_at_the_next_begin_offset()
    {
        var result = BrokerClient.ProcessPullResponse("b", PullResponse(ResponseCode.PullOffsetMoved, [], next: 100));

        var outcome = PullResultHandler.Handle(result, new MessageQueue("T", "b", 0), null, 0);

        Assert.Equal((PullAction.DropQueue, 100L), (outcome.Action, outcome.NextOffset));
    }

    [Fact]
    public void Other_pull_codes_are_errors()
    {
        var error = Assert.Throws<MQClientException>(() => BrokerClient.ProcessPullResponse("b:1", RemotingCommand.CreateResponse(ResponseCode.SubscriptionNotExist, "no sub")));

        Assert.Equal(ResponseCode.SubscriptionNotExist, error.Code);
    }

    [Fact]
    public void Pull_header_commits_the_local_offset_to_a_master_but_not_to_a_slave()
    {
        var queue = new MessageQueue("T", "broker-a", 1);
        var subscription = SubscriptionData.ForTags("T", "TagA", 99);

        var toMaster = ConsumerQueues.BuildPullHeader("G", queue, subscription, 10, 8, toSlave: false, postSubscription: true, 32, 15000);
        var toSlave = ConsumerQueues.BuildPullHeader("G", queue, subscription, 10, 8, toSlave: true, postSubscription: false, 32, 15000);
        var first = ConsumerQueues.BuildPullHeader("G", queue, subscription, 0, -1, toSlave: false, postSubscription: false, 32, 15000);

        Assert.Equal((int)(PullSysFlag.CommitOffset | PullSysFlag.Suspend | PullSysFlag.Subscription), toMaster.SysFlag);
        Assert.Equal("TagA", toMaster.Subscription);
        Assert.Equal((8L, 99L, 32, 15000L), (toMaster.CommitOffset, toMaster.SubVersion, toMaster.MaxMsgNums, toMaster.SuspendTimeoutMillis));
        Assert.Equal((int)PullSysFlag.Suspend, toSlave.SysFlag);
        Assert.Null(toSlave.Subscription);
        Assert.Equal((int)PullSysFlag.Suspend, first.SysFlag);
        Assert.Equal(-1, first.CommitOffset);
    }

    [Fact]
    public void Retried_messages_get_their_original_topic_back()
    {
        var retried = MessageDecoder.Decode(new RecordBuilder { Topic = "%RETRY%G", Properties = "RETRY_TOPIC\u0001TopicTest" }.Build());
        var other = MessageDecoder.Decode(new RecordBuilder { Topic = "%RETRY%Other", Properties = "RETRY_TOPIC\u0001TopicTest" }.Build());

        Consumer.PushConsumer.ResetRetryTopic([retried, other], "G");

        Assert.Equal("TopicTest", retried.Topic);
        Assert.Equal("%RETRY%Other", other.Topic);
    }

    [Fact]
    public void Subscribe_address_falls_back_to_any_broker_id_unless_only_this_one()
    {
        var addrs = new SortedDictionary<long, string> { [1] = "slave:10911", [2] = "slave2:10911" };

        Assert.Equal(new FindBrokerResult("slave:10911", true), ClientInstance.FindInSubscribe(addrs, 0, onlyThisBroker: false));
        Assert.Null(ClientInstance.FindInSubscribe(addrs, 0, onlyThisBroker: true));
        Assert.Equal(new FindBrokerResult("slave2:10911", true), ClientInstance.FindInSubscribe(addrs, 2, onlyThisBroker: true));
    }
}

public sealed class ConsumeResultTests
{
    [Theory]
    [InlineData(ConsumeConcurrentlyStatus.CONSUME_SUCCESS, int.MaxValue, 3, 3)]
    [InlineData(ConsumeConcurrentlyStatus.CONSUME_SUCCESS, 0, 3, 1)]
    [InlineData(ConsumeConcurrentlyStatus.CONSUME_SUCCESS, -1, 3, 0)]
    [InlineData(ConsumeConcurrentlyStatus.RECONSUME_LATER, int.MaxValue, 3, 0)]
    [InlineData(ConsumeConcurrentlyStatus.RECONSUME_LATER, 1, 1, 0)]
    public void Messages_after_the_ack_index_are_sent_back(ConsumeConcurrentlyStatus status, int ackIndex, int count, int firstFailed)
    {
        Assert.Equal(firstFailed, Consumer.PushConsumer.FirstFailedIndex(status, ackIndex, count));
    }
}

public sealed class RetryMessageTests
{
    [Fact]
    public void Fallback_resend_copies_the_message_to_the_retry_topic_with_java_properties()
    {
        var failed = MessageDecoder.Decode(new RecordBuilder { Topic = "TopicTest", ReconsumeTimes = 2, Flag = 9, Properties = "TAGS\u0001TagA\u0002UNIQ_KEY\u0001ABC\u0002TRAN_MSG\u0001true" }.Build());

        var retry = RetryMessages.BuildFallback(failed, "G", 16);

        Assert.Equal(("%RETRY%G", 9), (retry.Topic, retry.Flag));
        Assert.Equal(failed.Body, retry.Body);
        Assert.Equal("TopicTest", retry.GetProperty(MessageConst.RetryTopic));
        Assert.Equal("ABC", retry.GetProperty(MessageConst.OriginMessageId));
        Assert.Equal("3", retry.GetProperty(MessageConst.ReconsumeTime));
        Assert.Equal("16", retry.GetProperty(MessageConst.MaxReconsumeTimes));
        Assert.Equal(5, retry.DelayTimeLevel);
        Assert.Equal("TagA", retry.Tags);
        Assert.Null(retry.GetProperty(MessageConst.TransactionPrepared));
    }

    [Fact]
    public void Fallback_keeps_an_existing_origin_message_id()
    {
        var failed = MessageDecoder.Decode(new RecordBuilder { Properties = "ORIGIN_MESSAGE_ID\u0001FIRST" }.Build());

        Assert.Equal("FIRST", RetryMessages.BuildFallback(failed, "G", 16).GetProperty(MessageConst.OriginMessageId));
    }
}
