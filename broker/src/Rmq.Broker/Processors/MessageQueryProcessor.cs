using System.Globalization;
using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Headers.Broker;

namespace Rmq.Broker.Processors;

/// <summary>QUERY_MESSAGE (12) by key or unique key, and VIEW_MESSAGE_BY_ID (33) by commit-log offset.</summary>
internal sealed class MessageQueryProcessor(BrokerContext broker) : IRequestProcessor
{
    public const string UniqueKeyQuery = "_UNIQUE_KEY_QUERY";

    public ValueTask<RemotingCommand?> ProcessAsync(RequestContext context, RemotingCommand request, CancellationToken cancellationToken)
        => ValueTask.FromResult<RemotingCommand?>(request.Code == RequestCode.ViewMessageById ? View(request) : Query(request));

    private RemotingCommand View(RemotingCommand request)
    {
        var header = request.ReadHeader<ViewMessageRequestHeader>();
        var record = broker.Store.GetMessageRecord(header.Offset);
        return record is null
            ? BrokerResponses.Error(ResponseCode.SystemError, string.Create(CultureInfo.InvariantCulture, $"can not find message by the offset, {header.Offset}"))
            : BrokerResponses.Success(body: record);
    }

    private RemotingCommand Query(RemotingCommand request)
    {
        var header = request.ReadHeader<QueryMessageRequestHeader>();
        var maxNum = request.GetExtField(UniqueKeyQuery) == "true" ? broker.Options.Store.DefaultQueryMaxNum : header.MaxNum;
        var result = broker.Store.QueryMessage(header.Topic, header.Key, maxNum, header.BeginTimestamp, header.EndTimestamp);
        var responseHeader = new QueryMessageResponseHeader
        {
            IndexLastUpdateTimestamp = result.IndexLastUpdateTimestamp,
            IndexLastUpdatePhyoffset = result.IndexLastUpdatePhyOffset,
        };
        if (result.Messages.Count == 0)
        {
            var response = BrokerResponses.Error(ResponseCode.QueryNotFound, "can not find message, maybe time range not correct");
            response.WithHeader(responseHeader);
            return response;
        }

        return BrokerResponses.Success(responseHeader, result.Body);
    }
}
