using Rmq.Broker.Protocol;
using Rmq.Broker.Tests.Support;
using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;
using Rmq.Remoting.Transport;

namespace Rmq.Broker.Tests;

public sealed class ConsumerClientForwardTests
{
    [Fact]
    public async Task Running_info_and_consume_directly_are_forwarded_to_the_client_and_its_answer_relayed()
    {
        await using var cluster = await BrokerCluster.StartAsync();
        await cluster.CreateTopicAsync("FwdT", 1);
        var sent = await cluster.SendAsync("FwdT", "direct", queueId: 0);
        await using var consumer = new RemotingClient(new RemotingClientOptions());
        await using var executor = new RequestExecutor("client", 1, 10);
        var echo = new Echo();
        consumer.Processors.Register(RequestCode.GetConsumerRunningInfo, echo, executor);
        consumer.Processors.Register(RequestCode.ConsumeMessageDirectly, echo, executor);
        var heartbeat = new HeartbeatData { ClientId = "fwd-1", ConsumerDataSet = [new ConsumerData { GroupName = "FwdG", SubscriptionDataSet = [SubscriptionData.ForTags("FwdT", "*", 1)] }] };
        await consumer.InvokeAsync(cluster.BrokerAddress, RemotingCommand.CreateRequest(RequestCode.HeartBeat, body: heartbeat.Encode()), BrokerCluster.Timeout);

        var info = await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.GetConsumerRunningInfo, new ConsumerClientRequestHeader { ConsumerGroup = "FwdG", ClientId = "fwd-1", JstackEnable = false }));
        var direct = await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.ConsumeMessageDirectly, new ConsumerClientRequestHeader { ConsumerGroup = "FwdG", ClientId = "fwd-1", MsgId = sent.MsgId }));
        var offline = await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.GetConsumerRunningInfo, new ConsumerClientRequestHeader { ConsumerGroup = "FwdG", ClientId = "nobody" }));

        Assert.Equal(ResponseCode.Success, info.Code);
        Assert.Equal("running:0", System.Text.Encoding.UTF8.GetString(info.Body.Span));
        Assert.Equal(ResponseCode.Success, direct.Code);
        Assert.Equal("direct", RecordDecoder.DecodeAll(echo.LastBody.Span).Single().BodyText);
        Assert.Equal("broker-t", echo.LastBrokerName);
        Assert.Equal(ResponseCode.SystemError, offline.Code);
    }

    private sealed class Echo : IRequestProcessor
    {
        public ReadOnlyMemory<byte> LastBody { get; private set; }

        public string? LastBrokerName { get; private set; }

        public ValueTask<RemotingCommand?> ProcessAsync(RequestContext context, RemotingCommand request, CancellationToken cancellationToken)
        {
            LastBody = request.Body.ToArray();
            LastBrokerName = request.GetExtField("brokerName");
            var response = RemotingCommand.CreateResponse(ResponseCode.Success);
            response.Body = System.Text.Encoding.UTF8.GetBytes($"running:{request.Body.Length}");
            return ValueTask.FromResult<RemotingCommand?>(response);
        }
    }
}
