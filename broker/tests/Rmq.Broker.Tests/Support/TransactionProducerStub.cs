using System.Collections.Concurrent;
using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;
using Rmq.Remoting.Protocol.Headers.Broker;
using Rmq.Remoting.Transport;

namespace Rmq.Broker.Tests.Support;

/// <summary>
/// A transactional producer on the wire: heartbeats its group to the broker and answers every CHECK_TRANSACTION_STATE
/// with END_TRANSACTION (oneway, fromTransactionCheck) carrying what <c>decide(body, checkTimes)</c> returns
/// (8 commit, 12 rollback, 0 unknown).
/// </summary>
public sealed class TransactionProducerStub : IAsyncDisposable, IRequestProcessor
{
    private readonly RemotingClient _client = new(new RemotingClientOptions());
    private readonly RequestExecutor _executor = new("tx-check", 1, 100);
    private readonly string _brokerAddress;
    private readonly string _group;
    private readonly Func<string, int, int> _decide;

    private TransactionProducerStub(string brokerAddress, string group, Func<string, int, int> decide)
    {
        _brokerAddress = brokerAddress;
        _group = group;
        _decide = decide;
        _client.Processors.Register(RequestCode.CheckTransactionState, this, _executor);
    }

    /// <summary>Every check received: the half's body and its TRANSACTION_CHECK_TIMES.</summary>
    public ConcurrentQueue<(string Body, int CheckTimes)> Checks { get; } = new();

    public static async Task<TransactionProducerStub> StartAsync(string brokerAddress, string group, Func<string, int, int> decide)
    {
        var stub = new TransactionProducerStub(brokerAddress, group, decide);
        var heartbeat = new HeartbeatData { ClientId = "127.0.0.1@tx-" + group, ProducerDataSet = [new ProducerData(group)] };
        var response = await stub._client.InvokeAsync(brokerAddress, RemotingCommand.CreateRequest(RequestCode.HeartBeat, body: heartbeat.Encode()), BrokerCluster.Timeout);
        Assert.Equal(ResponseCode.Success, response.Code);
        return stub;
    }

    public async ValueTask<RemotingCommand?> ProcessAsync(RequestContext context, RemotingCommand request, CancellationToken cancellationToken)
    {
        var header = request.ReadHeader<CheckTransactionStateRequestHeader>();
        var record = RecordDecoder.DecodeAll(request.Body.Span).Single();
        var checkTimes = int.Parse(record.Properties.GetValueOrDefault("TRANSACTION_CHECK_TIMES", "0"), System.Globalization.CultureInfo.InvariantCulture);
        Checks.Enqueue((record.BodyText, checkTimes));
        var end = RemotingCommand.CreateRequest(RequestCode.EndTransaction, new EndTransactionRequestHeader
        {
            ProducerGroup = _group,
            TranStateTableOffset = header.TranStateTableOffset,
            CommitLogOffset = header.CommitLogOffset,
            CommitOrRollback = _decide(record.BodyText, checkTimes),
            FromTransactionCheck = true,
            MsgId = header.MsgId!,
        }).MarkOneway();
        await _client.InvokeOnewayAsync(_brokerAddress, end, cancellationToken);
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        await _client.DisposeAsync();
        await _executor.DisposeAsync();
    }
}
