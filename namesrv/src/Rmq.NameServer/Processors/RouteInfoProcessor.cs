using Rmq.NameServer.Config;
using Rmq.NameServer.KvConfig;
using Rmq.NameServer.Routing;
using Rmq.Remoting.Json;
using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;
using Rmq.Remoting.Protocol.Headers;

namespace Rmq.NameServer.Processors;

/// <summary>GET_ROUTEINFO_BY_TOPIC (105) and GET_BROKER_CLUSTER_INFO (106).</summary>
public sealed class RouteInfoProcessor(RouteTable routes, KvConfigManager kvConfig, INameServerConfigStore config) : IRequestProcessor
{
    public static readonly int[] RequestCodes = [RequestCode.GetRouteInfoByTopic, RequestCode.GetBrokerClusterInfo];

    public ValueTask<RemotingCommand?> ProcessAsync(RequestContext context, RemotingCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return (request.Code switch
        {
            RequestCode.GetRouteInfoByTopic => GetRoute(request),
            RequestCode.GetBrokerClusterInfo => Responses.Success(request, body: routes.GetClusterInfo().Encode(FjFormat.Legacy)),
            _ => throw new ArgumentOutOfRangeException(nameof(request), request.Code, "not a route request code"),
        }).AsResult();
    }

    /// <summary>The remark RocketMQ gives with TOPIC_NOT_EXIST.</summary>
    public static string NoRouteRemark(string topic) =>
        $"No topic route info in name server for the topic: {topic}\nSee http://rocketmq.apache.org/docs/faq/ for further details.";

    private RemotingCommand GetRoute(RemotingCommand request)
    {
        var header = request.ReadHeader<GetRouteInfoRequestHeader>();
        var route = routes.PickupTopicRouteData(header.Topic);
        if (route is null)
        {
            return Responses.Error(request, ResponseCode.TopicNotExist, NoRouteRemark(header.Topic));
        }

        if (string.Equals(config.Get("orderMessageEnable"), "true", StringComparison.OrdinalIgnoreCase))
        {
            route.OrderTopicConf = kvConfig.Get(KvConfigManager.OrderTopicConfigNamespace, header.Topic);
        }

        var standard = request.Version >= RemotingVersion.V4_9_4 || header.AcceptStandardJsonOnly == true;
        return Responses.Success(request, body: route.Encode(standard ? FjFormat.Standard : FjFormat.Legacy));
    }
}
