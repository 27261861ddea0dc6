using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol;

namespace Rmq.Broker.Processors;

/// <summary>CLEAN_EXPIRED_CONSUMEQUEUE (306) and DELETE_EXPIRED_COMMITLOG (329): run the store's cleaning now.</summary>
internal sealed class StoreMaintenanceProcessor(BrokerContext broker) : IRequestProcessor
{
    public ValueTask<RemotingCommand?> ProcessAsync(RequestContext context, RemotingCommand request, CancellationToken cancellationToken)
    {
        if (request.Code == RequestCode.CleanExpiredConsumeQueue)
        {
            broker.Store.CleanExpiredConsumeQueues();
        }
        else
        {
            broker.Store.DeleteExpiredFilesNow();
        }

        return ValueTask.FromResult<RemotingCommand?>(BrokerResponses.Success());
    }
}
