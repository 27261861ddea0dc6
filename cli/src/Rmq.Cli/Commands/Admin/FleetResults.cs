using Rmq.Client;
using Rmq.Client.Admin.Models;
using Rmq.Client.NameServer;
using Rmq.Remoting.Protocol;

namespace Rmq.Cli.Commands.Admin;

/// <summary>The JSON of one target's outcome in a fleet operation (one per name server or broker).</summary>
internal sealed record FleetResultJson(string Target, bool Succeeded, object? Value, int? Code, string? CodeName, string? Error);

/// <summary>Helpers for operations that report per name server or per broker.</summary>
internal static class FleetResults
{
    public static FleetResultJson ToJson<T>(NameServerResult<T> result) =>
        new(result.Address, result.Succeeded, result.Value, result.Code, result.Code is { } code ? ResponseCode.NameOf(code) : null, result.Error is null ? null : AdminErrors.Describe(result.Error));

    public static FleetResultJson ToJson(BrokerOperationResult result) =>
        new(result.Address, result.Succeeded, result.BrokerName, result.Code, result.Code is { } code ? ResponseCode.NameOf(code) : null, result.Error);

    /// <summary>0 when every target succeeded, else the exit code of the first failure (its error written to stderr).</summary>
    public static async Task<int> ExitCodeAsync<T>(IReadOnlyList<NameServerResult<T>> results, TextWriter stderr, bool json)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(stderr);
        var exit = ExitCodes.Success;
        foreach (var failed in results.Where(r => !r.Succeeded))
        {
            if (!json)
            {
                await stderr.WriteLineAsync($"name server[{failed.Address}]: {AdminErrors.Describe(failed.Error!)}").ConfigureAwait(false);
            }

            exit = exit == ExitCodes.Success ? AdminErrors.ExitCodeOf(failed.Error!) : exit;
        }

        return exit;
    }

    /// <summary>0 when every broker succeeded, else the exit code of the first failure (its error written to stderr).</summary>
    public static async Task<int> ExitCodeAsync(IReadOnlyList<BrokerOperationResult> results, TextWriter stderr, bool json)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(stderr);
        var exit = ExitCodes.Success;
        foreach (var failed in results.Where(r => !r.Succeeded))
        {
            if (!json)
            {
                var code = failed.Code is { } c ? $"{ResponseCode.NameOf(c)} CODE: {c}  DESC: " : string.Empty;
                await stderr.WriteLineAsync($"broker[{failed.BrokerName}] {failed.Address}: {code}{failed.Error}").ConfigureAwait(false);
            }

            exit = exit == ExitCodes.Success
                ? failed.Code is { } failedCode ? AdminErrors.ExitCodeOf(failedCode) : ExitCodes.Unreachable
                : exit;
        }

        return exit;
    }

    /// <summary>A failed name-server result's exception, for callers that want to rethrow it.</summary>
    public static Exception? FirstError<T>(IReadOnlyList<NameServerResult<T>> results) => results.FirstOrDefault(r => !r.Succeeded)?.Error;

    public static MQClientException NoTarget(string what) => new(what);
}
