using Rmq.Remoting.Protocol;

namespace Rmq.Remoting.Protocol.Headers.Broker;

/// <summary>QUERY_CONSUME_TIME_SPAN (303) and QUERY_TOPIC_CONSUME_BY_WHO-style topic+group request.</summary>
public sealed record QueryConsumeTimeSpanRequestHeader(string Topic, string Group) : ICommandHeader<QueryConsumeTimeSpanRequestHeader>
{
    public void Write(IDictionary<string, string> fields)
    {
        fields.Put("topic", Topic);
        fields.Put("group", Group);
    }

    public static QueryConsumeTimeSpanRequestHeader Read(HeaderReader fields) =>
        new(fields.RequiredString("topic"), fields.RequiredString("group"));
}
