using Rmq.Remoting.Protocol;

namespace Rmq.Broker.Protocol;

/// <summary>
/// The fields the broker reads from GET_CONSUMER_RUNNING_INFO (307: consumerGroup, clientId, jstackEnable) and
/// CONSUME_MESSAGE_DIRECTLY (309: consumerGroup, clientId, msgId, brokerName) before forwarding them to that
/// client. Belongs in Rmq.Remoting (as GetConsumerRunningInfoRequestHeader / ConsumeMessageDirectlyResultRequestHeader).
/// </summary>
public sealed record ConsumerClientRequestHeader : ICommandHeader<ConsumerClientRequestHeader>
{
    public required string ConsumerGroup { get; init; }

    public string? ClientId { get; init; }

    public string? MsgId { get; init; }

    public string? BrokerName { get; init; }

    public bool? JstackEnable { get; init; }

    public static ConsumerClientRequestHeader Read(HeaderReader fields) => new()
    {
        ConsumerGroup = fields.RequiredString("consumerGroup"),
        ClientId = fields.OptionalString("clientId"),
        MsgId = fields.OptionalString("msgId"),
        BrokerName = fields.OptionalString("brokerName"),
        JstackEnable = fields.OptionalBool("jstackEnable"),
    };

    public void Write(IDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        fields["consumerGroup"] = ConsumerGroup;
        Put(fields, "clientId", ClientId);
        Put(fields, "msgId", MsgId);
        Put(fields, "brokerName", BrokerName);
        Put(fields, "jstackEnable", JstackEnable is { } j ? (j ? "true" : "false") : null);
    }

    private static void Put(IDictionary<string, string> fields, string name, string? value)
    {
        if (value is not null)
        {
            fields[name] = value;
        }
    }
}
