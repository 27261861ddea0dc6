using System.Collections.Concurrent;
using System.Text;
using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Transport;

namespace Rmq.Cli.Tests.Admin;

/// <summary>
/// A broker on the wire that answers the stats codes the rmq broker does not serve yet, as an Apache RocketMQ
/// 4.9 broker would (canned JSON bodies); every other code gets REQUEST_CODE_NOT_SUPPORTED.
/// </summary>
internal sealed class StubBroker : IAsyncDisposable
{
    private readonly ConcurrentDictionary<int, Func<RemotingCommand, RemotingCommand>> _answers = new();
    private readonly RequestExecutor _executor = new("stub", 2, 1000);
    private readonly RemotingServer _server;

    public StubBroker()
    {
        var table = new ProcessorTable();
        table.SetDefault(new Processor(this), _executor);
        _server = new RemotingServer(new RemotingServerOptions { ListenAddress = "127.0.0.1", ListenPort = 0 }, table);
    }

    public string Address { get; private set; } = string.Empty;

    /// <summary>Requests seen, by code.</summary>
    public ConcurrentDictionary<int, int> Seen { get; } = new();

    public static async Task<StubBroker> StartAsync()
    {
        var stub = new StubBroker();
        stub.Address = $"127.0.0.1:{(await stub._server.StartAsync()).Port}";
        return stub;
    }

    public void Answer(int code, Func<RemotingCommand, string> json) => _answers[code] = r =>
    {
        var response = RemotingCommand.CreateResponse(ResponseCode.Success);
        response.Body = Encoding.UTF8.GetBytes(json(r));
        return response;
    };

    /// <summary>Answers with a response the function builds (custom header fields).</summary>
    public void AnswerCommand(int code, Func<RemotingCommand, RemotingCommand> answer) => _answers[code] = answer;

    public void Answer(int code, string json) => Answer(code, _ => json);

    public async ValueTask DisposeAsync()
    {
        await Bounded.DisposeAsync(_server);
        await _executor.DisposeAsync();
    }

    private sealed class Processor(StubBroker stub) : IRequestProcessor
    {
        public ValueTask<RemotingCommand?> ProcessAsync(RequestContext context, RemotingCommand request, CancellationToken cancellationToken)
        {
            stub.Seen.AddOrUpdate(request.Code, 1, (_, n) => n + 1);
            if (!stub._answers.TryGetValue(request.Code, out var answer))
            {
                return ValueTask.FromResult<RemotingCommand?>(RemotingCommand.CreateResponse(ResponseCode.RequestCodeNotSupported, $" request type {request.Code} not supported"));
            }

            return ValueTask.FromResult<RemotingCommand?>(answer(request));
        }
    }
}
