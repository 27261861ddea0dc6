using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Text;
using Rmq.Broker.Metadata;
using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;
using Rmq.Remoting.Protocol.Headers.Broker;
using Rmq.Store;

namespace Rmq.Broker.Processors;

/// <summary>
/// SEND_MESSAGE (10), SEND_MESSAGE_V2 (310) and SEND_BATCH_MESSAGE (320): RocketMQ's checks in order, topic
/// auto-creation, retry/DLQ rerouting, then one append to the store.
/// </summary>
internal sealed class SendMessageProcessor(BrokerContext broker, RequestExecutor executor) : IRequestProcessor
{
    public const string PropertyCluster = "CLUSTER";
    public const string PropertyTransactionPrepared = "TRAN_MSG";

    public async ValueTask<RemotingCommand?> ProcessAsync(RequestContext context, RemotingCommand request, CancellationToken cancellationToken)
    {
        var response = await SendAsync(context, request, cancellationToken).ConfigureAwait(false);
        response.WithExtField("MSG_REGION", broker.Options.Messaging.RegionId)
            .WithExtField("TRACE_ON", broker.Options.Messaging.TraceOn ? "true" : "false");
        return request.IsOneway ? null : response;
    }

    private async ValueTask<RemotingCommand> SendAsync(RequestContext context, RemotingCommand request, CancellationToken cancellationToken)
    {
        var messaging = broker.Options.Messaging;
        var waited = broker.Time.GetUtcNow() - context.ReceivedAt;
        if (messaging.BrokerFastFailureEnable && waited.TotalMilliseconds > messaging.WaitTimeMillsInSendQueue)
        {
            return BrokerResponses.Error(ResponseCode.SystemBusy, string.Create(CultureInfo.InvariantCulture,
                $"[TIMEOUT_CLEAN_QUEUE]broker busy, start flow control for a while, period in queue: {(long)waited.TotalMilliseconds}ms, size of queue: {executor.QueueSize}"));
        }

        var header = request.Code == RequestCode.SendMessage
            ? request.ReadHeader<SendMessageRequestHeader>()
            : request.ReadHeader<SendMessageRequestHeaderV2>().Header;
        var batch = request.Code == RequestCode.SendBatchMessage;
        var remote = context.Channel.RemoteAddress;

        if (broker.IsSlave)
        {
            return BrokerResponses.Error(ResponseCode.ServiceNotAvailable, "message store is slave mode, so putMessage is forbidden ");
        }

        var topic = header.Topic;
        var existing = broker.Topics.Select(topic);
        if (!PermName.IsWriteable(broker.State.BrokerPermission) && existing is { Order: true })
        {
            return BrokerResponses.Error(ResponseCode.NoPermission, $"the broker[{broker.Options.Network.BrokerIP1}] sending message is forbidden");
        }

        if (TopicValidator.Validate(topic) is { } invalid)
        {
            return BrokerResponses.Error(ResponseCode.SystemError, invalid);
        }

        if (TopicValidator.IsNotAllowedSendTopic(topic))
        {
            return BrokerResponses.Error(ResponseCode.SystemError, $"Sending message to topic[{topic}] is forbidden.");
        }

        if (topic == TopicValidator.AutoCreateTopicKey)
        {
            return BrokerResponses.Error(ResponseCode.SystemError, $"the topic[{topic}] is conflict with system reserved words.");
        }

        var topicConfig = existing;
        if (topicConfig is null)
        {
            var topicSysFlag = header.UnitMode == true ? 1 : 0;
            topicConfig = broker.Topics.CreateTopicInSendMessageMethod(topic, header.DefaultTopic, remote, header.DefaultTopicQueueNums, topicSysFlag);
            if (topicConfig is null && TopicValidator.IsRetryTopic(topic))
            {
                topicConfig = broker.Topics.CreateTopicInSendMessageBackMethod(topic, 1, PermName.ReadWrite, topicSysFlag);
            }

            if (topicConfig is null)
            {
                return BrokerResponses.Error(ResponseCode.TopicNotExist, BrokerResponses.TopicNotExist(topic));
            }
        }

        var queueId = header.QueueId;
        var idValid = Math.Max(topicConfig.WriteQueueNums, topicConfig.ReadQueueNums);
        if (queueId >= idValid)
        {
            return BrokerResponses.Error(ResponseCode.SystemError, string.Create(CultureInfo.InvariantCulture,
                $"request queueId[{queueId}] is illegal, {topicConfig} Producer: {remote}"));
        }

        if (!PermName.IsWriteable(topicConfig.Perm))
        {
            return BrokerResponses.Error(ResponseCode.NoPermission, $"the topic[{topic}] sending message is forbidden");
        }

        var bodyLimit = messaging.MaxMessageSize;
        if (request.Body.Length > bodyLimit)
        {
            return BrokerResponses.Error(ResponseCode.MessageIllegal, string.Create(CultureInfo.InvariantCulture,
                $"the message body size over max value, MAX: {bodyLimit} bytes, actual: {request.Body.Length} bytes"));
        }

        if (queueId < 0)
        {
            queueId = topicConfig.WriteQueueNums > 0 ? Random.Shared.Next(topicConfig.WriteQueueNums) : 0;
        }

        var properties = MessageProperties.Parse(header.Properties);
        var reconsumeTimes = header.ReconsumeTimes ?? 0;
        if (TopicValidator.IsRetryTopic(topic))
        {
            if (batch)
            {
                return BrokerResponses.Error(ResponseCode.MessageIllegal, $"batch request does not support retry group {topic}");
            }

            var group = topic[TopicValidator.RetryGroupTopicPrefix.Length..];
            var groupConfig = broker.SubscriptionGroups.FindSubscriptionGroupConfig(group);
            if (groupConfig is null)
            {
                return BrokerResponses.Error(ResponseCode.SubscriptionGroupNotExist, $"subscription group not exist, {group}{BrokerResponses.FaqSuffix}");
            }

            var maxReconsumeTimes = header.MaxReconsumeTimes ?? groupConfig.RetryMaxTimes;
            if (reconsumeTimes >= maxReconsumeTimes)
            {
                topic = TopicValidator.DlqTopic(group);
                queueId = 0;
                topicConfig = broker.Topics.CreateTopicInSendMessageBackMethod(topic, 1, PermName.ReadWrite, 0);
                properties.Remove(MessageProperties.DELAY); // as handleRetryAndDLQ's setDelayTimeLevel(0): a dead letter is stored now, not delayed
            }
        }

        var prepared = !batch && Transaction.TransactionalMessages.IsPrepared(properties);
        if (prepared && messaging.RejectTransactionMessage)
        {
            return BrokerResponses.Error(ResponseCode.NoPermission, $"the broker[{broker.Options.Network.BrokerIP1}] sending transaction message is forbidden");
        }

        var waitStoreMsgOk = !properties.TryGetValue(MessageProperties.WAIT, out var wait) || !string.Equals(wait, "false", StringComparison.OrdinalIgnoreCase);
        properties.Remove(MessageProperties.WAIT);
        properties[PropertyCluster] = broker.Options.Identity.ClusterName;

        var bornHost = context.Channel.RemoteEndPoint is IPEndPoint ip ? HostAddress.FromEndPoint(ip) : new HostAddress([127, 0, 0, 1], 0);
        var storeHost = broker.State.StoreHostAddress;
        var putStarted = System.Diagnostics.Stopwatch.GetTimestamp();
        PutMessageResult result;
        if (batch)
        {
            var batchProperties = MessageProperties.Build(properties);
            var messages = DecodeBatch(request.Body, topic, queueId, header, batchProperties, bornHost, storeHost, waitStoreMsgOk, out var error);
            if (error is not null)
            {
                return BrokerResponses.Error(ResponseCode.MessageIllegal, error);
            }

            result = await broker.Store.PutMessagesAsync(messages!, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var sysFlag = header.SysFlag;
            var realQueueId = queueId;
            if (prepared)
            {
                Transaction.TransactionalMessages.ToHalf(properties, ref topic, ref queueId, ref sysFlag);
            }
            else
            {
                broker.DelayLevels.TryApply(properties, ref topic, ref queueId);
            }

            var message = new MessageToStore
            {
                Topic = topic,
                QueueId = queueId,
                Flag = header.Flag,
                Body = request.Body,
                PropertiesString = MessageProperties.Build(properties),
                SysFlag = sysFlag,
                BornTimestamp = header.BornTimestamp,
                BornHost = bornHost,
                StoreHost = storeHost,
                ReconsumeTimes = reconsumeTimes,
                WaitStoreMsgOk = waitStoreMsgOk,
            };
            result = await broker.Store.PutMessageAsync(message, cancellationToken).ConfigureAwait(false);
            queueId = prepared ? realQueueId : queueId;
        }

        RecordStats(result, header.Topic, System.Diagnostics.Stopwatch.GetElapsedTime(putStarted));
        return ToResponse(result, queueId);
    }

    /// <summary>
    /// Counts a stored send (TOPIC_PUT_NUMS/SIZE, BROKER_PUT_NUMS, the store totals) under the topic the producer
    /// named. Java counts the topic the message was finally stored under, so its delayed and half messages land in
    /// SCHEDULE_TOPIC_XXXX / RMQ_SYS_TRANS_HALF_TOPIC and never in their topic's figures; rmq keeps them with their topic.
    /// </summary>
    private void RecordStats(PutMessageResult result, string topic, TimeSpan elapsed)
    {
        if (result.Status is PutMessageStatus.PUT_OK or PutMessageStatus.FLUSH_DISK_TIMEOUT or PutMessageStatus.FLUSH_SLAVE_TIMEOUT or PutMessageStatus.SLAVE_NOT_AVAILABLE)
        {
            broker.StoreStats.OnPut(result.MessageCount, result.WroteBytes, (long)elapsed.TotalMilliseconds);
            broker.BrokerStats.OnPut(topic, result.MessageCount, result.WroteBytes);
        }
        else
        {
            broker.StoreStats.OnPutFailed();
        }
    }

    private static List<MessageToStore>? DecodeBatch(ReadOnlyMemory<byte> body, string topic, int queueId, SendMessageRequestHeader header,
        string batchProperties, HostAddress bornHost, HostAddress storeHost, bool waitStoreMsgOk, out string? error)
    {
        error = null;
        var messages = new List<MessageToStore>();
        var pos = 0;
        var span = body.Span;
        while (pos < span.Length)
        {
            if (span.Length - pos < 20)
            {
                error = "the batch body is truncated";
                return null;
            }

            var totalSize = BinaryPrimitives.ReadInt32BigEndian(span[pos..]);
            var flag = BinaryPrimitives.ReadInt32BigEndian(span[(pos + 12)..]);
            var bodyLength = BinaryPrimitives.ReadInt32BigEndian(span[(pos + 16)..]);
            var bodyStart = pos + 20;
            if (totalSize < 22 || pos + totalSize > span.Length || bodyLength < 0 || bodyStart + bodyLength + 2 > pos + totalSize)
            {
                error = string.Create(CultureInfo.InvariantCulture, $"malformed batch message at byte {pos}");
                return null;
            }

            var propertiesLength = BinaryPrimitives.ReadInt16BigEndian(span[(bodyStart + bodyLength)..]);
            var propertiesStart = bodyStart + bodyLength + 2;
            if (propertiesLength < 0 || propertiesStart + propertiesLength > pos + totalSize)
            {
                error = string.Create(CultureInfo.InvariantCulture, $"malformed batch message properties at byte {pos}");
                return null;
            }

            var inner = Encoding.UTF8.GetString(span.Slice(propertiesStart, propertiesLength));
            var innerProperties = MessageProperties.Parse(inner);
            if (innerProperties.TryGetValue(MessageProperties.DELAY, out var delay) && delay != "0")
            {
                error = "batch messages cannot be delayed";
                return null;
            }

            if (innerProperties.TryGetValue(PropertyTransactionPrepared, out var tran) && tran == "true")
            {
                error = "batch messages cannot be transactional";
                return null;
            }

            innerProperties.Remove(MessageProperties.WAIT);
            var properties = MessageProperties.Build(innerProperties);
            properties = properties.Length == 0 ? batchProperties : properties + MessageProperties.PropertySeparator + batchProperties;
            messages.Add(new MessageToStore
            {
                Topic = topic,
                QueueId = queueId,
                Flag = flag,
                Body = body.Slice(bodyStart, bodyLength),
                PropertiesString = properties,
                SysFlag = header.SysFlag,
                BornTimestamp = header.BornTimestamp,
                BornHost = bornHost,
                StoreHost = storeHost,
                WaitStoreMsgOk = waitStoreMsgOk,
            });
            pos += totalSize;
        }

        if (messages.Count == 0)
        {
            error = "the batch is empty";
            return null;
        }

        return messages;
    }

    private static RemotingCommand ToResponse(PutMessageResult result, int queueId)
    {
        var (code, remark) = result.Status switch
        {
            PutMessageStatus.PUT_OK => (ResponseCode.Success, (string?)null),
            PutMessageStatus.FLUSH_DISK_TIMEOUT => (ResponseCode.FlushDiskTimeout, (string?)null),
            PutMessageStatus.FLUSH_SLAVE_TIMEOUT => (ResponseCode.FlushSlaveTimeout, (string?)null),
            PutMessageStatus.SLAVE_NOT_AVAILABLE => (ResponseCode.SlaveNotAvailable, (string?)null),
            PutMessageStatus.CREATE_MAPEDFILE_FAILED => (ResponseCode.SystemError, "create mapped file failed, server is busy or broken."),
            PutMessageStatus.MESSAGE_ILLEGAL or PutMessageStatus.PROPERTIES_SIZE_EXCEEDED => (ResponseCode.MessageIllegal,
                "the message is illegal, maybe msg body or properties length not matched. msg body length limit 128k, msg properties length limit 32k."),
            PutMessageStatus.SERVICE_NOT_AVAILABLE => (ResponseCode.ServiceNotAvailable,
                "service not available now. It may be caused by one of the following reasons: the broker's disk is full, messages are put to the slave, message store has been shut down, etc."),
            PutMessageStatus.DISK_FULL => (ResponseCode.ServiceNotAvailable, "service not available now, the broker's disk is full"),
            PutMessageStatus.OS_PAGECACHE_BUSY => (ResponseCode.SystemBusy, "[PC_SYNCHRONIZED]broker busy, start flow control for a while"),
            _ => (ResponseCode.SystemError, result.Status.ToString()),
        };
        var response = RemotingCommand.CreateResponse(code, remark);
        if (code is ResponseCode.Success or ResponseCode.FlushDiskTimeout or ResponseCode.FlushSlaveTimeout or ResponseCode.SlaveNotAvailable)
        {
            response.WithHeader(new SendMessageResponseHeader { MsgId = result.MsgId ?? string.Empty, QueueId = queueId, QueueOffset = result.LogicsOffset });
        }

        return response;
    }
}
