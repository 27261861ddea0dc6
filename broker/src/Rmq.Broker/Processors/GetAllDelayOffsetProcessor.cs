using System.Text;
using Rmq.Broker.Schedule;
using Rmq.Remoting.Json;
using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol;

namespace Rmq.Broker.Processors;

/// <summary>GET_ALL_DELAY_OFFSET (45): delayOffset.json's content.</summary>
internal sealed class GetAllDelayOffsetProcessor(ScheduleMessageService schedule) : IRequestProcessor
{
    public ValueTask<RemotingCommand?> ProcessAsync(RequestContext context, RemotingCommand request, CancellationToken cancellationToken)
        => ValueTask.FromResult<RemotingCommand?>(BrokerResponses.Success(body: Encoding.UTF8.GetBytes(schedule.ToJson(FjFormat.Legacy))));
}
