using System.CommandLine;
using Rmq.Client.Broker;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Cli.Commands.Admin;

/// <summary>
/// <c>consumeMessage -t T [-b BROKER -i QID [-o OFFSET]] [-g GROUP] [-s BEGIN] [-e END] [-c COUNT]</c>:
/// pulls (without committing) up to COUNT (128) messages of one queue or of every queue.
/// </summary>
internal sealed class ConsumeMessageCommand : AdminLeafCommand
{
    private readonly Option<string?> _topic;
    private readonly Option<string?> _brokerName;
    private readonly Option<string?> _queueId;
    private readonly Option<string?> _offset;
    private readonly Option<string?> _group;
    private readonly Option<string?> _begin;
    private readonly Option<string?> _end;
    private readonly Option<string?> _count;

    public ConsumeMessageCommand(CliConsole console)
        : base(console, "consumeMessage", "Consume message")
    {
        _topic = Value("t", "topic", "Topic name", required: true);
        _brokerName = Value("b", "brokerName", "Broker name");
        _queueId = Value("i", "queueId", "Queue Id");
        _offset = Value("o", "offset", "Queue offset");
        _group = Value("g", "consumerGroup", "Consumer group name");
        _begin = Value("s", "beginTimestamp", "Begin timestamp(ms or yyyy-MM-dd#HH:mm:ss:SSS)");
        _end = Value("e", "endTimestamp", "End timestamp(ms or yyyy-MM-dd#HH:mm:ss:SSS)");
        _count = Value("c", "MessageNumber", "Number of message to be consumed");
    }

    protected override async Task<int> ExecuteAsync(AdminContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var topic = RequiredText(parse, _topic);
        var broker = parse.GetValue(_brokerName);
        if (parse.GetValue(_queueId) is not null && broker is null)
        {
            throw new AdminArgumentException("Please set the broker name before queue id");
        }

        if (parse.GetValue(_offset) is not null && parse.GetValue(_queueId) is null)
        {
            throw new AdminArgumentException("Please set the queue id before offset");
        }

        var count = LongValue(parse, _count, 128);
        if (count <= 0)
        {
            throw new AdminArgumentException("Please input a positive messageNumber!");
        }

        var queue = broker is not null ? new MessageQueue(topic, broker, IntValue(parse, _queueId, 0)) : null;
        var result = await context.Admin.PullMessagesAsync(
            topic, queue, parse.GetValue(_offset) is null ? null : LongValue(parse, _offset, 0), TimestampValue(parse, _begin), TimestampValue(parse, _end), count,
            consumerGroup: parse.GetValue(_group) ?? Rmq.Client.Admin.AdminClient.ToolsConsumerGroup, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (context.Json)
        {
            await WriteJsonAsync(result.Select(q => new { queue = q.Queue, minOffset = q.MinOffset, maxOffset = q.MaxOffset, messages = q.Messages.Select(m => MessageView.ToJson(m)) })).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        foreach (var q in result)
        {
            if (q.Messages.Count > 0)
            {
                await Out.WriteAsync("Consume ok\n").ConfigureAwait(false);
                foreach (var message in q.Messages)
                {
                    await Out.WriteAsync(MessageView.Line(message, printBody: true)).ConfigureAwait(false);
                }
            }

            await PrintfAsync("%s print msg finished. status=%s, offset=%s\n", q.Queue, q.Messages.Count > 0 ? PullStatus.NO_NEW_MSG : q.LastStatus, q.MaxOffset).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }
}
