using System.Globalization;
using Rmq.Broker.LongPolling;
using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;
using Rmq.Remoting.Protocol.Headers.Broker;
using Rmq.Store;
using Serilog;

namespace Rmq.Broker.Processors;

/// <summary>
/// PULL_MESSAGE (11): RocketMQ's pre-checks, a tag-code filtered read from the store, the status → code table,
/// the commit offset piggy-backed on the pull, and long polling through <see cref="PullRequestHoldService"/>.
/// </summary>
internal sealed class PullMessageProcessor : IRequestProcessor
{
    private readonly BrokerContext _broker;
    private readonly RequestExecutor _executor;
    private readonly ILogger _log;

    public PullMessageProcessor(BrokerContext broker, RequestExecutor executor)
    {
        _broker = broker;
        _executor = executor;
        _log = broker.Logger.ForContext<PullMessageProcessor>();
        broker.PullHold.Wake = Rerun;
        broker.PullHold.MaxOffsetLookup = broker.Store.GetMaxOffsetInQueue;
    }

    public ValueTask<RemotingCommand?> ProcessAsync(RequestContext context, RemotingCommand request, CancellationToken cancellationToken)
    {
        var messaging = _broker.Options.Messaging;
        var waited = _broker.Time.GetUtcNow() - context.ReceivedAt;
        if (messaging.BrokerFastFailureEnable && waited.TotalMilliseconds > messaging.WaitTimeMillsInPullQueue)
        {
            var busy = RemotingCommand.CreateResponse(ResponseCode.SystemBusy, string.Create(CultureInfo.InvariantCulture,
                $"[TIMEOUT_CLEAN_QUEUE]broker busy, start flow control for a while, period in queue: {(long)waited.TotalMilliseconds}ms, size of queue: {_executor.QueueSize}"));
            busy.WithHeader(new PullMessageResponseHeader());
            return ValueTask.FromResult<RemotingCommand?>(busy);
        }

        return ValueTask.FromResult(Process(context, request, brokerAllowSuspend: true));
    }

    internal RemotingCommand? Process(RequestContext context, RemotingCommand request, bool brokerAllowSuspend)
    {
        var header = request.ReadHeader<PullMessageRequestHeader>();
        var remote = context.Channel.RemoteAddress;
        if (!PermName.IsReadable(_broker.State.BrokerPermission))
        {
            return Error(ResponseCode.NoPermission, $"the broker[{_broker.Options.Network.BrokerIP1}] pulling message is forbidden");
        }

        var groupConfig = _broker.SubscriptionGroups.FindSubscriptionGroupConfig(header.ConsumerGroup);
        if (groupConfig is null)
        {
            return Error(ResponseCode.SubscriptionGroupNotExist, $"subscription group [{header.ConsumerGroup}] does not exist, {BrokerResponses.FaqSuffix}");
        }

        if (!groupConfig.ConsumeEnable)
        {
            return Error(ResponseCode.NoPermission, $"subscription group no permission, {header.ConsumerGroup}");
        }

        var flags = (PullSysFlag)header.SysFlag;
        var hasSuspend = flags.HasFlag(PullSysFlag.Suspend);
        var hasCommitOffset = flags.HasFlag(PullSysFlag.CommitOffset);
        var hasSubscription = flags.HasFlag(PullSysFlag.Subscription);

        var topicConfig = _broker.Topics.Select(header.Topic);
        if (topicConfig is null)
        {
            _log.Warning("The topic {Topic} of pulling from {Remote} does not exist", header.Topic, remote);
            return Error(ResponseCode.TopicNotExist, BrokerResponses.TopicNotExist(header.Topic));
        }

        if (!PermName.IsReadable(topicConfig.Perm))
        {
            return Error(ResponseCode.NoPermission, $"the topic[{header.Topic}] pulling message is forbidden");
        }

        if (header.QueueId < 0 || header.QueueId >= topicConfig.ReadQueueNums)
        {
            return Error(ResponseCode.SystemError, string.Create(CultureInfo.InvariantCulture,
                $"queueId[{header.QueueId}] is illegal, topic:[{header.Topic}] topicConfig.readQueueNums:[{topicConfig.ReadQueueNums}] consumer:[{remote}]"));
        }

        SubscriptionData? subscription;
        if (hasSubscription)
        {
            if (header.ExpressionType is { } type && type != SubscriptionData.ExpressionTypeTag)
            {
                return Error(ResponseCode.SystemError, $"The broker does not support consumer to filter message by {type}");
            }

            try
            {
                subscription = SubscriptionData.ForTags(header.Topic, header.Subscription, header.SubVersion);
            }
            catch (FormatException e)
            {
                return Error(ResponseCode.SubscriptionParseFailed, $"parse the consumer's subscription[{header.Subscription}] failed: {e.Message}");
            }
        }
        else
        {
            var groupInfo = _broker.Consumers.GetConsumerGroupInfo(header.ConsumerGroup);
            if (groupInfo is null)
            {
                return Error(ResponseCode.SubscriptionNotExist, $"the consumer's group info not exist{BrokerResponses.FaqSuffix}");
            }

            if (!groupConfig.ConsumeBroadcastEnable && groupInfo.MessageModel == MessageModel.BROADCASTING)
            {
                return Error(ResponseCode.NoPermission, $"the consumer group[{header.ConsumerGroup}] can not consume by broadcast way");
            }

            subscription = groupInfo.FindSubscriptionData(header.Topic);
            if (subscription is null)
            {
                return Error(ResponseCode.SubscriptionNotExist, $"the consumer's subscription not exist{BrokerResponses.FaqSuffix}");
            }

            if (subscription.SubVersion < header.SubVersion)
            {
                return Error(ResponseCode.SubscriptionNotLatest, "the consumer's subscription not latest");
            }

            if (subscription.ExpressionType != SubscriptionData.ExpressionTypeTag)
            {
                return Error(ResponseCode.SystemError, $"The broker does not support consumer to filter message by {subscription.ExpressionType}");
            }
        }

        var filter = subscription.IsSubscribeAll ? TagsCodeFilter.All : TagsCodeFilter.FromCodes(subscription.CodeSet.Select(c => (long)c));
        var getStarted = System.Diagnostics.Stopwatch.GetTimestamp();
        var result = _broker.Store.GetMessage(header.ConsumerGroup, header.Topic, header.QueueId, header.QueueOffset, header.MaxMsgNums, filter);
        var found = result.Status == GetMessageStatus.FOUND ? result.MessageCount : 0;
        _broker.StoreStats.OnGet(found, (long)System.Diagnostics.Stopwatch.GetElapsedTime(getStarted).TotalMilliseconds);

        var slaveReadEnable = _broker.Options.Messaging.SlaveReadEnable;
        var suggest = !slaveReadEnable ? 0 : result.SuggestPullingFromSlave ? groupConfig.WhichBrokerWhenConsumeSlowly : groupConfig.BrokerId;
        var nextBeginOffset = result.NextBeginOffset;
        var code = result.Status switch
        {
            GetMessageStatus.FOUND => ResponseCode.Success,
            GetMessageStatus.MESSAGE_WAS_REMOVING => ResponseCode.PullRetryImmediately,
            GetMessageStatus.NO_MATCHED_LOGIC_QUEUE or GetMessageStatus.NO_MESSAGE_IN_QUEUE =>
                header.QueueOffset != 0 ? ResponseCode.PullOffsetMoved : ResponseCode.PullNotFound,
            GetMessageStatus.NO_MATCHED_MESSAGE => ResponseCode.PullRetryImmediately,
            GetMessageStatus.OFFSET_FOUND_NULL => ResponseCode.PullNotFound,
            GetMessageStatus.OFFSET_OVERFLOW_BADLY => ResponseCode.PullOffsetMoved,
            GetMessageStatus.OFFSET_OVERFLOW_ONE => ResponseCode.PullNotFound,
            GetMessageStatus.OFFSET_TOO_SMALL => ResponseCode.PullOffsetMoved,
            _ => ResponseCode.SystemError,
        };

        if (_broker.IsSlave)
        {
            if (!slaveReadEnable)
            {
                code = ResponseCode.PullRetryImmediately;
                suggest = 0;
            }
            else if (code == ResponseCode.PullOffsetMoved && !_broker.Options.Store.OffsetCheckInSlave)
            {
                code = ResponseCode.PullRetryImmediately;
                suggest = groupConfig.BrokerId;
                nextBeginOffset = header.QueueOffset;
            }
        }

        if (code == ResponseCode.PullOffsetMoved)
        {
            _log.Information("The request offset {Offset} of {Topic}/{QueueId} group {Group} moved: {Status}, next {Next}, min {Min}, max {Max}",
                header.QueueOffset, header.Topic, header.QueueId, header.ConsumerGroup, result.Status, nextBeginOffset, result.MinOffset, result.MaxOffset);
        }

        if (brokerAllowSuspend && hasCommitOffset && !_broker.IsSlave)
        {
            _broker.Offsets.CommitOffset(header.ConsumerGroup, header.Topic, header.QueueId, header.CommitOffset);
        }

        if (code == ResponseCode.PullNotFound && brokerAllowSuspend && hasSuspend)
        {
            var timeout = _broker.Options.Messaging.LongPollingEnable
                ? TimeSpan.FromMilliseconds(Math.Max(0, header.SuspendTimeoutMillis))
                : TimeSpan.FromMilliseconds(_broker.Options.Messaging.ShortPollingTimeMills);
            _broker.PullHold.Hold(new PullRequest(context, request, header.Topic, header.QueueId, header.QueueOffset, filter), timeout);
            return null;
        }

        var response = RemotingCommand.CreateResponse(code, result.Status.ToString());
        response.WithHeader(new PullMessageResponseHeader
        {
            SuggestWhichBrokerId = suggest,
            NextBeginOffset = nextBeginOffset,
            MinOffset = result.MinOffset,
            MaxOffset = result.MaxOffset,
        });
        if (code == ResponseCode.Success)
        {
            _broker.BrokerStats.OnGet(header.ConsumerGroup, header.Topic, result.MessageCount, result.Body.Length);
            response.Body = result.Body;
        }

        return response;
    }

    private static RemotingCommand Error(int code, string remark)
    {
        var response = RemotingCommand.CreateResponse(code, remark);
        response.WithHeader(new PullMessageResponseHeader());
        return response;
    }

    /// <summary>Runs a woken pull again, without suspension, on the pull executor, and writes its answer.</summary>
    private void Rerun(PullRequest held)
    {
        if (!_executor.TryEnqueue(() => RerunAsync(held)))
        {
            _ = Task.Run(() => RerunAsync(held));
        }
    }

    private async Task RerunAsync(PullRequest held)
    {
        RemotingCommand? response;
        try
        {
            response = Process(held.Context, held.Request, brokerAllowSuspend: false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _log.Error(e, "Re-running a suspended pull of {Topic}/{QueueId} failed", held.Topic, held.QueueId);
            response = RemotingCommand.CreateResponse(ResponseCode.SystemError, RequestDispatcher.Describe(e));
        }

        if (response is null)
        {
            return;
        }

        try
        {
            await held.Context.RespondAsync(held.Request, response).ConfigureAwait(false);
        }
        catch (Exception e) when (e is Remoting.Transport.RemotingException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            _log.Debug("Could not answer a suspended pull to {Remote}: {Error}", held.Context.Channel.RemoteAddress, e.Message);
        }
    }
}
