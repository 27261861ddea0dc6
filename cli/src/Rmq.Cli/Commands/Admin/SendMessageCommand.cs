using System.CommandLine;
using System.Text;
using Rmq.Client.Messages;

namespace Rmq.Cli.Commands.Admin;

/// <summary><c>sendMessage -t T -p BODY [-k KEYS] [-c TAGS] [-b BROKER -i QID]</c>: one message through a tools producer.</summary>
internal sealed class SendMessageCommand : AdminLeafCommand
{
    private readonly Option<string?> _topic;
    private readonly Option<string?> _body;
    private readonly Option<string?> _keys;
    private readonly Option<string?> _tags;
    private readonly Option<string?> _broker;
    private readonly Option<string?> _queueId;

    public SendMessageCommand(CliConsole console)
        : base(console, "sendMessage", "Send a message")
    {
        _topic = Value("t", "topic", "Topic name", required: true);
        _body = Value("p", "body", "UTF-8 string format of the message body", required: true);
        _keys = Value("k", "key", "Message keys");
        _tags = Value("c", "tags", "Message tags");
        _broker = Value("b", "broker", "Send message to target broker");
        _queueId = Value("i", "qid", "Send message to target queue");
        Flag("m", "msgTraceEnable", "Message Trace Enable (ignored by rmq admin)");
    }

    protected override async Task<int> ExecuteAsync(AdminContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var broker = parse.GetValue(_broker);
        int? queueId = parse.GetValue(_queueId) is null ? null : IntValue(parse, _queueId, 0);
        if (queueId is not null && broker is null)
        {
            throw new AdminArgumentException("-i,--qid needs -b,--broker");
        }

        var message = new Message(RequiredText(parse, _topic), Encoding.UTF8.GetBytes(RequiredText(parse, _body)), parse.GetValue(_tags), parse.GetValue(_keys));
        var result = await context.Admin.SendMessageAsync(message, broker, broker is null ? null : queueId ?? 0, cancellationToken).ConfigureAwait(false);
        if (context.Json)
        {
            await WriteJsonAsync(new
            {
                brokerName = result.MessageQueue.BrokerName,
                queueId = result.MessageQueue.QueueId,
                sendStatus = result.SendStatus.ToString(),
                msgId = result.MsgId,
                offsetMsgId = result.OffsetMsgId,
                queueOffset = result.QueueOffset,
            }).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        await PrintfAsync("%-32s  %-4s  %-20s    %s%n", "#Broker Name", "#QID", "#Send Result", "#MsgId").ConfigureAwait(false);
        await PrintfAsync("%-32s  %-4s  %-20s    %s%n", result.MessageQueue.BrokerName, result.MessageQueue.QueueId, result.SendStatus, result.MsgId).ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
