using Rmq.NameServer.KvConfig;
using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;
using Rmq.Remoting.Protocol.Headers;

namespace Rmq.NameServer.Processors;

/// <summary>PUT_KV_CONFIG (100), GET_KV_CONFIG (101), DELETE_KV_CONFIG (102), GET_KVLIST_BY_NAMESPACE (219).</summary>
public sealed class KvConfigProcessor(KvConfigManager kvConfig) : IRequestProcessor
{
    public static readonly int[] RequestCodes =
    [
        RequestCode.PutKvConfig, RequestCode.GetKvConfig, RequestCode.DeleteKvConfig, RequestCode.GetKvListByNamespace,
    ];

    public ValueTask<RemotingCommand?> ProcessAsync(RequestContext context, RemotingCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return (request.Code switch
        {
            RequestCode.PutKvConfig => Put(request),
            RequestCode.GetKvConfig => Get(request),
            RequestCode.DeleteKvConfig => Delete(request),
            RequestCode.GetKvListByNamespace => List(request),
            _ => throw new ArgumentOutOfRangeException(nameof(request), request.Code, "not a KV config request code"),
        }).AsResult();
    }

    private RemotingCommand Put(RemotingCommand request)
    {
        var header = request.ReadHeader<PutKvConfigRequestHeader>();
        kvConfig.Put(header.Namespace, header.Key, header.Value);
        return Responses.Success(request);
    }

    private RemotingCommand Get(RemotingCommand request)
    {
        var header = request.ReadHeader<GetKvConfigRequestHeader>();
        return kvConfig.Get(header.Namespace, header.Key) is { } value
            ? Responses.Success(request, new GetKvConfigResponseHeader(value))
            : Responses.Error(request, ResponseCode.QueryNotFound, $"No config item, Namespace: {header.Namespace} Key: {header.Key}");
    }

    private RemotingCommand Delete(RemotingCommand request)
    {
        var header = request.ReadHeader<DeleteKvConfigRequestHeader>();
        kvConfig.Delete(header.Namespace, header.Key);
        return Responses.Success(request);
    }

    private RemotingCommand List(RemotingCommand request)
    {
        var header = request.ReadHeader<GetKvListByNamespaceRequestHeader>();
        return kvConfig.GetNamespace(header.Namespace) is { } table
            ? Responses.Success(request, body: table.Encode())
            : Responses.Error(request, ResponseCode.QueryNotFound, $"No config item, Namespace: {header.Namespace}");
    }
}
