using System.Globalization;
using System.Text;
using Rmq.Broker.Transaction;
using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Headers.Broker;
using Rmq.Store;
using Serilog;

namespace Rmq.Broker.Processors;

/// <summary>
/// END_TRANSACTION (37): commit re-puts the half message into its real topic (sysFlag commit type, prepared
/// offset = the half's commit-log offset); rollback drops it; both record the op message that closes the half.
/// State unknown (0) leaves the half in place. Clients send it oneway.
/// </summary>
internal sealed class EndTransactionProcessor(BrokerContext broker) : IRequestProcessor
{
    private readonly ILogger _log = broker.Logger.ForContext<EndTransactionProcessor>();

    public async ValueTask<RemotingCommand?> ProcessAsync(RequestContext context, RemotingCommand request, CancellationToken cancellationToken)
    {
        var response = await EndAsync(request, cancellationToken).ConfigureAwait(false);
        return request.IsOneway ? null : response;
    }

    private async Task<RemotingCommand> EndAsync(RemotingCommand request, CancellationToken cancellationToken)
    {
        var header = request.ReadHeader<EndTransactionRequestHeader>();
        if (broker.IsSlave)
        {
            return BrokerResponses.Error(ResponseCode.SlaveNotAvailable, "Message store is slave mode, so end transaction is forbidden. ");
        }

        var type = header.CommitOrRollback;
        if (type is not (MessageSysFlag.TRANSACTION_COMMIT_TYPE or MessageSysFlag.TRANSACTION_ROLLBACK_TYPE))
        {
            return BrokerResponses.Success();
        }

        var half = broker.Store.LookMessageByOffset(header.CommitLogOffset);
        if (half is null || half.Topic != TransactionalMessages.HalfTopic)
        {
            return BrokerResponses.Error(ResponseCode.SystemError, "Find prepared transaction message failed");
        }

        if (half.Properties.GetValueOrDefault(TransactionalMessages.PropertyProducerGroup) != header.ProducerGroup)
        {
            return BrokerResponses.Error(ResponseCode.SystemError, "The producer group wrong");
        }

        if (half.QueueOffset != header.TranStateTableOffset)
        {
            return BrokerResponses.Error(ResponseCode.SystemError, "The transaction state table offset wrong");
        }

        if (type == MessageSysFlag.TRANSACTION_COMMIT_TYPE)
        {
            var properties = new Dictionary<string, string>(half.Properties, StringComparer.Ordinal);
            var topic = properties.GetValueOrDefault(MessageProperties.REAL_TOPIC) ?? string.Empty;
            _ = int.TryParse(properties.GetValueOrDefault(MessageProperties.REAL_QID), NumberStyles.Integer, CultureInfo.InvariantCulture, out var queueId);
            properties.Remove(MessageProperties.REAL_TOPIC);
            properties.Remove(MessageProperties.REAL_QID);
            properties.Remove(TransactionalMessages.PropertyTransactionPrepared);
            var put = await broker.Store.PutMessageAsync(new MessageToStore
            {
                Topic = topic,
                QueueId = queueId,
                Flag = half.Flag,
                Body = half.Body,
                PropertiesString = MessageProperties.Build(properties),
                SysFlag = MessageSysFlag.ResetTransactionValue(half.SysFlag & ~(MessageSysFlag.BORNHOST_V6_FLAG | MessageSysFlag.STOREHOSTADDRESS_V6_FLAG), MessageSysFlag.TRANSACTION_COMMIT_TYPE),
                BornTimestamp = half.BornTimestamp,
                BornHost = half.BornHost,
                StoreHost = half.StoreHost,
                ReconsumeTimes = half.ReconsumeTimes,
                PreparedTransactionOffset = header.CommitLogOffset,
                WaitStoreMsgOk = false,
            }, cancellationToken).ConfigureAwait(false);
            if (!put.IsOk)
            {
                broker.StoreStats.OnPutFailed();
                return BrokerResponses.Error(ResponseCode.SystemError, put.Status.ToString());
            }

            broker.StoreStats.OnPut(put.MessageCount, put.WroteBytes, 0);
        }

        await PutOpMessageAsync(half, cancellationToken).ConfigureAwait(false);
        return BrokerResponses.Success();
    }

    private async Task PutOpMessageAsync(StoredMessage half, CancellationToken cancellationToken)
    {
        var put = await broker.Store.PutMessageAsync(new MessageToStore
        {
            Topic = TransactionalMessages.OpHalfTopic,
            QueueId = half.QueueId,
            Body = Encoding.UTF8.GetBytes(half.QueueOffset.ToString(CultureInfo.InvariantCulture)),
            PropertiesString = MessageProperties.Build([new(MessageProperties.TAGS, TransactionalMessages.RemoveTag)]),
            BornTimestamp = broker.NowMillis,
            BornHost = broker.State.StoreHostAddress,
            StoreHost = broker.State.StoreHostAddress,
            WaitStoreMsgOk = false,
        }, cancellationToken).ConfigureAwait(false);
        if (!put.IsOk)
        {
            _log.Warning("Writing the op message of half {Offset} failed: {Status}", half.QueueOffset, put.Status);
        }
    }
}
