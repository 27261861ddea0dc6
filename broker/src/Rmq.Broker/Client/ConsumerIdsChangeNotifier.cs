using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Headers.Broker;
using Serilog;

namespace Rmq.Broker.Client;

/// <summary>Sends NOTIFY_CONSUMER_IDS_CHANGED (40) oneway to every client of a group whose members changed.</summary>
internal sealed class ConsumerIdsChangeNotifier(ILogger logger)
{
    private readonly ILogger _log = logger.ForContext<ConsumerIdsChangeNotifier>();

    public void Notify(string group, IReadOnlyCollection<ClientChannelInfo> clients)
    {
        foreach (var client in clients)
        {
            var request = RemotingCommand.CreateRequest(RequestCode.NotifyConsumerIdsChanged, new ConsumerGroupRequestHeader { ConsumerGroup = group }).MarkOneway();
            _ = SendAsync(client, request, group);
        }
    }

    private async Task SendAsync(ClientChannelInfo client, RemotingCommand request, string group)
    {
        try
        {
            await client.Channel.SendOnewayAsync(request).ConfigureAwait(false);
        }
        catch (Exception e) when (e is Remoting.Transport.RemotingException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            _log.Debug("Notify consumer ids changed of group {Group} to {ClientId} failed: {Error}", group, client.ClientId, e.Message);
        }
    }
}
