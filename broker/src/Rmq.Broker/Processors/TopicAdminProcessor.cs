using Rmq.Broker.Metadata;
using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;
using Rmq.Remoting.Protocol.Headers.Broker;

namespace Rmq.Broker.Processors;

/// <summary>UPDATE_AND_CREATE_TOPIC (17), DELETE_TOPIC_IN_BROKER (215) and GET_ALL_TOPIC_CONFIG (21).</summary>
internal sealed class TopicAdminProcessor(BrokerContext broker) : IRequestProcessor
{
    public ValueTask<RemotingCommand?> ProcessAsync(RequestContext context, RemotingCommand request, CancellationToken cancellationToken)
    {
        var response = request.Code switch
        {
            RequestCode.UpdateAndCreateTopic => UpdateAndCreate(request),
            RequestCode.DeleteTopicInBroker => Delete(request),
            _ => BrokerResponses.Success(body: broker.Topics.BuildWrapper().Encode()),
        };
        return ValueTask.FromResult<RemotingCommand?>(response);
    }

    private RemotingCommand UpdateAndCreate(RemotingCommand request)
    {
        if (broker.IsSlave)
        {
            return BrokerResponses.Error(ResponseCode.SystemError, BrokerResponses.SlaveCannotModify);
        }

        var header = request.ReadHeader<CreateTopicRequestHeader>();
        if (TopicValidator.Validate(header.Topic) is { } invalid)
        {
            return BrokerResponses.Error(ResponseCode.SystemError, invalid);
        }

        if (TopicValidator.IsSystemTopic(header.Topic))
        {
            return BrokerResponses.Error(ResponseCode.SystemError, $"The topic[{header.Topic}] is conflict with system topic.");
        }

        if (!Enum.TryParse<TopicFilterType>(header.TopicFilterType, out var filterType))
        {
            filterType = TopicFilterType.SINGLE_TAG;
        }

        broker.Topics.UpdateTopicConfig(new TopicConfig
        {
            TopicName = header.Topic,
            ReadQueueNums = header.ReadQueueNums,
            WriteQueueNums = header.WriteQueueNums,
            Perm = header.Perm,
            TopicFilterType = filterType,
            TopicSysFlag = header.TopicSysFlag ?? 0,
            Order = header.Order,
        });
        return BrokerResponses.Success();
    }

    private RemotingCommand Delete(RemotingCommand request)
    {
        if (broker.IsSlave)
        {
            return BrokerResponses.Error(ResponseCode.SystemError, BrokerResponses.SlaveCannotModify);
        }

        var header = request.ReadHeader<DeleteTopicRequestHeader>();
        if (TopicValidator.Validate(header.Topic) is { } invalid)
        {
            return BrokerResponses.Error(ResponseCode.SystemError, invalid);
        }

        broker.Topics.DeleteTopicConfig(header.Topic);
        broker.Offsets.RemoveTopic(header.Topic);
        broker.Store.DeleteTopics([header.Topic]);
        broker.BrokerStats.OnTopicDeleted(header.Topic);
        return BrokerResponses.Success();
    }
}
