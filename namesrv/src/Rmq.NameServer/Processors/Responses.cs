using Rmq.Remoting.Protocol;

namespace Rmq.NameServer.Processors;

/// <summary>Response construction shared by the name-server processors.</summary>
internal static class Responses
{
    public static RemotingCommand Success(RemotingCommand request, ICommandHeader? header = null, byte[]? body = null)
    {
        var response = RemotingCommand.CreateResponse(ResponseCode.Success).AsResponseTo(request);
        if (header is not null)
        {
            response.WithHeader(header);
        }

        if (body is not null)
        {
            response.Body = body;
        }

        return response;
    }

    public static RemotingCommand Error(RemotingCommand request, int code, string remark) =>
        RemotingCommand.CreateResponse(code, remark).AsResponseTo(request);

    public static ValueTask<RemotingCommand?> AsResult(this RemotingCommand response) => ValueTask.FromResult<RemotingCommand?>(response);
}
