using Rmq.Client.Admin.Models;
using Rmq.Client.Protocol;
using Rmq.Remoting.Protocol.Bodies;
using Rmq.Remoting.Transport;

namespace Rmq.Client.Admin;

public sealed partial class AdminClient
{
    /// <summary>
    /// <c>consumerProgress</c> without a group: every group that has a %RETRY% topic, with its connections
    /// (count, lowest client version, PUSH/PULL, model) and consume stats; sorted by client count, then lag, descending.
    /// </summary>
    public async Task<IReadOnlyList<ConsumerGroupOverview>> ConsumerGroupsOverviewAsync(CancellationToken cancellationToken = default)
    {
        var topics = await NameServer.GetAllTopicListAsync(cancellationToken).ConfigureAwait(false);
        var rows = new List<ConsumerGroupOverview>();
        foreach (var topic in topics.Topics.Where(t => t.StartsWith("%RETRY%", StringComparison.Ordinal)))
        {
            var group = topic["%RETRY%".Length..];
            ConsumerProgress? progress = null;
            ConsumerConnection? connection = null;
            try
            {
                progress = await ConsumerProgressAsync(group, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is MQClientException or RemotingException)
            {
                _logger.Debug(e, "No consume stats for {Group}", group);
            }

            try
            {
                connection = await ConsumerConnectionAsync(group, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is MQClientException or RemotingException)
            {
                _logger.Debug(e, "No connection for {Group}", group);
            }

            var count = connection?.ConnectionSet.Count ?? 0;
            rows.Add(new ConsumerGroupOverview(
                group,
                count,
                count > 0 ? connection!.ConnectionSet.Min(c => c.Version) : null,
                count > 0 ? connection!.ConsumeType == ConsumeType.CONSUME_ACTIVELY ? "PULL" : "PUSH" : null,
                count > 0 ? connection!.MessageModel?.ToString() : null,
                progress?.ConsumeTps ?? 0,
                progress?.TotalDiff ?? 0));
        }

        return rows.OrderByDescending(r => r.Count).ThenByDescending(r => r.DiffTotal).ToList();
    }
}
