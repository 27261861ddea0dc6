namespace Rmq.Remoting.Protocol.Headers;

/// <summary>DELETE_TOPIC_IN_NAMESRV (216) request; without a cluster name the topic is removed everywhere.</summary>
public sealed record DeleteTopicFromNamesrvRequestHeader(string Topic, string? ClusterName = null) : ICommandHeader<DeleteTopicFromNamesrvRequestHeader>
{
    public void Write(IDictionary<string, string> fields)
    {
        fields.Put("topic", Topic);
        fields.Put("clusterName", ClusterName);
    }

    public static DeleteTopicFromNamesrvRequestHeader Read(HeaderReader fields) =>
        new(fields.RequiredString("topic"), fields.OptionalString("clusterName"));
}
