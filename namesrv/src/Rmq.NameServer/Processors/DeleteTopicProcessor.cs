using Rmq.NameServer.Routing;
using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Headers;

namespace Rmq.NameServer.Processors;

/// <summary>DELETE_TOPIC_IN_NAMESRV (216): everywhere, or only from one cluster's brokers.</summary>
public sealed class DeleteTopicProcessor(RouteTable routes) : IRequestProcessor
{
    public static readonly int[] RequestCodes = [RequestCode.DeleteTopicInNamesrv];

    public ValueTask<RemotingCommand?> ProcessAsync(RequestContext context, RemotingCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.ReadHeader<DeleteTopicFromNamesrvRequestHeader>();
        if (string.IsNullOrEmpty(header.ClusterName))
        {
            routes.DeleteTopic(header.Topic);
        }
        else
        {
            routes.DeleteTopic(header.Topic, header.ClusterName);
        }

        return Responses.Success(request).AsResult();
    }
}
