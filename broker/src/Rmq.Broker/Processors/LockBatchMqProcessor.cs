using Rmq.Broker.Client;
using Rmq.Broker.Protocol;
using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Broker.Processors;

/// <summary>LOCK_BATCH_MQ (41) and UNLOCK_BATCH_MQ (42): the queue locks orderly consumers take before consuming.</summary>
internal sealed class LockBatchMqProcessor(RebalanceLockManager locks) : IRequestProcessor
{
    public ValueTask<RemotingCommand?> ProcessAsync(RequestContext context, RemotingCommand request, CancellationToken cancellationToken)
    {
        var body = JsonBody.Decode<LockBatchRequestBody>(request.Body.Span);
        var group = body.ConsumerGroup ?? string.Empty;
        var client = body.ClientId ?? string.Empty;
        if (request.Code == RequestCode.UnlockBatchMq)
        {
            locks.UnlockBatch(group, body.MqSet, client);
            return ValueTask.FromResult<RemotingCommand?>(BrokerResponses.Success());
        }

        var locked = locks.TryLockBatch(group, body.MqSet, client);
        return ValueTask.FromResult<RemotingCommand?>(BrokerResponses.Success(body: new LockBatchResponseBody { LockOkMqSet = locked.ToList() }.Encode()));
    }
}
