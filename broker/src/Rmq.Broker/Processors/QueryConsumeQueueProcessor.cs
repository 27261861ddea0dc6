using System.Globalization;
using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;
using Rmq.Remoting.Protocol.Headers.Broker;

namespace Rmq.Broker.Processors;

/// <summary>
/// QUERY_CONSUME_QUEUE (321, mqadmin queryCq): up to <c>count</c> consume-queue units from <c>index</c> (commit-log
/// offset, size, tag hash), the queue's index range, and the group's subscription when a group is named. rmq keeps no
/// consume-queue extension, so <c>eval</c> stays false and there is no bitmap, as for Java's non-extended units.
/// </summary>
internal sealed class QueryConsumeQueueProcessor(BrokerContext broker) : IRequestProcessor
{
    public ValueTask<RemotingCommand?> ProcessAsync(RequestContext context, RemotingCommand request, CancellationToken cancellationToken)
    {
        var header = request.ReadHeader<QueryConsumeQueueRequestHeader>();
        var store = broker.Store;
        if (!store.TryGetConsumeQueueRange(header.Topic, header.QueueId, out var min, out var max))
        {
            return Answer(BrokerResponses.Error(ResponseCode.SystemError, string.Create(CultureInfo.InvariantCulture, $"{header.QueueId}@{header.Topic} is not exist!")));
        }

        var body = new QueryConsumeQueueResponseBody { MinQueueIndex = min, MaxQueueIndex = max };
        if (header.ConsumerGroup is { } group)
        {
            body.SubscriptionData = broker.Consumers.FindSubscriptionData(group, header.Topic);
            body.FilterData = body.SubscriptionData is null ? $"{group}@{header.Topic} is not online!" : "null";
        }

        if (!store.TryGetConsumeQueueUnit(header.Topic, header.QueueId, header.Index, out _, out _, out _))
        {
            return Answer(RemotingCommand.CreateResponse(ResponseCode.Success, string.Create(CultureInfo.InvariantCulture, $"Index {header.Index} of {header.QueueId}@{header.Topic} is not exist!")));
        }

        for (var index = header.Index; index < header.Index + header.Count; index++)
        {
            if (!store.TryGetConsumeQueueUnit(header.Topic, header.QueueId, index, out var phyOffset, out var size, out var tagsCode))
            {
                break;
            }

            body.QueueData.Add(new ConsumeQueueData { PhysicOffset = phyOffset, PhysicSize = size, TagsCode = tagsCode });
        }

        return Answer(BrokerResponses.Success(body: body.Encode()));
    }

    private static ValueTask<RemotingCommand?> Answer(RemotingCommand response) => ValueTask.FromResult<RemotingCommand?>(response);
}
