using System.CommandLine;

namespace Rmq.Cli.Commands.Admin;

/// <summary><c>deleteKvConfig -s NS -k K</c>: DELETE_KV_CONFIG on every name server.</summary>
internal sealed class DeleteKvConfigCommand : AdminLeafCommand
{
    private readonly Option<string?> _namespace;
    private readonly Option<string?> _key;

    public DeleteKvConfigCommand(CliConsole console)
        : base(console, "deleteKvConfig", "Delete KV config.")
    {
        _namespace = Value("s", "namespace", "set the namespace", required: true);
        _key = Value("k", "key", "set the key name", required: true);
    }

    protected override async Task<int> ExecuteAsync(AdminContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var results = await context.Admin.DeleteKvConfigAsync(RequiredText(parse, _namespace), RequiredText(parse, _key), cancellationToken).ConfigureAwait(false);
        var exit = await FleetResults.ExitCodeAsync(results, Console.Error, context.Json).ConfigureAwait(false);
        if (context.Json)
        {
            await WriteJsonAsync(results.Select(FleetResults.ToJson)).ConfigureAwait(false);
        }
        else if (exit == ExitCodes.Success)
        {
            await PrintfAsync("delete kv config from namespace success.%n").ConfigureAwait(false);
        }

        return exit;
    }
}
