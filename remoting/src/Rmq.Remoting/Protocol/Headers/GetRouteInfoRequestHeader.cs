namespace Rmq.Remoting.Protocol.Headers;

/// <summary>GET_ROUTEINFO_BY_TOPIC (105) request.</summary>
public sealed record GetRouteInfoRequestHeader(string Topic, bool? AcceptStandardJsonOnly = null) : ICommandHeader<GetRouteInfoRequestHeader>
{
    public void Write(IDictionary<string, string> fields)
    {
        fields.Put("topic", Topic);
        fields.Put("acceptStandardJsonOnly", AcceptStandardJsonOnly);
    }

    public static GetRouteInfoRequestHeader Read(HeaderReader fields) =>
        new(fields.RequiredString("topic"), fields.OptionalBool("acceptStandardJsonOnly"));
}
