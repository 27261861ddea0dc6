using System.CommandLine;
using Rmq.Client.Broker;

namespace Rmq.Cli.Commands.Admin;

/// <summary><c>printMsg -t T [-s EXPR] [-b BEGIN] [-e END] [-d true|false]</c>: every message of every queue of a topic.</summary>
internal sealed class PrintMsgCommand : AdminLeafCommand
{
    private readonly Option<string?> _topic;
    private readonly Option<string?> _subExpression;
    private readonly Option<string?> _begin;
    private readonly Option<string?> _end;
    private readonly Option<string?> _printBody;

    public PrintMsgCommand(CliConsole console)
        : base(console, "printMsg", "Print Message Detail")
    {
        _topic = Value("t", "topic", "topic name", required: true);
        Value("c", "charsetName", "CharsetName(eg: UTF-8,GBK); rmq admin prints UTF-8");
        _subExpression = Value("s", "subExpression", "Subscribe Expression(eg: TagA || TagB)");
        _begin = Value("b", "beginTimestamp", "Begin timestamp[currentTimeMillis|yyyy-MM-dd#HH:mm:ss:SSS]");
        _end = Value("e", "endTimestamp", "End timestamp[currentTimeMillis|yyyy-MM-dd#HH:mm:ss:SSS]");
        _printBody = Value("d", "printBody", "print body");
    }

    protected override async Task<int> ExecuteAsync(AdminContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var printBody = BoolValue(parse, _printBody, true);
        var result = await context.Admin.PullMessagesAsync(
            RequiredText(parse, _topic), beginTimestamp: TimestampValue(parse, _begin), endTimestamp: TimestampValue(parse, _end),
            subExpression: parse.GetValue(_subExpression)?.Trim() ?? "*", cancellationToken: cancellationToken).ConfigureAwait(false);
        if (context.Json)
        {
            await WriteJsonAsync(result.Select(q => new { queue = q.Queue, minOffset = q.MinOffset, maxOffset = q.MaxOffset, messages = q.Messages.Select(m => MessageView.ToJson(m)) })).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        foreach (var q in result)
        {
            await PrintfAsync("minOffset=%s, maxOffset=%s, %s%n", q.MinOffset, q.MaxOffset, q.Queue).ConfigureAwait(false);
            foreach (var message in q.Messages)
            {
                await Out.WriteAsync(MessageView.Line(message, printBody)).ConfigureAwait(false);
            }

            await PrintfAsync("%s print msg finished. status=%s, offset=%s%n", q.Queue, q.Messages.Count > 0 ? PullStatus.NO_NEW_MSG : q.LastStatus, q.MaxOffset).ConfigureAwait(false);
        }

        await Out.WriteAsync("--------------------------------------------------------\n").ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
