using Rmq.NameServer.Config;
using Rmq.NameServer.KvConfig;
using Rmq.NameServer.Routing;
using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol;
using Serilog;

namespace Rmq.NameServer.Processors;

/// <summary>
/// Every name-server request processor, by request code. Hand them to the transport with
/// <see cref="RegisterTo"/> (one call per code), or use <see cref="Default"/> as the processor table's
/// default processor (it routes by code and answers REQUEST_CODE_NOT_SUPPORTED for the rest).
/// </summary>
public sealed class NameServerProcessors
{
    private readonly Dictionary<int, IRequestProcessor> _byCode = [];

    public NameServerProcessors(RouteTable routes, KvConfigManager kvConfig, INameServerConfigStore config, ILogger? logger = null)
    {
        Add(KvConfigProcessor.RequestCodes, new KvConfigProcessor(kvConfig));
        Add(BrokerRegistrationProcessor.RequestCodes, new BrokerRegistrationProcessor(routes, kvConfig, logger));
        Add(RouteInfoProcessor.RequestCodes, new RouteInfoProcessor(routes, kvConfig, config));
        Add(BrokerPermissionProcessor.RequestCodes, new BrokerPermissionProcessor(routes, logger));
        Add(TopicListProcessor.RequestCodes, new TopicListProcessor(routes));
        Add(DeleteTopicProcessor.RequestCodes, new DeleteTopicProcessor(routes));
        Add(NameServerConfigProcessor.RequestCodes, new NameServerConfigProcessor(config, logger));
        Default = new RoutingProcessor(_byCode);
    }

    /// <summary>The request codes the name server answers, with their processors.</summary>
    public IReadOnlyDictionary<int, IRequestProcessor> ByCode => _byCode;

    /// <summary>A processor for every code: routes to the right one, REQUEST_CODE_NOT_SUPPORTED for unknown codes.</summary>
    public IRequestProcessor Default { get; }

    /// <summary>Registers each name-server code with its processor, e.g. <c>processors.RegisterTo(table.Register)</c>.</summary>
    public void RegisterTo(Action<int, IRequestProcessor> register)
    {
        ArgumentNullException.ThrowIfNull(register);
        foreach (var (code, processor) in _byCode)
        {
            register(code, processor);
        }
    }

    /// <summary>Runs a request through the processor of its code (what the dispatcher will do).</summary>
    public ValueTask<RemotingCommand?> ProcessAsync(RequestContext context, RemotingCommand request, CancellationToken cancellationToken = default) =>
        Default.ProcessAsync(context, request, cancellationToken);

    private void Add(int[] codes, IRequestProcessor processor)
    {
        foreach (var code in codes)
        {
            _byCode.Add(code, processor);
        }
    }

    private sealed class RoutingProcessor(Dictionary<int, IRequestProcessor> byCode) : IRequestProcessor
    {
        public ValueTask<RemotingCommand?> ProcessAsync(RequestContext context, RemotingCommand request, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(request);
            return byCode.TryGetValue(request.Code, out var processor)
                ? processor.ProcessAsync(context, request, cancellationToken)
                : Responses.Error(request, ResponseCode.RequestCodeNotSupported, $" request type {request.Code} not supported").AsResult();
        }
    }
}
