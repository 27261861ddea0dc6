using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol;

namespace Rmq.Remoting.Tests.Transport;

internal sealed class DelegateProcessor(Func<RequestContext, RemotingCommand, CancellationToken, ValueTask<RemotingCommand?>> process, Func<bool>? reject = null) : IRequestProcessor
{
    public bool RejectRequest => reject?.Invoke() ?? false;

    public static DelegateProcessor Echo() => new((_, request, _) =>
    {
        var response = RemotingCommand.CreateResponse(ResponseCode.Success, "echo:" + request.Code);
        response.Body = request.Body.ToArray();
        response.ExtFields = request.ExtFields is null ? null : new Dictionary<string, string>(request.ExtFields);
        return ValueTask.FromResult<RemotingCommand?>(response);
    });

    public static DelegateProcessor Never() => new((_, _, _) => ValueTask.FromResult<RemotingCommand?>(null));

    public ValueTask<RemotingCommand?> ProcessAsync(RequestContext context, RemotingCommand request, CancellationToken cancellationToken) =>
        process(context, request, cancellationToken);
}
