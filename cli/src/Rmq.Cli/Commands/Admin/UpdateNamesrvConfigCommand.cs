using System.CommandLine;

namespace Rmq.Cli.Commands.Admin;

/// <summary><c>updateNamesrvConfig -k K -v V</c>: UPDATE_NAMESRV_CONFIG on every name server.</summary>
internal sealed class UpdateNamesrvConfigCommand : AdminLeafCommand
{
    private readonly Option<string?> _key;
    private readonly Option<string?> _value;

    public UpdateNamesrvConfigCommand(CliConsole console)
        : base(console, "updateNamesrvConfig", "Update configs of name server.")
    {
        _key = Value("k", "key", "config key", required: true);
        _value = Value("v", "value", "config value", required: true);
    }

    protected override async Task<int> ExecuteAsync(AdminContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var key = RequiredText(parse, _key);
        var value = RequiredText(parse, _value);
        var results = await context.Admin.UpdateNamesrvConfigAsync(new Dictionary<string, string>(StringComparer.Ordinal) { [key] = value }, cancellationToken).ConfigureAwait(false);
        var exit = await FleetResults.ExitCodeAsync(results, Console.Error, context.Json).ConfigureAwait(false);
        if (context.Json)
        {
            await WriteJsonAsync(results.Select(FleetResults.ToJson)).ConfigureAwait(false);
        }
        else if (exit == ExitCodes.Success)
        {
            await PrintfAsync("update name server config success!%s%n%s : %s%n", "[" + string.Join(", ", results.Select(r => r.Address)) + "]", key, value).ConfigureAwait(false);
        }

        return exit;
    }
}
