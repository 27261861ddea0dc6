using System.CommandLine;

namespace Rmq.Cli.Commands.Admin;

/// <summary><c>addWritePerm -b NAME</c>: ADD_WRITE_PERM_OF_BROKER on every name server of -n.</summary>
internal sealed class AddWritePermCommand : AdminLeafCommand
{
    private readonly Option<string?> _brokerName;

    public AddWritePermCommand(CliConsole console)
        : base(console, "addWritePerm", "Add write perm of broker in all name server you defined in the -n param")
    {
        _brokerName = Value("b", "brokerName", "broker name", required: true);
    }

    protected override async Task<int> ExecuteAsync(AdminContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var brokerName = RequiredText(parse, _brokerName);
        var results = await context.Admin.AddWritePermAsync(brokerName, cancellationToken).ConfigureAwait(false);
        if (context.Json)
        {
            await WriteJsonAsync(results.Select(FleetResults.ToJson)).ConfigureAwait(false);
        }
        else
        {
            foreach (var result in results)
            {
                await (result.Succeeded
                    ? PrintfAsync("add write perm of broker[%s] in name server[%s] OK, %d%n", brokerName, result.Address, result.Value)
                    : PrintfAsync("add write perm of broker[%s] in name server[%s] Failed%n", brokerName, result.Address)).ConfigureAwait(false);
            }
        }

        return await FleetResults.ExitCodeAsync(results, Console.Error, context.Json).ConfigureAwait(false);
    }
}
