using Rmq.Broker.Tests.Support;
using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol.Bodies;
using Rmq.Remoting.Transport;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Headers.Broker;
using Rmq.Store;

namespace Rmq.Broker.Tests;

public sealed class TransactionTests
{
    private static async Task<(SendMessageResponseHeader Header, long Offset)> SendHalfAsync(BrokerCluster cluster, string body)
    {
        var props = BrokerCluster.Properties("T", user: [new("TRAN_MSG", "true"), new("PGROUP", "TxPG")]);
        var request = BrokerCluster.SendRequest(RequestCode.SendMessageV2, "TxT", System.Text.Encoding.UTF8.GetBytes(body), props, 0, group: "TxPG");
        var response = await cluster.InvokeAsync(request);
        Assert.Equal(ResponseCode.Success, response.Code);
        var header = response.ReadHeader<SendMessageResponseHeader>();
        OffsetMessageId.TryDecode(header.MsgId, out _, out var offset);
        return (header, offset);
    }

    private static RemotingCommand End(SendMessageResponseHeader sent, long offset, int type) =>
        RemotingCommand.CreateRequest(RequestCode.EndTransaction, new EndTransactionRequestHeader
        {
            ProducerGroup = "TxPG", TranStateTableOffset = sent.QueueOffset, CommitLogOffset = offset, CommitOrRollback = type, MsgId = sent.MsgId,
        });

    [Fact]
    public async Task Half_message_is_invisible_until_committed_and_a_rolled_back_one_never_appears()
    {
        await using var cluster = await BrokerCluster.StartAsync();
        await cluster.CreateTopicAsync("TxT", 1);

        var (commitMe, commitOffset) = await SendHalfAsync(cluster, "commit-me");
        var (rollMe, rollOffset) = await SendHalfAsync(cluster, "roll-me");

        Assert.Equal(0, commitMe.QueueId);
        Assert.True(await Eventually.TrueAsync(() => cluster.Broker.Store.GetMaxOffsetInQueue("RMQ_SYS_TRANS_HALF_TOPIC", 0) == 2));
        Assert.Equal(0, cluster.Broker.Store.GetMaxOffsetInQueue("TxT", 0));

        Assert.Equal(ResponseCode.Success, (await cluster.InvokeAsync(End(rollMe, rollOffset, MessageSysFlag.TRANSACTION_ROLLBACK_TYPE))).Code);
        Assert.Equal(ResponseCode.Success, (await cluster.InvokeAsync(End(commitMe, commitOffset, MessageSysFlag.TRANSACTION_COMMIT_TYPE))).Code);

        Assert.True(await Eventually.TrueAsync(() => cluster.Broker.Store.GetMaxOffsetInQueue("RMQ_SYS_TRANS_OP_HALF_TOPIC", 0) == 2));
        Assert.True(await Eventually.TrueAsync(() => cluster.Broker.Store.GetMaxOffsetInQueue("TxT", 0) == 1));
        var pull = await cluster.InvokeAsync(BrokerCluster.PullRequest("G", "TxT", 0, 0));
        var record = RecordDecoder.DecodeAll(pull.Body.Span).Single();
        Assert.Equal("commit-me", record.BodyText);
        Assert.False(record.Properties.ContainsKey("TRAN_MSG"));
        Assert.False(record.Properties.ContainsKey("REAL_TOPIC"));

        var wrongGroup = RemotingCommand.CreateRequest(RequestCode.EndTransaction, new EndTransactionRequestHeader
        {
            ProducerGroup = "Other", TranStateTableOffset = commitMe.QueueOffset, CommitLogOffset = commitOffset, CommitOrRollback = MessageSysFlag.TRANSACTION_COMMIT_TYPE, MsgId = commitMe.MsgId,
        });
        Assert.Equal(ResponseCode.SystemError, (await cluster.InvokeAsync(wrongGroup)).Code);
    }

    [Fact]
    public async Task An_unended_half_is_checked_with_its_producer_which_can_then_commit_it()
    {
        await using var cluster = await BrokerCluster.StartAsync(o => o with { Messaging = o.Messaging with { TransactionTimeOut = 0, TransactionCheckInterval = 600_000 } });
        await cluster.CreateTopicAsync("TxT", 1);
        var checks = new System.Collections.Concurrent.ConcurrentQueue<RemotingCommand>();
        await using var producer = new RemotingClient(new RemotingClientOptions());
        await using var executor = new RequestExecutor("check", 1, 10);
        producer.Processors.Register(RequestCode.CheckTransactionState, new Capture(checks), executor);
        var heartbeat = new HeartbeatData { ClientId = "p1", ProducerDataSet = [new ProducerData("TxPG")] };
        await producer.InvokeAsync(cluster.BrokerAddress, RemotingCommand.CreateRequest(RequestCode.HeartBeat, body: heartbeat.Encode()), BrokerCluster.Timeout);
        await SendHalfAsync(cluster, "unsure");
        Assert.True(await Eventually.TrueAsync(() => cluster.Broker.Store.GetMaxOffsetInQueue("RMQ_SYS_TRANS_HALF_TOPIC", 0) == 1));

        await cluster.Broker.TransactionCheck.CheckAsync(CancellationToken.None);

        Assert.True(await Eventually.TrueAsync(() => !checks.IsEmpty));
        checks.TryDequeue(out var check);
        var header = check!.ReadHeader<CheckTransactionStateRequestHeader>();
        var record = RecordDecoder.DecodeAll(check.Body.Span).Single();
        Assert.Equal("TxT", record.Topic);
        Assert.Equal("unsure", record.BodyText);
        Assert.Equal("1", record.Properties["TRANSACTION_CHECK_TIMES"]);
        var end = RemotingCommand.CreateRequest(RequestCode.EndTransaction, new EndTransactionRequestHeader
        {
            ProducerGroup = "TxPG", TranStateTableOffset = header.TranStateTableOffset, CommitLogOffset = header.CommitLogOffset,
            CommitOrRollback = MessageSysFlag.TRANSACTION_COMMIT_TYPE, FromTransactionCheck = true, MsgId = header.MsgId!,
        });
        Assert.Equal(ResponseCode.Success, (await producer.InvokeAsync(cluster.BrokerAddress, end, BrokerCluster.Timeout)).Code);
        Assert.True(await Eventually.TrueAsync(() => cluster.Broker.Store.GetMaxOffsetInQueue("TxT", 0) == 1));
        Assert.True(await Eventually.TrueAsync(() => cluster.Broker.Store.GetMaxOffsetInQueue("RMQ_SYS_TRANS_OP_HALF_TOPIC", 0) == 1));

        await cluster.Broker.TransactionCheck.CheckAsync(CancellationToken.None);
        Assert.Equal(2, cluster.Broker.Store.GetMaxOffsetInQueue("RMQ_SYS_TRANS_HALF_TOPIC", 0));
        Assert.True(checks.IsEmpty);
    }

    [Fact]
    public async Task A_half_whose_producer_always_answers_unknown_ends_in_TRANS_CHECK_MAX_TIME_TOPIC_and_is_never_delivered()
    {
        await using var cluster = await BrokerCluster.StartAsync(o => o with { Messaging = o.Messaging with { TransactionTimeOut = 0, TransactionCheckInterval = 200, TransactionCheckMax = 2 } });
        await cluster.CreateTopicAsync("TxT", 1);
        await using var producer = await TransactionProducerStub.StartAsync(cluster.BrokerAddress, "TxPG", (_, _) => MessageSysFlag.TRANSACTION_NOT_TYPE);

        await SendHalfAsync(cluster, "never");

        var store = cluster.Broker.Store;
        Assert.True(await Eventually.TrueAsync(() => store.GetMaxOffsetInQueue("TRANS_CHECK_MAX_TIME_TOPIC", 0) == 1, TimeSpan.FromSeconds(20)));
        await cluster.Broker.TransactionCheck.CheckAsync(CancellationToken.None);
        Assert.True(await Eventually.TrueAsync(() => producer.Checks.Count >= 2));
        Assert.Equal([1, 2], producer.Checks.Select(c => c.CheckTimes).ToArray());
        Assert.Equal(0, store.GetMaxOffsetInQueue("TxT", 0));
        Assert.Equal(1, store.GetMaxOffsetInQueue("TRANS_CHECK_MAX_TIME_TOPIC", 0));
        var config = cluster.Broker.Topics.Select("TRANS_CHECK_MAX_TIME_TOPIC")!;
        Assert.Equal((1, 1, PermName.ReadWrite), (config.ReadQueueNums, config.WriteQueueNums, config.Perm));
        var pull = await cluster.InvokeAsync(BrokerCluster.PullRequest("TcmtG", "TRANS_CHECK_MAX_TIME_TOPIC", 0, 0));
        var discarded = RecordDecoder.DecodeAll(pull.Body.Span).Single();
        Assert.Equal("never", discarded.BodyText);
        Assert.Equal("TxT", discarded.Properties["REAL_TOPIC"]);
        Assert.Equal("2", discarded.Properties["TRANSACTION_CHECK_TIMES"]);
        var send = await cluster.InvokeAsync(BrokerCluster.SendRequest(RequestCode.SendMessageV2, "TRANS_CHECK_MAX_TIME_TOPIC", "x"u8.ToArray(), null, 0));
        Assert.Equal(ResponseCode.SystemError, send.Code);
    }

    [Fact]
    public async Task Unknown_answers_are_checked_again_until_the_producer_commits_or_rolls_back_and_nothing_half_done_is_delivered()
    {
        // rounds driven one at a time: each waits for the producer's answers (a round racing an in-flight
        // END_TRANSACTION may check a half again, RocketMQ's at-least-once window)
        await using var cluster = await BrokerCluster.StartAsync(o => o with { Messaging = o.Messaging with { TransactionTimeOut = 0, TransactionCheckInterval = 600_000 } });
        await cluster.CreateTopicAsync("TxT", 1);
        await using var producer = await TransactionProducerStub.StartAsync(cluster.BrokerAddress, "TxPG", (body, checkTimes) =>
            checkTimes < 2 ? MessageSysFlag.TRANSACTION_NOT_TYPE
            : body == "commit-later" ? MessageSysFlag.TRANSACTION_COMMIT_TYPE : MessageSysFlag.TRANSACTION_ROLLBACK_TYPE);
        await SendHalfAsync(cluster, "commit-later");
        await SendHalfAsync(cluster, "rollback-later");
        var store = cluster.Broker.Store;
        Assert.True(await Eventually.TrueAsync(() => store.GetMaxOffsetInQueue("RMQ_SYS_TRANS_HALF_TOPIC", 0) == 2));

        await cluster.Broker.TransactionCheck.CheckAsync(CancellationToken.None);
        Assert.True(await Eventually.TrueAsync(() => producer.Checks.Count == 2));
        Assert.Equal(0, store.GetMaxOffsetInQueue("TxT", 0));
        await cluster.Broker.TransactionCheck.CheckAsync(CancellationToken.None);
        Assert.True(await Eventually.TrueAsync(() => producer.Checks.Count == 4));

        Assert.True(await Eventually.TrueAsync(() => store.GetMaxOffsetInQueue("RMQ_SYS_TRANS_OP_HALF_TOPIC", 0) == 2));
        Assert.True(await Eventually.TrueAsync(() => store.GetMaxOffsetInQueue("TxT", 0) == 1));
        var pull = await cluster.InvokeAsync(BrokerCluster.PullRequest("G", "TxT", 0, 0));
        var delivered = RecordDecoder.DecodeAll(pull.Body.Span).Single();
        Assert.Equal("commit-later", delivered.BodyText);
        Assert.Equal([1, 2], producer.Checks.Where(c => c.Body == "commit-later").Select(c => c.CheckTimes).ToArray());
        Assert.Equal([1, 2], producer.Checks.Where(c => c.Body == "rollback-later").Select(c => c.CheckTimes).ToArray());

        await cluster.Broker.TransactionCheck.CheckAsync(CancellationToken.None);
        await cluster.Broker.TransactionCheck.CheckAsync(CancellationToken.None);
        Assert.Equal(4, producer.Checks.Count);
        Assert.Equal(1, store.GetMaxOffsetInQueue("TxT", 0));
        Assert.Equal(0, store.GetMaxOffsetInQueue("TRANS_CHECK_MAX_TIME_TOPIC", 0));
    }

    private sealed class Capture(System.Collections.Concurrent.ConcurrentQueue<RemotingCommand> target) : IRequestProcessor
    {
        public ValueTask<RemotingCommand?> ProcessAsync(RequestContext context, RemotingCommand request, CancellationToken cancellationToken)
        {
            target.Enqueue(request);
            return ValueTask.FromResult<RemotingCommand?>(null);
        }
    }
}
