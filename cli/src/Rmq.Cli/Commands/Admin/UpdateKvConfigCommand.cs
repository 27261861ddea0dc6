using System.CommandLine;

namespace Rmq.Cli.Commands.Admin;

/// <summary><c>updateKvConfig -s NS -k K -v V</c>: PUT_KV_CONFIG on every name server.</summary>
internal sealed class UpdateKvConfigCommand : AdminLeafCommand
{
    private readonly Option<string?> _namespace;
    private readonly Option<string?> _key;
    private readonly Option<string?> _value;

    public UpdateKvConfigCommand(CliConsole console)
        : base(console, "updateKvConfig", "Create or update KV config.")
    {
        _namespace = Value("s", "namespace", "set the namespace", required: true);
        _key = Value("k", "key", "set the key name", required: true);
        _value = Value("v", "value", "set the key value", required: true);
    }

    protected override async Task<int> ExecuteAsync(AdminContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var results = await context.Admin.PutKvConfigAsync(RequiredText(parse, _namespace), RequiredText(parse, _key), RequiredText(parse, _value), cancellationToken).ConfigureAwait(false);
        var exit = await FleetResults.ExitCodeAsync(results, Console.Error, context.Json).ConfigureAwait(false);
        if (context.Json)
        {
            await WriteJsonAsync(results.Select(FleetResults.ToJson)).ConfigureAwait(false);
        }
        else if (exit == ExitCodes.Success)
        {
            await PrintfAsync("create or update kv config to namespace success.%n").ConfigureAwait(false);
        }

        return exit;
    }
}
