namespace Rmq.Client;

/// <summary>Codes of client-side failures (ClientErrorCode.java), carried in <see cref="MQClientException.Code"/>.</summary>
public static class ClientErrorCode
{
    public const int ConnectBrokerException = 10001;
    public const int AccessBrokerTimeout = 10002;
    public const int BrokerNotExistException = 10003;
    public const int NoNameServerException = 10004;
    public const int NotFoundTopicException = 10005;
    public const int RequestTimeoutException = 10006;
    public const int CreateTopicException = 10007;
}
