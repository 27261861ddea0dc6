using Rmq.Broker.Tests.Support;
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
}
