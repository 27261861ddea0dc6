using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;
using Rmq.Remoting.Protocol.Headers.Broker;

namespace Rmq.Broker.Processors;

/// <summary>
/// VIEW_BROKER_STATS_DATA (315): one stats item's last minute, hour and day (sum, TPS, average per call), as mqadmin
/// statsAll reads <c>TOPIC_PUT_NUMS</c>/<c>topic</c> and <c>GROUP_GET_NUMS</c>/<c>topic@group</c>.
/// </summary>
internal sealed class ViewBrokerStatsDataProcessor(BrokerContext broker) : IRequestProcessor
{
    public ValueTask<RemotingCommand?> ProcessAsync(RequestContext context, RemotingCommand request, CancellationToken cancellationToken)
    {
        var header = request.ReadHeader<ViewBrokerStatsDataRequestHeader>();
        if (broker.BrokerStats.Find(header.StatsName, header.StatsKey) is not { } item)
        {
            return ValueTask.FromResult<RemotingCommand?>(BrokerResponses.Error(ResponseCode.SystemError, $"The stats <{header.StatsName}> <{header.StatsKey}> not exist"));
        }

        static BrokerStatsItem Of(Stats.StatsSnapshot window) => new(window.Sum, window.Tps, window.Avgpt);
        var data = new BrokerStatsData(Of(item.InMinute), Of(item.InHour), Of(item.InDay));
        return ValueTask.FromResult<RemotingCommand?>(BrokerResponses.Success(body: data.Encode()));
    }
}
