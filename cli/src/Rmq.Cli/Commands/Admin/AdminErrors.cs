using System.Text.Json;
using Rmq.Client;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Transport;

namespace Rmq.Cli.Commands.Admin;

/// <summary>
/// The one place where a failure becomes an exit code and a message on stderr:
/// bad arguments 2; not found 3 (TOPIC_NOT_EXIST, QUERY_NOT_FOUND, SUBSCRIPTION_GROUP_NOT_EXIST,
/// CONSUMER_NOT_ONLINE, ...); NO_PERMISSION 4; connect or timeout 5; any other server code 6.
/// </summary>
internal static class AdminErrors
{
    /// <summary>The exit code of a response code (or -1 / a client error code).</summary>
    public static int ExitCodeOf(int code) => code switch
    {
        ResponseCode.TopicNotExist or ResponseCode.QueryNotFound or ResponseCode.SubscriptionGroupNotExist
            or ResponseCode.SubscriptionNotExist or ResponseCode.ConsumerNotOnline or ResponseCode.PullNotFound
            or ResponseCode.NoMessage or ResponseCode.FilterDataNotExist
            or ClientErrorCode.BrokerNotExistException or ClientErrorCode.NotFoundTopicException => ExitCodes.NotFound,
        ResponseCode.NoPermission => ExitCodes.NoPermission,
        ClientErrorCode.ConnectBrokerException or ClientErrorCode.AccessBrokerTimeout or ClientErrorCode.RequestTimeoutException
            or ClientErrorCode.NoNameServerException => ExitCodes.Unreachable,
        _ => ExitCodes.ServerError,
    };

    /// <summary>The exit code of <paramref name="error"/>.</summary>
    public static int ExitCodeOf(Exception error) => Unwrap(error) switch
    {
        AdminArgumentException => ExitCodes.BadArguments,
        AdminNotFoundException => ExitCodes.NotFound,
        MQClientException { Code: MQClientException.ClientErrorCode } e when e.Message.StartsWith("No name server address", StringComparison.Ordinal) => ExitCodes.BadArguments,
        MQClientException { Code: MQClientException.ClientErrorCode, InnerException: RemotingException or TimeoutException } => ExitCodes.Unreachable,
        MQClientException { Code: MQClientException.ClientErrorCode, InnerException: MQClientException inner } => ExitCodeOf(inner),
        MQClientException { Code: MQClientException.ClientErrorCode } e when e.Message.Contains("not exist", StringComparison.Ordinal) => ExitCodes.NotFound,
        MQClientException e => e.Code == MQClientException.ClientErrorCode ? ExitCodes.ServerError : ExitCodeOf(e.Code),
        RemotingException => ExitCodes.Unreachable,
        TimeoutException => ExitCodes.Unreachable,
        _ => ExitCodes.ServerError,
    };

    /// <summary>One line describing <paramref name="error"/>: <c>TOPIC_NOT_EXIST CODE: 17  DESC: remark</c> for a server's refusal.</summary>
    public static string Describe(Exception error) => Unwrap(error) switch
    {
        MQClientException { Code: MQClientException.ClientErrorCode } e => e.Message,
        MQClientException e => $"{ResponseCode.NameOf(e.Code)} CODE: {e.Code}  DESC: {e.Remark}{(e.Address is null ? string.Empty : "  BROKER: " + e.Address)}",
        RemotingConnectException e => "connect failed: " + e.Message,
        RemotingTimeoutException e => "timed out: " + e.Message,
        var e => e.Message,
    };

    /// <summary>Writes <paramref name="error"/> to stderr (as JSON when <paramref name="json"/>) and returns its exit code.</summary>
    public static async Task<int> ReportAsync(string command, Exception error, TextWriter stderr, bool json)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        var inner = Unwrap(error);
        var exitCode = ExitCodeOf(inner);
        if (json)
        {
            var mq = inner as MQClientException;
            var payload = new AdminErrorJson(
                command,
                exitCode,
                mq is { Code: not MQClientException.ClientErrorCode } ? mq.Code : null,
                mq is { Code: not MQClientException.ClientErrorCode } ? ResponseCode.NameOf(mq.Code) : null,
                mq?.Remark ?? inner.Message,
                mq?.Address);
            await stderr.WriteLineAsync(JsonSerializer.Serialize(new { error = payload }, AdminJson.Options)).ConfigureAwait(false);
        }
        else
        {
            await stderr.WriteLineAsync($"{command} command failed").ConfigureAwait(false);
            await stderr.WriteLineAsync(Describe(inner)).ConfigureAwait(false);
            if (exitCode == ExitCodes.BadArguments)
            {
                await stderr.WriteLineAsync($"See 'rmq admin help {command}' for its options.").ConfigureAwait(false);
            }
        }

        return exitCode;
    }

    private static Exception Unwrap(Exception error) =>
        error is AggregateException { InnerExceptions.Count: 1 } aggregate ? Unwrap(aggregate.InnerExceptions[0]) : error;
}

/// <summary>The JSON an error prints on stderr with <c>--output json</c>.</summary>
internal sealed record AdminErrorJson(string Command, int ExitCode, int? Code, string? CodeName, string? Remark, string? Address);
