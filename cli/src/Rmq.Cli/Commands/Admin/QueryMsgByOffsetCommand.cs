using System.CommandLine;

namespace Rmq.Cli.Commands.Admin;

/// <summary><c>queryMsgByOffset -t T -b BROKER -i QID -o OFFSET</c>: the message at one queue offset.</summary>
internal sealed class QueryMsgByOffsetCommand : AdminLeafCommand
{
    private readonly Option<string?> _topic;
    private readonly Option<string?> _brokerName;
    private readonly Option<string?> _queueId;
    private readonly Option<string?> _offset;

    public QueryMsgByOffsetCommand(CliConsole console)
        : base(console, "queryMsgByOffset", "Query Message by offset")
    {
        _topic = Value("t", "topic", "topic name", required: true);
        _brokerName = Value("b", "brokerName", "Broker Name", required: true);
        _queueId = Value("i", "queueId", "Queue Id", required: true);
        _offset = Value("o", "offset", "Queue Offset", required: true);
    }

    protected override async Task<int> ExecuteAsync(AdminContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var queueId = IntValue(parse, _queueId, 0);
        var offset = LongValue(parse, _offset, 0);
        var message = await context.Admin.QueryMessageByOffsetAsync(RequiredText(parse, _topic), RequiredText(parse, _brokerName), queueId, offset, cancellationToken).ConfigureAwait(false)
            ?? throw new AdminNotFoundException($"no message at offset {offset} of queue {queueId}");
        var path = MessageView.WriteBodyFile(message, message.MsgId);
        await (context.Json
            ? WriteJsonAsync(MessageView.ToJson(message, path))
            : Out.WriteAsync(MessageView.Detail(message, "OffsetID:", message.OffsetMsgId, path))).ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
