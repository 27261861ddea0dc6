using Rmq.Broker.Protocol;
using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol;
using Rmq.Store;
using Serilog;

namespace Rmq.Broker.Processors;

/// <summary>
/// GET_CONSUMER_RUNNING_INFO (307) and CONSUME_MESSAGE_DIRECTLY (309): the broker forwards the request to the
/// named online client of the group (309 with the message record as body) and relays the client's answer.
/// Clients that never answer (ali-ons) get SYSTEM_ERROR after the timeout.
/// </summary>
internal sealed class ConsumerClientForwardProcessor(BrokerContext broker) : IRequestProcessor
{
    public static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(10);

    private readonly ILogger _log = broker.Logger.ForContext<ConsumerClientForwardProcessor>();

    public async ValueTask<RemotingCommand?> ProcessAsync(RequestContext context, RemotingCommand request, CancellationToken cancellationToken)
    {
        var header = request.ReadHeader<ConsumerClientRequestHeader>();
        var client = broker.Consumers.GetConsumerGroupInfo(header.ConsumerGroup)?.Channels.FirstOrDefault(c => c.ClientId == header.ClientId);
        if (client is null)
        {
            return BrokerResponses.Error(ResponseCode.SystemError, $"The Consumer <{header.ConsumerGroup}> <{header.ClientId}> not online");
        }

        var forward = RemotingCommand.CreateRequest(request.Code, body: request.Body);
        forward.ExtFields = new Dictionary<string, string>(request.ExtFields ?? [], StringComparer.Ordinal);
        if (request.Code == RequestCode.ConsumeMessageDirectly)
        {
            forward.ExtFields["brokerName"] = broker.Options.Identity.BrokerName;
            if (header.MsgId is null || !OffsetMessageId.TryDecode(header.MsgId, out _, out var offset) || broker.Store.GetMessageRecord(offset) is not { } record)
            {
                return BrokerResponses.Error(ResponseCode.SystemError, $"can not find message by the msgId, {header.MsgId}");
            }

            forward.Body = record;
        }

        try
        {
            var answer = await client.Channel.InvokeAsync(forward, ClientTimeout, cancellationToken).ConfigureAwait(false);
            var response = RemotingCommand.CreateResponse(answer.Code, answer.Remark);
            response.ExtFields = answer.ExtFields;
            response.Body = answer.Body;
            return response;
        }
        catch (Exception e) when (e is Remoting.Transport.RemotingException or TimeoutException or IOException or OperationCanceledException)
        {
            _log.Warning("Forwarding request {Code} to consumer {ClientId} of group {Group} failed: {Error}", request.Code, header.ClientId, header.ConsumerGroup, e.Message);
            return BrokerResponses.Error(ResponseCode.SystemError, $"invoke consumer <{header.ClientId}> failed: {e.Message}");
        }
    }
}
