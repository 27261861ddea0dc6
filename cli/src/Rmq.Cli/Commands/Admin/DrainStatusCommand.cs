using System.CommandLine;
using Rmq.Client.Admin;

namespace Rmq.Cli.Commands.Admin;

/// <summary>
/// <c>drainStatus [-b NAME] [--reapply]</c>: the drained brokers (KV RMQ_DRAIN) and whether a restart gave one write perm
/// back; <c>--reapply</c> wipes those again on every name server.
/// </summary>
internal sealed class DrainStatusCommand : AdminLeafCommand
{
    private readonly Option<string?> _brokerName;
    private readonly Option<bool> _reapply;

    public DrainStatusCommand(CliConsole console)
        : base(console, "drainStatus", "Show drained brokers; --reapply wipes write perm again where a restart restored it")
    {
        _brokerName = Value("b", "brokerName", "broker name");
        _reapply = new Option<bool>("--reapply") { Description = "wipe the write perm again of drained brokers that have writable queues" };
        Options.Add(_reapply);
    }

    protected override async Task<int> ExecuteAsync(AdminContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var states = await new BrokerDrainer(context.Admin).StatusAsync(parse.GetValue(_brokerName)?.Trim(), parse.GetValue(_reapply), cancellationToken).ConfigureAwait(false);
        if (context.Json)
        {
            await WriteJsonAsync(states.Select(s => new { s.BrokerName, s.DrainedSinceMillis, s.WritableQueues, reapplied = s.Reapplied?.Select(FleetResults.ToJson) })).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        await PrintfAsync("%-24s  %-25s  %-16s  %s%n", "#Broker Name", "#Drained Since", "#Writable Queues", "#State").ConfigureAwait(false);
        foreach (var s in states)
        {
            var state = s.WritableQueues switch
            {
                null => "UNKNOWN (master unreachable)",
                0 => s.Reapplied is null ? "DRAINED" : "DRAINED (wipe re-applied)",
                _ => "WRITABLE AGAIN (re-registered; run drainStatus --reapply)",
            };
            await PrintfAsync("%-24s  %-25s  %-16s  %s%n", s.BrokerName, JavaFormat.HumanTime(s.DrainedSinceMillis), s.WritableQueues?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?", state).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }
}
