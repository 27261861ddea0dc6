using Rmq.Remoting.Protocol.Bodies;
using Rmq.Store;
using Serilog;

namespace Rmq.Broker.Transaction;

/// <summary>
/// What happens to a half message checked too many times, or older than the commit log's retention (RocketMQ
/// DefaultTransactionalMessageCheckListener.resolveDiscardMsg): it is stored, body and properties unchanged, in
/// TRANS_CHECK_MAX_TIME_TOPIC (1 queue, perm read|write, created on first use), never in its real topic.
/// </summary>
internal sealed class TransactionDiscardResolver(BrokerContext broker)
{
    /// <summary>Java's TCMT_QUEUE_NUMS.</summary>
    public const int QueueNums = 1;

    private readonly ILogger _log = broker.Logger.ForContext<TransactionDiscardResolver>();

    public async Task ResolveDiscardAsync(StoredMessage half, CancellationToken cancellationToken)
    {
        _log.Error("Half message {MsgId} (real topic {RealTopic}) has been checked too many times, so discard it by moving it to system topic TRANS_CHECK_MAX_TIME_TOPIC",
            half.MsgId, half.Properties.GetValueOrDefault(MessageProperties.REAL_TOPIC));
        broker.Topics.CreateTopicOfTranCheckMaxTime(QueueNums, PermName.Read | PermName.Write);
        var put = await broker.Store.PutMessageAsync(new MessageToStore
        {
            Topic = Metadata.TopicValidator.TransCheckMaxTimeTopic,
            QueueId = Random.Shared.Next(99_999_999) % QueueNums,
            Flag = half.Flag,
            Body = half.Body,
            PropertiesString = MessageProperties.Build(half.Properties),
            SysFlag = half.SysFlag & ~(MessageSysFlag.BORNHOST_V6_FLAG | MessageSysFlag.STOREHOSTADDRESS_V6_FLAG),
            BornTimestamp = half.BornTimestamp,
            BornHost = half.BornHost,
            StoreHost = half.StoreHost,
            ReconsumeTimes = half.ReconsumeTimes,
            WaitStoreMsgOk = false,
        }, cancellationToken).ConfigureAwait(false);
        if (put.IsOk)
        {
            broker.StoreStats.OnPut(put.MessageCount, put.WroteBytes, 0);
            _log.Information("Put checked-too-many-time half message to TRANS_CHECK_MAX_TIME_TOPIC OK. Restored in queueOffset={QueueOffset}, commitLogOffset={CommitLogOffset}",
                half.QueueOffset, half.CommitLogOffset);
        }
        else
        {
            broker.StoreStats.OnPutFailed();
            _log.Error("Put checked-too-many-time half message to TRANS_CHECK_MAX_TIME_TOPIC failed: {Status}, msgId={MsgId}", put.Status, half.MsgId);
        }
    }
}
