using System.Globalization;
using Rmq.Broker.Protocol;
using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;
using Rmq.Remoting.Protocol.Headers.Broker;
using Serilog;

namespace Rmq.Broker.Processors;

/// <summary>
/// INVOKE_BROKER_TO_RESET_OFFSET (222): per queue the offset at <c>timestamp</c> (-1 = the max offset), used when
/// forced or when it is behind the committed offset; sent to every online client of the group as
/// RESET_CONSUMER_CLIENT_OFFSET (220, oneway). CONSUMER_NOT_ONLINE (206) when none is online (mqadmin then
/// updates the offsets directly).
/// </summary>
internal sealed class ResetOffsetProcessor(BrokerContext broker) : IRequestProcessor
{
    private readonly ILogger _log = broker.Logger.ForContext<ResetOffsetProcessor>();

    public ValueTask<RemotingCommand?> ProcessAsync(RequestContext context, RemotingCommand request, CancellationToken cancellationToken)
    {
        var header = request.ReadHeader<ResetOffsetRequestHeader>();
        var config = broker.Topics.Select(header.Topic);
        if (config is null)
        {
            return Answer(BrokerResponses.Error(ResponseCode.SystemError, $"[reset-offset] reset offset failed, no topic in this broker. topic={header.Topic}"));
        }

        var body = new ResetOffsetBody();
        for (var queueId = 0; queueId < config.WriteQueueNums; queueId++)
        {
            var consumerOffset = broker.Offsets.QueryOffset(header.Group, header.Topic, queueId);
            if (consumerOffset == -1)
            {
                return Answer(BrokerResponses.Error(ResponseCode.SystemError, $"THe consumer group <{header.Group}> not exist"));
            }

            var target = header.Timestamp == -1
                ? broker.Store.GetMaxOffsetInQueue(header.Topic, queueId)
                : broker.Store.GetOffsetInQueueByTime(header.Topic, queueId, header.Timestamp);
            body.OffsetTable[new MessageQueue(header.Topic, broker.Options.Identity.BrokerName, queueId)] =
                header.IsForce || target < consumerOffset ? target : consumerOffset;
        }

        var clients = broker.Consumers.GetConsumerGroupInfo(header.Group)?.Channels ?? [];
        if (clients.Count == 0)
        {
            return Answer(BrokerResponses.Error(ResponseCode.ConsumerNotOnline, string.Create(CultureInfo.InvariantCulture,
                $"Consumer not online, so can not reset offset, Group: {header.Group} Topic: {header.Topic} Timestamp: {header.Timestamp}")));
        }

        var encoded = body.Encode();
        foreach (var client in clients)
        {
            var notice = RemotingCommand.CreateRequest(RequestCode.ResetConsumerClientOffset, header, encoded).MarkOneway();
            _ = SendAsync(client.Channel, notice, header.Group);
        }

        return Answer(BrokerResponses.Success(body: encoded));
    }

    private async Task SendAsync(IRemotingChannel channel, RemotingCommand notice, string group)
    {
        try
        {
            await channel.SendOnewayAsync(notice).ConfigureAwait(false);
        }
        catch (Exception e) when (e is Remoting.Transport.RemotingException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            _log.Warning("Reset offset notice of group {Group} to {Remote} failed: {Error}", group, channel.RemoteAddress, e.Message);
        }
    }

    private static ValueTask<RemotingCommand?> Answer(RemotingCommand response) => ValueTask.FromResult<RemotingCommand?>(response);
}
