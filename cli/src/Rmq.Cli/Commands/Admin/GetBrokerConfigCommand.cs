using System.CommandLine;

namespace Rmq.Cli.Commands.Admin;

/// <summary><c>getBrokerConfig -b ADDR | -c CLUSTER</c>: GET_BROKER_CONFIG of one broker or of every broker of a cluster.</summary>
internal sealed class GetBrokerConfigCommand : AdminLeafCommand
{
    private readonly Option<string?> _brokerAddr;
    private readonly Option<string?> _clusterName;

    public GetBrokerConfigCommand(CliConsole console)
        : base(console, "getBrokerConfig", "Get broker config by cluster or special broker!")
    {
        _brokerAddr = Value("b", "brokerAddr", "get which broker");
        _clusterName = Value("c", "clusterName", "get which cluster");
        RequireOneOf(_brokerAddr, _clusterName);
    }

    protected override async Task<int> ExecuteAsync(AdminContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var targets = await context.Admin.ResolveBrokersAsync(parse.GetValue(_brokerAddr), parse.GetValue(_clusterName), mastersOnly: false, cancellationToken).ConfigureAwait(false);
        var all = new List<object>();
        foreach (var (brokerName, address) in targets)
        {
            var config = await context.Admin.GetBrokerConfigAsync(address, cancellationToken).ConfigureAwait(false);
            if (context.Json)
            {
                all.Add(new { brokerName, address, config });
                continue;
            }

            await PrintfAsync("============%s============%n", address).ConfigureAwait(false);
            foreach (var (key, value) in config)
            {
                await PrintfAsync("%-50s=  %s%n", key, value).ConfigureAwait(false);
            }
        }

        if (context.Json)
        {
            await WriteJsonAsync(all).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }
}
