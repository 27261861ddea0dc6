using System.CommandLine;

namespace Rmq.Cli.Commands.Admin;

/// <summary><c>brokerStatus -b ADDR | -c CLUSTER</c>: GET_BROKER_RUNTIME_INFO, one key per line.</summary>
internal sealed class BrokerStatusCommand : AdminLeafCommand
{
    private readonly Option<string?> _brokerAddr;
    private readonly Option<string?> _clusterName;

    public BrokerStatusCommand(CliConsole console)
        : base(console, "brokerStatus", "Fetch broker runtime status data")
    {
        _brokerAddr = Value("b", "brokerAddr", "Broker address");
        _clusterName = Value("c", "clusterName", "which cluster");
        RequireOneOf(_brokerAddr, _clusterName);
    }

    protected override async Task<int> ExecuteAsync(AdminContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var brokerAddr = parse.GetValue(_brokerAddr);
        var targets = brokerAddr is not null
            ? [(BrokerName: string.Empty, Address: brokerAddr)]
            : await context.Admin.ResolveBrokersAsync(null, parse.GetValue(_clusterName), mastersOnly: false, cancellationToken).ConfigureAwait(false);
        var all = new List<object>();
        foreach (var (_, address) in targets)
        {
            var table = new SortedDictionary<string, string>(
                new Dictionary<string, string>(await context.Admin.BrokerRuntimeInfoAsync(address, cancellationToken).ConfigureAwait(false)), StringComparer.Ordinal);
            if (context.Json)
            {
                all.Add(new { address, runtimeInfo = table });
                continue;
            }

            foreach (var (key, value) in table)
            {
                await (brokerAddr is not null
                    ? PrintfAsync("%-32s: %s%n", key, value)
                    : PrintfAsync("%-24s %-32s: %s%n", address, key, value)).ConfigureAwait(false);
            }
        }

        if (context.Json)
        {
            await WriteJsonAsync(all).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }
}
