using Rmq.Remoting.Protocol;

namespace Rmq.Client;

/// <summary>
/// A request that reached a server and was refused (a non-success response code), or a client-side
/// precondition that failed (<see cref="Code"/> = -1). Carries what RocketMQ's MQClientException /
/// MQBrokerException carry: the response code, the server's remark and which server answered.
/// </summary>
public sealed class MQClientException : Exception
{
    /// <summary>The code of a client-side failure that has no server response.</summary>
    public const int ClientErrorCode = -1;

    public MQClientException()
        : this(ClientErrorCode, null, null)
    {
    }

    public MQClientException(string message)
        : this(ClientErrorCode, message, null)
    {
    }

    public MQClientException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = ClientErrorCode;
        Remark = message;
    }

    public MQClientException(int code, string? remark, string? address, Exception? innerException = null)
        : base(Describe(code, remark, address), innerException)
    {
        Code = code;
        Remark = remark;
        Address = address;
    }

    /// <summary>The response code (<see cref="ResponseCode"/>), or -1 for a client-side failure.</summary>
    public int Code { get; }

    /// <summary>The server's remark, verbatim.</summary>
    public string? Remark { get; }

    /// <summary>The server ("host:port") that answered, if any.</summary>
    public string? Address { get; }

    /// <summary>The exception for a non-success <paramref name="response"/> from <paramref name="address"/>.</summary>
    public static MQClientException FromResponse(RemotingCommand response, string? address)
    {
        ArgumentNullException.ThrowIfNull(response);
        return new MQClientException(response.Code, response.Remark, address);
    }

    private static string Describe(int code, string? remark, string? address) =>
        code == ClientErrorCode
            ? remark ?? "client error"
            : $"CODE: {code} ({ResponseCode.NameOf(code)}) DESC: {remark}{(address is null ? string.Empty : " BROKER: " + address)}";
}
