using System.Text;
using Rmq.NameServer.Config;
using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol;
using Serilog;

namespace Rmq.NameServer.Processors;

/// <summary>UPDATE_NAMESRV_CONFIG (318) and GET_NAMESRV_CONFIG (319): <c>key=value</c> lines.</summary>
public sealed class NameServerConfigProcessor(INameServerConfigStore config, ILogger? logger = null) : IRequestProcessor
{
    public static readonly int[] RequestCodes = [RequestCode.UpdateNamesrvConfig, RequestCode.GetNamesrvConfig];

    private readonly ILogger _log = (logger ?? Serilog.Core.Logger.None).ForContext<NameServerConfigProcessor>();

    public ValueTask<RemotingCommand?> ProcessAsync(RequestContext context, RemotingCommand request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        return (request.Code switch
        {
            RequestCode.UpdateNamesrvConfig => Update(context, request),
            RequestCode.GetNamesrvConfig => Responses.Success(request, body: Encoding.UTF8.GetBytes(PropertiesText.Format(config.GetAll()))),
            _ => throw new ArgumentOutOfRangeException(nameof(request), request.Code, "not a name server config request code"),
        }).AsResult();
    }

    private RemotingCommand Update(RequestContext context, RemotingCommand request)
    {
        _log.Information("Name server config update asked by {RemoteAddress}", context.Channel.RemoteAddress);
        if (request.Body.IsEmpty)
        {
            return Responses.Success(request);
        }

        var changes = PropertiesText.Parse(Encoding.UTF8.GetString(request.Body.Span));
        if (changes.ContainsKey("kvConfigPath") || changes.ContainsKey("configStorePath"))
        {
            return Responses.Error(request, ResponseCode.NoPermission, "Can not update config path");
        }

        config.Update(changes);
        return Responses.Success(request);
    }
}
