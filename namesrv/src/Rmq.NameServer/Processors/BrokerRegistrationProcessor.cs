using System.IO.Hashing;
using Rmq.NameServer.KvConfig;
using Rmq.NameServer.Routing;
using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;
using Rmq.Remoting.Protocol.Headers;
using Serilog;

namespace Rmq.NameServer.Processors;

/// <summary>REGISTER_BROKER (103), UNREGISTER_BROKER (104), QUERY_DATA_VERSION (322).</summary>
public sealed class BrokerRegistrationProcessor(RouteTable routes, KvConfigManager kvConfig, ILogger? logger = null) : IRequestProcessor
{
    public static readonly int[] RequestCodes = [RequestCode.RegisterBroker, RequestCode.UnregisterBroker, RequestCode.QueryDataVersion];

    private readonly ILogger _log = (logger ?? Serilog.Core.Logger.None).ForContext<BrokerRegistrationProcessor>();

    public ValueTask<RemotingCommand?> ProcessAsync(RequestContext context, RemotingCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        return (request.Code switch
        {
            RequestCode.RegisterBroker => Register(context, request),
            RequestCode.UnregisterBroker => Unregister(request),
            RequestCode.QueryDataVersion => QueryDataVersion(request),
            _ => throw new ArgumentOutOfRangeException(nameof(request), request.Code, "not a broker registration request code"),
        }).AsResult();
    }

    /// <summary>CRC32 of a body as RocketMQ checks it: the unsigned CRC with its top bit cleared.</summary>
    public static int BodyCrc32(ReadOnlySpan<byte> body) => (int)(Crc32.HashToUInt32(body) & 0x7FFFFFFF);

    private RemotingCommand Register(RequestContext context, RemotingCommand request)
    {
        var header = request.ReadHeader<RegisterBrokerRequestHeader>();
        if (header.BodyCrc32 != 0 && BodyCrc32(request.Body.Span) != header.BodyCrc32)
        {
            _log.Warning("Registration of {BrokerAddr} from {RemoteAddress}: body crc32 does not match", header.BrokerAddr, context.Channel.RemoteAddress);
            return Responses.Error(request, ResponseCode.SystemError, "crc32 not match");
        }

        TopicConfigSerializeWrapper topics;
        List<string>? filterServers = null;
        if (request.Body.IsEmpty)
        {
            topics = new TopicConfigSerializeWrapper();
        }
        else if (request.Version >= RemotingVersion.V3_0_11)
        {
            RegisterBrokerBody body;
            try
            {
                body = RegisterBrokerBody.Decode(request.Body.Span, header.Compressed);
            }
            catch (FormatException e)
            {
                throw new RemotingCommandException("Failed to decode RegisterBrokerBody", e);
            }

            topics = body.TopicConfigSerializeWrapper;
            filterServers = body.FilterServerList;
        }
        else
        {
            topics = JsonBody.Decode<TopicConfigSerializeWrapper>(request.Body.Span);
        }

        var result = routes.RegisterBroker(new BrokerRegistration
        {
            ClusterName = header.ClusterName,
            BrokerAddr = header.BrokerAddr,
            BrokerName = header.BrokerName,
            BrokerId = header.BrokerId,
            HaServerAddr = header.HaServerAddr,
            TopicConfig = topics,
            FilterServerList = filterServers,
            Channel = context.Channel,
        });
        var orderTopics = kvConfig.GetNamespace(KvConfigManager.OrderTopicConfigNamespace);
        return Responses.Success(request, new RegisterBrokerResponseHeader(result.HaServerAddr, result.MasterAddr), orderTopics?.Encode());
    }

    private RemotingCommand Unregister(RemotingCommand request)
    {
        var header = request.ReadHeader<UnregisterBrokerRequestHeader>();
        routes.UnregisterBroker(header.ClusterName, header.BrokerAddr, header.BrokerName, header.BrokerId);
        return Responses.Success(request);
    }

    private RemotingCommand QueryDataVersion(RemotingCommand request)
    {
        var header = request.ReadHeader<QueryDataVersionRequestHeader>();
        var version = request.Body.IsEmpty ? DataVersion.Zero : JsonBody.Decode<DataVersion>(request.Body.Span);
        var (changed, stored) = routes.QueryDataVersion(header.BrokerAddr, version);
        return Responses.Success(request, new QueryDataVersionResponseHeader(changed), stored?.Encode());
    }
}
