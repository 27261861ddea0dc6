using System.Globalization;
using System.Text;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Headers.Broker;
using Rmq.Store;
using Serilog;

namespace Rmq.Broker.Transaction;

/// <summary>
/// Resolves half messages whose producer never ended them (RocketMQ TransactionalMessageCheckService): every
/// check interval, halves older than the transaction timeout without an op record are put back (check count + 1)
/// and their producer group is asked CHECK_TRANSACTION_STATE (39, oneway); after <c>transactionCheckMax</c> checks (or
/// once older than the commit log's retention) a half goes to TRANS_CHECK_MAX_TIME_TOPIC, never to its real topic. Progress is kept as group CID_RMQ_SYS_TRANS offsets of the half and op topics. Master only.
/// </summary>
internal sealed class TransactionCheckService : IAsyncDisposable
{
    public const string CheckGroup = "CID_RMQ_SYS_TRANS";
    public const string PropertyCheckTimes = "TRANSACTION_CHECK_TIMES";

    private readonly BrokerContext _broker;
    private readonly TimeSpan _interval;
    private readonly TimeSpan _timeout;
    private readonly int _checkMax;
    private readonly ILogger _log;
    private readonly TransactionDiscardResolver _discard;
    private readonly long _retentionMillis;
    private readonly HashSet<long> _done = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _serial = new(1, 1);
    private Task? _loop;

    public TransactionCheckService(BrokerContext broker, TimeSpan interval, TimeSpan timeout, int checkMax)
    {
        _broker = broker;
        _interval = interval > TimeSpan.Zero ? interval : TimeSpan.FromSeconds(60);
        _timeout = timeout;
        _checkMax = checkMax;
        _log = broker.Logger.ForContext<TransactionCheckService>();
        _discard = new TransactionDiscardResolver(broker);
        _retentionMillis = broker.Options.Store.FileReservedTime * 3_600_000L;
    }

    public void Start()
    {
        if (!_broker.IsSlave)
        {
            _loop = Task.Run(RunAsync);
        }
    }

    /// <summary>One check round (also called by tests).</summary>
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        await _serial.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ReadOps();
            await CheckHalvesAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _serial.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }

        _stop.Dispose();
        _serial.Dispose();
    }

    private async Task RunAsync()
    {
        using var timer = new PeriodicTimer(_interval, _broker.Time);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                try
                {
                    await CheckAsync(_stop.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (e is IOException or InvalidDataException)
                {
                    _log.Error(e, "Transaction check round failed");
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // stopped
        }
    }

    /// <summary>Reads new op records (body = the half's queue offset) into the done set.</summary>
    private void ReadOps()
    {
        var store = _broker.Store;
        var offset = Math.Max(0, _broker.Offsets.QueryOffset(CheckGroup, TransactionalMessages.OpHalfTopic, 0));
        while (true)
        {
            var result = store.GetMessage(CheckGroup, TransactionalMessages.OpHalfTopic, 0, offset, 32);
            if (result.Status != GetMessageStatus.FOUND)
            {
                if (result.Status is GetMessageStatus.OFFSET_TOO_SMALL)
                {
                    offset = result.NextBeginOffset;
                    continue;
                }

                break;
            }

            foreach (var op in StoredMessage.DecodeAll(result.Body.Span))
            {
                if (long.TryParse(Encoding.UTF8.GetString(op.Body), NumberStyles.Integer, CultureInfo.InvariantCulture, out var halfOffset))
                {
                    _done.Add(halfOffset);
                }
            }

            offset = result.NextBeginOffset;
        }

        _broker.Offsets.CommitOffset(CheckGroup, TransactionalMessages.OpHalfTopic, 0, offset);
    }

    private async Task CheckHalvesAsync(CancellationToken cancellationToken)
    {
        var store = _broker.Store;
        var offset = _broker.Offsets.QueryOffset(CheckGroup, TransactionalMessages.HalfTopic, 0);
        offset = offset < 0 ? store.GetMinOffsetInQueue(TransactionalMessages.HalfTopic, 0) : offset;
        var now = _broker.NowMillis;
        // halves put back during this round are checked in the next one
        var end = store.GetMaxOffsetInQueue(TransactionalMessages.HalfTopic, 0);
        var stop = false;
        while (!stop && offset < end)
        {
            var result = store.GetMessage(CheckGroup, TransactionalMessages.HalfTopic, 0, offset, (int)Math.Min(32, end - offset));
            if (result.Status != GetMessageStatus.FOUND)
            {
                if (result.Status is GetMessageStatus.OFFSET_TOO_SMALL && result.NextBeginOffset != offset)
                {
                    offset = result.NextBeginOffset;
                    continue;
                }

                break;
            }

            var halves = StoredMessage.DecodeAll(result.Body.Span);
            for (var i = 0; i < halves.Count; i++)
            {
                var half = halves[i];
                var queueOffset = result.QueueOffsets[i];
                if (_done.Remove(queueOffset))
                {
                    offset = queueOffset + 1;
                    continue;
                }

                if (now - half.BornTimestamp < _timeout.TotalMilliseconds)
                {
                    stop = true;
                    break;
                }

                var checkTimes = int.TryParse(half.Properties.GetValueOrDefault(PropertyCheckTimes), NumberStyles.Integer, CultureInfo.InvariantCulture, out var t) ? t : 0;
                if (checkTimes >= _checkMax || now - half.BornTimestamp > _retentionMillis)
                {
                    await _discard.ResolveDiscardAsync(half, cancellationToken).ConfigureAwait(false);
                }
                else if (!await PutBackAndCheckAsync(half, checkTimes + 1, cancellationToken).ConfigureAwait(false))
                {
                    stop = true;
                    break;
                }

                offset = queueOffset + 1;
            }

            if (!stop)
            {
                offset = Math.Max(offset, result.NextBeginOffset);
            }
        }

        _broker.Offsets.CommitOffset(CheckGroup, TransactionalMessages.HalfTopic, 0, offset);
        _done.RemoveWhere(o => o < offset);
    }

    private async Task<bool> PutBackAndCheckAsync(StoredMessage half, int checkTimes, CancellationToken cancellationToken)
    {
        var properties = new Dictionary<string, string>(half.Properties, StringComparer.Ordinal)
        {
            [PropertyCheckTimes] = checkTimes.ToString(CultureInfo.InvariantCulture),
        };
        var put = await _broker.Store.PutMessageAsync(new MessageToStore
        {
            Topic = TransactionalMessages.HalfTopic,
            QueueId = 0,
            Flag = half.Flag,
            Body = half.Body,
            PropertiesString = MessageProperties.Build(properties),
            SysFlag = half.SysFlag & ~(MessageSysFlag.BORNHOST_V6_FLAG | MessageSysFlag.STOREHOSTADDRESS_V6_FLAG),
            BornTimestamp = half.BornTimestamp,
            BornHost = half.BornHost,
            StoreHost = half.StoreHost,
            ReconsumeTimes = half.ReconsumeTimes,
            WaitStoreMsgOk = false,
        }, cancellationToken).ConfigureAwait(false);
        if (!put.IsOk)
        {
            _log.Warning("Putting back half message {MsgId} failed: {Status}", half.MsgId, put.Status);
            return false;
        }

        var group = properties.GetValueOrDefault(TransactionalMessages.PropertyProducerGroup);
        var producer = group is null ? null : _broker.Producers.Groups.GetValueOrDefault(group)?.FirstOrDefault(c => c.Channel.IsActive);
        if (producer is null)
        {
            _log.Warning("No producer of group {Group} online to check half message {MsgId}", group, half.MsgId);
            return true;
        }

        var newHalf = _broker.Store.LookMessageByOffset(put.WroteOffset);
        if (newHalf is null)
        {
            return true;
        }

        var realTopic = properties.GetValueOrDefault(MessageProperties.REAL_TOPIC) ?? half.Topic;
        _ = int.TryParse(properties.GetValueOrDefault(MessageProperties.REAL_QID), NumberStyles.Integer, CultureInfo.InvariantCulture, out var realQueueId);
        var uniqKey = properties.GetValueOrDefault(MessageProperties.UNIQ_KEY);
        var header = new CheckTransactionStateRequestHeader
        {
            TranStateTableOffset = newHalf.QueueOffset,
            CommitLogOffset = newHalf.CommitLogOffset,
            MsgId = uniqKey ?? newHalf.MsgId,
            TransactionId = uniqKey,
            OffsetMsgId = newHalf.MsgId,
        };
        var request = RemotingCommand.CreateRequest(RequestCode.CheckTransactionState, header, MessageRecordEncoder.Encode(newHalf, realTopic, realQueueId)).MarkOneway();
        try
        {
            await producer.Channel.SendOnewayAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is Remoting.Transport.RemotingException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            _log.Warning("Check transaction state of {MsgId} to {Remote} failed: {Error}", half.MsgId, producer.Channel.RemoteAddress, e.Message);
        }

        return true;
    }
}
