using System.Globalization;
using System.Net;
using Rmq.Broker.Metadata;
using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;
using Rmq.Remoting.Protocol.Headers.Broker;
using Rmq.Store;

namespace Rmq.Broker.Processors;

/// <summary>
/// CONSUMER_SEND_MSG_BACK (36): a message the consumer failed is stored again in <c>%RETRY%&lt;group&gt;</c>
/// with reconsumeTimes+1 and delay level 3+reconsumeTimes (or the level asked for), or in <c>%DLQ%&lt;group&gt;</c>
/// once it reached the group's max reconsume times (or for a negative level).
/// </summary>
internal sealed class ConsumerSendMsgBackProcessor(BrokerContext broker) : IRequestProcessor
{
    public const string PropertyRetryTopic = "RETRY_TOPIC";
    public const string PropertyOriginMessageId = "ORIGIN_MESSAGE_ID";

    public async ValueTask<RemotingCommand?> ProcessAsync(RequestContext context, RemotingCommand request, CancellationToken cancellationToken)
    {
        var header = request.ReadHeader<ConsumerSendMsgBackRequestHeader>();
        var groupConfig = broker.SubscriptionGroups.FindSubscriptionGroupConfig(header.Group);
        if (groupConfig is null)
        {
            return BrokerResponses.Error(ResponseCode.SubscriptionGroupNotExist, $"subscription group not exist, {header.Group}{BrokerResponses.FaqSuffix}");
        }

        if (!PermName.IsWriteable(broker.State.BrokerPermission))
        {
            return BrokerResponses.Error(ResponseCode.NoPermission, $"the broker[{broker.Options.Network.BrokerIP1}] sending message is forbidden");
        }

        if (groupConfig.RetryQueueNums <= 0)
        {
            return BrokerResponses.Success();
        }

        var topic = TopicValidator.RetryTopic(header.Group);
        var queueId = Random.Shared.Next(groupConfig.RetryQueueNums);
        var topicConfig = broker.Topics.CreateTopicInSendMessageBackMethod(topic, groupConfig.RetryQueueNums, PermName.ReadWrite, header.UnitMode == true ? 1 : 0);
        if (!PermName.IsWriteable(topicConfig.Perm))
        {
            return BrokerResponses.Error(ResponseCode.NoPermission, $"the topic[{topic}] sending message is forbidden");
        }

        var message = broker.Store.LookMessageByOffset(header.Offset);
        if (message is null)
        {
            return BrokerResponses.Error(ResponseCode.SystemError, string.Create(CultureInfo.InvariantCulture, $"look message by offset failed, {header.Offset}"));
        }

        var properties = new Dictionary<string, string>(message.Properties, StringComparer.Ordinal);
        properties.TryAdd(PropertyRetryTopic, message.Topic);
        properties.Remove(MessageProperties.WAIT);
        var maxReconsumeTimes = header.MaxReconsumeTimes ?? groupConfig.RetryMaxTimes;
        var delayLevel = header.DelayLevel;
        if (message.ReconsumeTimes >= maxReconsumeTimes || delayLevel < 0)
        {
            topic = TopicValidator.DlqTopic(header.Group);
            queueId = 0;
            broker.Topics.CreateTopicInSendMessageBackMethod(topic, 1, PermName.ReadWrite, 0);
            properties.Remove(MessageProperties.DELAY);
        }
        else
        {
            if (delayLevel == 0)
            {
                delayLevel = 3 + message.ReconsumeTimes;
            }

            properties[MessageProperties.DELAY] = delayLevel.ToString(CultureInfo.InvariantCulture);
        }

        properties[PropertyOriginMessageId] = string.IsNullOrEmpty(message.Properties.GetValueOrDefault(PropertyOriginMessageId))
            ? (string.IsNullOrEmpty(header.OriginMsgId) ? message.MsgId : header.OriginMsgId)
            : message.Properties[PropertyOriginMessageId];
        broker.DelayLevels.TryApply(properties, ref topic, ref queueId);
        var bornHost = context.Channel.RemoteEndPoint is IPEndPoint ip ? HostAddress.FromEndPoint(ip) : message.BornHost;
        var put = await broker.Store.PutMessageAsync(new MessageToStore
        {
            Topic = topic,
            QueueId = queueId,
            Flag = message.Flag,
            Body = message.Body,
            PropertiesString = MessageProperties.Build(properties),
            SysFlag = message.SysFlag & ~(MessageSysFlag.BORNHOST_V6_FLAG | MessageSysFlag.STOREHOSTADDRESS_V6_FLAG),
            BornTimestamp = message.BornTimestamp,
            BornHost = bornHost,
            StoreHost = broker.State.StoreHostAddress,
            ReconsumeTimes = message.ReconsumeTimes + 1,
            WaitStoreMsgOk = false,
        }, cancellationToken).ConfigureAwait(false);
        if (!put.IsOk)
        {
            broker.StoreStats.OnPutFailed();
            return BrokerResponses.Error(ResponseCode.SystemError, put.Status.ToString());
        }

        broker.StoreStats.OnPut(put.MessageCount, put.WroteBytes, 0);
        broker.BrokerStats.OnSendBack(header.Group, message.Topic);
        return BrokerResponses.Success();
    }
}
