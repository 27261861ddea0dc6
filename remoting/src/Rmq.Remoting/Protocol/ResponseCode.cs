namespace Rmq.Remoting.Protocol;

/// <summary>RocketMQ 4.x response codes (ResponseCode.java and RemotingSysResponseCode.java).</summary>
public static class ResponseCode
{
    public const int Success = 0;
    public const int SystemError = 1;
    public const int SystemBusy = 2;
    public const int RequestCodeNotSupported = 3;
    public const int TransactionFailed = 4;
    public const int FlushDiskTimeout = 10;
    public const int SlaveNotAvailable = 11;
    public const int FlushSlaveTimeout = 12;
    public const int MessageIllegal = 13;
    public const int ServiceNotAvailable = 14;
    public const int VersionNotSupported = 15;
    public const int NoPermission = 16;
    public const int TopicNotExist = 17;
    public const int TopicExistAlready = 18;
    public const int PullNotFound = 19;
    public const int PullRetryImmediately = 20;
    public const int PullOffsetMoved = 21;
    public const int QueryNotFound = 22;
    public const int SubscriptionParseFailed = 23;
    public const int SubscriptionNotExist = 24;
    public const int SubscriptionNotLatest = 25;
    public const int SubscriptionGroupNotExist = 26;
    public const int FilterDataNotExist = 27;
    public const int FilterDataNotLatest = 28;
    public const int TransactionShouldCommit = 200;
    public const int TransactionShouldRollback = 201;
    public const int TransactionStateUnknow = 202;
    public const int TransactionStateGroupWrong = 203;
    public const int NoBuyerId = 204;
    public const int NotInCurrentUnit = 205;
    public const int ConsumerNotOnline = 206;
    public const int ConsumeMsgTimeout = 207;
    public const int NoMessage = 208;
    public const int FlowControl = 215;

    /// <summary>RocketMQ's upper-case name of a response code, for logs and CLI errors.</summary>
    public static string NameOf(int code) => code switch
    {
        Success => "SUCCESS",
        SystemError => "SYSTEM_ERROR",
        SystemBusy => "SYSTEM_BUSY",
        RequestCodeNotSupported => "REQUEST_CODE_NOT_SUPPORTED",
        TransactionFailed => "TRANSACTION_FAILED",
        FlushDiskTimeout => "FLUSH_DISK_TIMEOUT",
        SlaveNotAvailable => "SLAVE_NOT_AVAILABLE",
        FlushSlaveTimeout => "FLUSH_SLAVE_TIMEOUT",
        MessageIllegal => "MESSAGE_ILLEGAL",
        ServiceNotAvailable => "SERVICE_NOT_AVAILABLE",
        VersionNotSupported => "VERSION_NOT_SUPPORTED",
        NoPermission => "NO_PERMISSION",
        TopicNotExist => "TOPIC_NOT_EXIST",
        TopicExistAlready => "TOPIC_EXIST_ALREADY",
        PullNotFound => "PULL_NOT_FOUND",
        PullRetryImmediately => "PULL_RETRY_IMMEDIATELY",
        PullOffsetMoved => "PULL_OFFSET_MOVED",
        QueryNotFound => "QUERY_NOT_FOUND",
        SubscriptionParseFailed => "SUBSCRIPTION_PARSE_FAILED",
        SubscriptionNotExist => "SUBSCRIPTION_NOT_EXIST",
        SubscriptionNotLatest => "SUBSCRIPTION_NOT_LATEST",
        SubscriptionGroupNotExist => "SUBSCRIPTION_GROUP_NOT_EXIST",
        FilterDataNotExist => "FILTER_DATA_NOT_EXIST",
        FilterDataNotLatest => "FILTER_DATA_NOT_LATEST",
        TransactionShouldCommit => "TRANSACTION_SHOULD_COMMIT",
        TransactionShouldRollback => "TRANSACTION_SHOULD_ROLLBACK",
        TransactionStateUnknow => "TRANSACTION_STATE_UNKNOW",
        TransactionStateGroupWrong => "TRANSACTION_STATE_GROUP_WRONG",
        NoBuyerId => "NO_BUYER_ID",
        NotInCurrentUnit => "NOT_IN_CURRENT_UNIT",
        ConsumerNotOnline => "CONSUMER_NOT_ONLINE",
        ConsumeMsgTimeout => "CONSUME_MSG_TIMEOUT",
        NoMessage => "NO_MESSAGE",
        FlowControl => "FLOW_CONTROL",
        _ => $"CODE_{code}",
    };
}
