using System.CommandLine;
using Rmq.Remoting.Protocol;

namespace Rmq.Cli.Commands.Admin;

/// <summary><c>queryMsgByUniqueKey -i UNIQ_KEY -t T [-a]</c>: QUERY_MESSAGE by UNIQ_KEY; the first match, or all (≤ 32) with -a.</summary>
internal sealed class QueryMsgByUniqueKeyCommand : AdminLeafCommand
{
    private readonly Option<string?> _msgId;
    private readonly Option<string?> _topic;
    private readonly Option<bool> _showAll;

    public QueryMsgByUniqueKeyCommand(CliConsole console)
        : base(console, "queryMsgByUniqueKey", "Query Message by Unique key")
    {
        _msgId = Value("i", "msgId", "Message Id", required: true);
        _topic = Value("t", "topic", "The topic of msg", required: true);
        Value("g", "consumerGroup", "consumer group name (not supported by rmq admin: CONSUME_MESSAGE_DIRECTLY)");
        Value("d", "clientId", "The consumer's client id (not supported by rmq admin)");
        _showAll = Flag("a", "showAll", "Print all message, the limit is 32");
    }

    protected override async Task<int> ExecuteAsync(AdminContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var key = RequiredText(parse, _msgId);
        var messages = await context.Admin.QueryMessageByUniqueKeyAsync(RequiredText(parse, _topic), key, cancellationToken).ConfigureAwait(false);
        if (messages.Count == 0)
        {
            throw new Rmq.Client.MQClientException(ResponseCode.QueryNotFound, $"query message by unique key [{key}] found nothing", null);
        }

        var shown = parse.GetValue(_showAll) ? messages : messages.Take(1).ToList();
        if (context.Json)
        {
            await WriteJsonAsync(shown.Select((m, i) => MessageView.ToJson(m, MessageView.WriteBodyFile(m, i == 0 ? m.MsgId : m.MsgId + "-" + i)))).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        for (var i = 0; i < shown.Count; i++)
        {
            var message = shown[i];
            var path = MessageView.WriteBodyFile(message, i == 0 ? message.MsgId : message.MsgId + "-" + i);
            await Out.WriteAsync(MessageView.Detail(message, null, null, path)).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }
}
