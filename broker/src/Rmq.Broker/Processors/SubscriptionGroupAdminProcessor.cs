using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;
using Rmq.Remoting.Protocol.Headers.Broker;

namespace Rmq.Broker.Processors;

/// <summary>UPDATE_AND_CREATE_SUBSCRIPTIONGROUP (200), GET_ALL_SUBSCRIPTIONGROUP_CONFIG (201), DELETE_SUBSCRIPTIONGROUP (207).</summary>
internal sealed class SubscriptionGroupAdminProcessor(BrokerContext broker) : IRequestProcessor
{
    public ValueTask<RemotingCommand?> ProcessAsync(RequestContext context, RemotingCommand request, CancellationToken cancellationToken)
    {
        RemotingCommand response;
        switch (request.Code)
        {
            case RequestCode.UpdateAndCreateSubscriptionGroup:
                if (broker.IsSlave)
                {
                    response = BrokerResponses.Error(ResponseCode.SystemError, BrokerResponses.SlaveCannotModify);
                    break;
                }

                broker.SubscriptionGroups.UpdateSubscriptionGroupConfig(JsonBody.Decode<SubscriptionGroupConfig>(request.Body.Span));
                response = BrokerResponses.Success();
                break;
            case RequestCode.DeleteSubscriptionGroup:
                if (broker.IsSlave)
                {
                    response = BrokerResponses.Error(ResponseCode.SystemError, BrokerResponses.SlaveCannotModify);
                    break;
                }

                var header = request.ReadHeader<DeleteSubscriptionGroupRequestHeader>();
                broker.SubscriptionGroups.DeleteSubscriptionGroupConfig(header.GroupName);
                broker.BrokerStats.OnGroupDeleted(header.GroupName);
                if (header.RemoveOffset == true)
                {
                    broker.Offsets.RemoveGroup(header.GroupName);
                }

                response = BrokerResponses.Success();
                break;
            default:
                response = BrokerResponses.Success(body: broker.SubscriptionGroups.BuildWrapper().Encode());
                break;
        }

        return ValueTask.FromResult<RemotingCommand?>(response);
    }
}
