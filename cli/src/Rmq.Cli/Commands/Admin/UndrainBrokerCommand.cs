using System.CommandLine;
using Rmq.Client.Admin;

namespace Rmq.Cli.Commands.Admin;

/// <summary><c>undrainBroker -b NAME</c>: addWritePerm on every name server and the drain record removed.</summary>
internal sealed class UndrainBrokerCommand : AdminLeafCommand
{
    private readonly Option<string?> _brokerName;

    public UndrainBrokerCommand(CliConsole console)
        : base(console, "undrainBroker", "Add write perm of broker on every name server and forget its drain")
    {
        _brokerName = Value("b", "brokerName", "broker name", required: true);
    }

    protected override async Task<int> ExecuteAsync(AdminContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var brokerName = RequiredText(parse, _brokerName).Trim();
        var (added, unrecorded) = await new BrokerDrainer(context.Admin).UndrainAsync(brokerName, cancellationToken).ConfigureAwait(false);
        if (context.Json)
        {
            await WriteJsonAsync(new { brokerName, addWritePerm = added.Select(FleetResults.ToJson), unrecorded = unrecorded.Select(FleetResults.ToJson) }).ConfigureAwait(false);
        }
        else
        {
            foreach (var result in added)
            {
                await (result.Succeeded
                    ? PrintfAsync("add write perm of broker[%s] in name server[%s] OK, %d%n", brokerName, result.Address, result.Value)
                    : PrintfAsync("add write perm of broker[%s] in name server[%s] Failed%n", brokerName, result.Address)).ConfigureAwait(false);
            }
        }

        var exit = await FleetResults.ExitCodeAsync(added, Console.Error, context.Json).ConfigureAwait(false);
        return exit != ExitCodes.Success ? exit : await FleetResults.ExitCodeAsync(unrecorded, Console.Error, context.Json).ConfigureAwait(false);
    }
}
