using Rmq.Remoting.Protocol;

namespace Rmq.Broker.Processors;

/// <summary>Response helpers and RocketMQ's remarks shared by the broker processors.</summary>
internal static class BrokerResponses
{
    public const string FaqSuffix = "\nSee http://rocketmq.apache.org/docs/faq/ for further details.";

    public const string SlaveCannotModify = "Can't modify topic or subscription group from slave broker, please execute it from master broker.";

    public static RemotingCommand Error(int code, string remark) => RemotingCommand.CreateResponse(code, remark);

    public static RemotingCommand Success(ICommandHeader? header = null, ReadOnlyMemory<byte> body = default)
    {
        var response = RemotingCommand.CreateResponse(ResponseCode.Success);
        if (header is not null)
        {
            response.WithHeader(header);
        }

        response.Body = body;
        return response;
    }

    public static string TopicNotExist(string topic) => $"topic[{topic}] not exist, apply first please!{FaqSuffix}";
}
