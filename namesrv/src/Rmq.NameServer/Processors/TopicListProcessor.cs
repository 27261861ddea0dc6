using Rmq.NameServer.Routing;
using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;
using Rmq.Remoting.Protocol.Headers;

namespace Rmq.NameServer.Processors;

/// <summary>The topic lists: 206 all, 224 by cluster, 304 system (cluster and broker names), 311-313 unit topics.</summary>
public sealed class TopicListProcessor(RouteTable routes) : IRequestProcessor
{
    public static readonly int[] RequestCodes =
    [
        RequestCode.GetAllTopicListFromNameServer, RequestCode.GetTopicsByCluster, RequestCode.GetSystemTopicListFromNs,
        RequestCode.GetUnitTopicList, RequestCode.GetHasUnitSubTopicList, RequestCode.GetHasUnitSubUnunitTopicList,
    ];

    public ValueTask<RemotingCommand?> ProcessAsync(RequestContext context, RemotingCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var list = request.Code switch
        {
            RequestCode.GetAllTopicListFromNameServer => routes.GetAllTopicList(),
            RequestCode.GetTopicsByCluster => routes.GetTopicsByCluster(request.ReadHeader<GetTopicsByClusterRequestHeader>().Cluster),
            RequestCode.GetSystemTopicListFromNs => routes.GetSystemTopicList(),
            RequestCode.GetUnitTopicList => routes.GetUnitTopics(),
            RequestCode.GetHasUnitSubTopicList => routes.GetHasUnitSubTopicList(),
            RequestCode.GetHasUnitSubUnunitTopicList => routes.GetHasUnitSubUnUnitTopicList(),
            _ => throw new ArgumentOutOfRangeException(nameof(request), request.Code, "not a topic list request code"),
        };
        return Responses.Success(request, body: list.Encode()).AsResult();
    }
}
