using System.Management.Automation;
using Rmq.Client;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Transport;

namespace Rmq.PowerShell.Infrastructure;

/// <summary>The stable error ids of the module (ErrorRecord.FullyQualifiedErrorId starts with one of these).</summary>
public static class RmqErrors
{
    public const string NameServerUnreachable = "Rmq.NameServerUnreachable";
    public const string NameServerRefused = "Rmq.NameServerRefused";
    public const string BrokerUnreachable = "Rmq.BrokerUnreachable";
    public const string BrokerRefused = "Rmq.BrokerRefused";
    public const string BrokerNotFound = "Rmq.BrokerNotFound";
    public const string ClusterNotFound = "Rmq.ClusterNotFound";
    public const string TopicNotFound = "Rmq.TopicNotFound";
    public const string ConsumerGroupNotFound = "Rmq.ConsumerGroupNotFound";
    public const string SendFailed = "Rmq.SendFailed";
    public const string ReceiveFailed = "Rmq.ReceiveFailed";
    public const string DrainTimeout = "Rmq.DrainTimeout";
    public const string RestartFailed = "Rmq.RestartFailed";
    public const string ConfigInvalid = "Rmq.ConfigInvalid";
    public const string ConfigExists = "Rmq.ConfigExists";

    /// <summary>Whether <paramref name="e"/> means the server could not be reached (rather than refused).</summary>
    public static bool IsUnreachable(Exception e) =>
        e is RemotingConnectException or RemotingSendRequestException or RemotingTimeoutException
        || (e is MQClientException { Code: MQClientException.ClientErrorCode, InnerException: { } inner } && IsUnreachable(inner))
        || (e is MQClientException { Code: MQClientException.ClientErrorCode } m && m.Message.StartsWith("No name server reachable", StringComparison.Ordinal));

    public static bool IsTopicNotFound(Exception e) => e is MQClientException { Code: ResponseCode.TopicNotExist };

    /// <summary>The error id for a failed call to a name server.</summary>
    public static string ForNameServer(Exception e) =>
        IsTopicNotFound(e) ? TopicNotFound : IsUnreachable(e) ? NameServerUnreachable : NameServerRefused;

    /// <summary>The error id for a failed call to a broker.</summary>
    public static string ForBroker(Exception e) =>
        IsTopicNotFound(e) ? TopicNotFound : IsUnreachable(e) ? BrokerUnreachable : BrokerRefused;

    public static ErrorCategory CategoryOf(Exception e) => e switch
    {
        _ when IsTopicNotFound(e) => ErrorCategory.ObjectNotFound,
        RemotingTimeoutException => ErrorCategory.OperationTimeout,
        _ when IsUnreachable(e) => ErrorCategory.ConnectionError,
        MQClientException => ErrorCategory.InvalidOperation,
        RmqException => ErrorCategory.InvalidResult,
        _ => ErrorCategory.NotSpecified,
    };
}
