using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Containers;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Transport;

namespace Rmq.Testcontainers;

/// <summary>Readiness at the protocol level: the broker answers GET_BROKER_RUNTIME_INFO at its machine's address, else through the mapped port.</summary>
internal sealed class BrokerAnswers : IWaitUntil
{
    public async Task<bool> UntilAsync(IContainer container)
    {
        var address = container is RmqBrokerContainer { Machine: not null } broker
            ? broker.BrokerAddress
            : $"{container.Hostname}:{container.GetMappedPublicPort(RmqImage.BrokerPort)}";
        await using var client = new RemotingClient(new RemotingClientOptions { ConnectTimeout = TimeSpan.FromSeconds(1) });
        try
        {
            var response = await client.InvokeAsync(address, RemotingCommand.CreateRequest(RequestCode.GetBrokerRuntimeInfo), TimeSpan.FromSeconds(1));
            return response.Code == ResponseCode.Success;
        }
        catch (RemotingException)
        {
            return false;
        }
    }
}
