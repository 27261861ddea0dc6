using Rmq.Remoting.Protocol;

namespace Rmq.Remoting.Processing;

/// <summary>
/// Handles the requests of one or more request codes. Registered in a <see cref="ProcessorTable"/>
/// with the executor that runs it. Returning null sends no response (a oneway request, or a
/// response that will be written later, e.g. a suspended long-polling pull writes it itself through
/// <see cref="RequestContext.RespondAsync"/>).
/// </summary>
public interface IRequestProcessor
{
    ValueTask<RemotingCommand?> ProcessAsync(RequestContext context, RemotingCommand request, CancellationToken cancellationToken);

    /// <summary>True to refuse new work now; the dispatcher then answers SYSTEM_BUSY.</summary>
    bool RejectRequest => false;
}
