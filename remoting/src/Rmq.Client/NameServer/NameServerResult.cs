namespace Rmq.Client.NameServer;

/// <summary>The outcome of one call sent to one name server of a list (wipe/add write perm, KV, registration).</summary>
public sealed record NameServerResult<T>(string Address, T? Value, Exception? Error)
{
    public bool Succeeded => Error is null;

    /// <summary>The response code when the name server refused the call.</summary>
    public int? Code => (Error as MQClientException)?.Code;
}
