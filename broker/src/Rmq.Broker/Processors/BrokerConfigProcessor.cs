using System.Globalization;
using System.Text;
using Rmq.Broker.Config;
using Rmq.Broker.Protocol;
using Rmq.Configuration;
using Rmq.Remoting.Json;
using Rmq.Remoting.Processing;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Broker.Processors;

/// <summary>
/// GET_BROKER_CONFIG (26) and UPDATE_BROKER_CONFIG (25). A new brokerPermission takes effect at once: the
/// topic DataVersion is bumped and the broker re-registers.
/// </summary>
internal sealed class BrokerConfigProcessor(BrokerContext broker, BrokerConfigTable config) : IRequestProcessor
{
    public ValueTask<RemotingCommand?> ProcessAsync(RequestContext context, RemotingCommand request, CancellationToken cancellationToken)
    {
        if (request.Code == RequestCode.GetBrokerConfig)
        {
            var response = BrokerResponses.Success(new GetBrokerConfigResponseHeader(config.DataVersion.ToJson(FjFormat.Legacy)), Encoding.UTF8.GetBytes(config.Format()));
            return ValueTask.FromResult<RemotingCommand?>(response);
        }

        var text = Encoding.UTF8.GetString(request.Body.Span);
        var changes = JavaProperties.Parse(text).ToDictionary();
        var problems = config.Update(changes);
        if (problems.Count > 0)
        {
            return ValueTask.FromResult<RemotingCommand?>(BrokerResponses.Error(ResponseCode.SystemError, "update broker config failed: " + string.Join("; ", problems)));
        }

        if (changes.TryGetValue(BrokerConfigKeys.BrokerPermission, out var permText)
            && int.TryParse(permText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var perm))
        {
            broker.State.BrokerPermission = perm;
            broker.Topics.BumpDataVersion();
            broker.RegisterBrokerAll();
        }

        return ValueTask.FromResult<RemotingCommand?>(BrokerResponses.Success());
    }
}
