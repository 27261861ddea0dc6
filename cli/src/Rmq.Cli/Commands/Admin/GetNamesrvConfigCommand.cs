using System.CommandLine;

namespace Rmq.Cli.Commands.Admin;

/// <summary><c>getNamesrvConfig</c>: GET_NAMESRV_CONFIG of every name server.</summary>
internal sealed class GetNamesrvConfigCommand : AdminLeafCommand
{
    public GetNamesrvConfigCommand(CliConsole console)
        : base(console, "getNamesrvConfig", "Get configs of name server.")
    {
    }

    protected override async Task<int> ExecuteAsync(AdminContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var results = await context.Admin.GetNamesrvConfigAsync(cancellationToken).ConfigureAwait(false);
        if (context.Json)
        {
            await WriteJsonAsync(results.Select(FleetResults.ToJson)).ConfigureAwait(false);
        }
        else
        {
            foreach (var result in results.Where(r => r.Succeeded))
            {
                await PrintfAsync("============%s============%n", result.Address).ConfigureAwait(false);
                foreach (var (key, value) in result.Value!)
                {
                    await PrintfAsync("%-50s=  %s%n", key, value).ConfigureAwait(false);
                }
            }
        }

        return await FleetResults.ExitCodeAsync(results, Console.Error, context.Json).ConfigureAwait(false);
    }
}
