using System.CommandLine;

namespace Rmq.Cli.Commands.Admin;

/// <summary><c>updateBrokerConfig -b ADDR | -c CLUSTER -k K -v V</c>: UPDATE_BROKER_CONFIG.</summary>
internal sealed class UpdateBrokerConfigCommand : AdminLeafCommand
{
    private readonly Option<string?> _brokerAddr;
    private readonly Option<string?> _clusterName;
    private readonly Option<string?> _key;
    private readonly Option<string?> _value;

    public UpdateBrokerConfigCommand(CliConsole console)
        : base(console, "updateBrokerConfig", "Update broker's config")
    {
        _brokerAddr = Value("b", "brokerAddr", "update which broker");
        _clusterName = Value("c", "clusterName", "update which cluster");
        _key = Value("k", "key", "config key", required: true);
        _value = Value("v", "value", "config value", required: true);
        RequireOneOf(_brokerAddr, _clusterName);
    }

    protected override async Task<int> ExecuteAsync(AdminContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal) { [RequiredText(parse, _key)] = RequiredText(parse, _value) };
        var results = await context.Admin.UpdateBrokerConfigAsync(properties, parse.GetValue(_brokerAddr), parse.GetValue(_clusterName), cancellationToken).ConfigureAwait(false);
        if (context.Json)
        {
            await WriteJsonAsync(results.Select(FleetResults.ToJson)).ConfigureAwait(false);
        }
        else
        {
            foreach (var result in results.Where(r => r.Succeeded))
            {
                await PrintfAsync("update broker config success, %s%n", result.Address).ConfigureAwait(false);
            }
        }

        return await FleetResults.ExitCodeAsync(results, Console.Error, context.Json).ConfigureAwait(false);
    }
}
