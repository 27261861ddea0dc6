using Rmq.Remoting.Protocol;

namespace Rmq.Broker.Protocol;

/// <summary>GET_BROKER_CONFIG (26) response header: <c>version</c> = the configuration's DataVersion JSON. Belongs in Rmq.Remoting.</summary>
public sealed record GetBrokerConfigResponseHeader(string Version) : ICommandHeader<GetBrokerConfigResponseHeader>
{
    public void Write(IDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        fields["version"] = Version;
    }

    public static GetBrokerConfigResponseHeader Read(HeaderReader fields) => new(fields.RequiredString("version"));
}
