using System.Management.Automation;
using Rmq.Client.Protocol;
using Rmq.PowerShell.Infrastructure;
using Rmq.PowerShell.Models;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.PowerShell.Cmdlets;

/// <summary>
/// Get-RmqTopic: the topics the name servers know (the union over every one that answers), each with its
/// brokers, queue counts and permission. Retry, DLQ and system topics only with -IncludeSystem.
/// </summary>
[Cmdlet(VerbsCommon.Get, "RmqTopic")]
[OutputType(typeof(RmqTopic))]
public sealed class GetRmqTopicCommand : RmqNameServerCmdlet
{
    private static readonly HashSet<string> SystemTopics = new(StringComparer.Ordinal)
    {
        "TBW102", "SELF_TEST_TOPIC", "BenchmarkTest", "OFFSET_MOVED_EVENT", "SCHEDULE_TOPIC_XXXX", "RMQ_SYS_TRANS_HALF_TOPIC",
        "RMQ_SYS_TRACE_TOPIC", "RMQ_SYS_TRANS_OP_HALF_TOPIC", "TRANS_CHECK_MAX_TIME_TOPIC",
    };

    [Parameter(Position = 0, ValueFromPipelineByPropertyName = true, HelpMessage = "Topic names; wildcards allowed.")]
    [SupportsWildcards]
    [Alias("Name")]
    public string[]? Topic { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true, HelpMessage = "Only topics with queues on brokers of these clusters; wildcards allowed.")]
    [SupportsWildcards]
    [Alias("ClusterName")]
    public string[]? Cluster { get; set; }

    [Parameter(HelpMessage = "Include %RETRY%, %DLQ%, cluster/broker-name and other system topics.")]
    public SwitchParameter IncludeSystem { get; set; }

    protected override void ProcessRecord()
    {
        var addresses = NameServers;
        var lists = Run(ct => Task.WhenAll(addresses.Select(async address =>
        {
            try
            {
                await using var client = RmqSession.NameServer(address);
                var all = await client.GetAllTopicListAsync(ct).ConfigureAwait(false);
                var system = IncludeSystem ? new TopicList() : await client.GetSystemTopicListAsync(ct).ConfigureAwait(false);
                return (address, Topics: all.Topics.Except(system.Topics).ToArray(), Error: (Exception?)null);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return (address, Topics: (string[]?)null, Error: e);
            }
        })));

        var topics = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (address, list, error) in lists)
        {
            if (list is null)
            {
                WriteTargetError(error!, RmqErrors.ForNameServer(error!), address);
                continue;
            }

            topics.UnionWith(list.Where(t => Matches(t, Topic) && (IncludeSystem || !IsSystem(t))));
        }

        if (topics.Count == 0)
        {
            ReportMissing();
            return;
        }

        var routes = Run(async ct =>
        {
            await using var admin = RmqSession.Admin(addresses);
            return await Task.WhenAll(topics.Select(async t =>
            {
                try
                {
                    return (Topic: t, Route: await admin.TopicRouteAsync(t, ct).ConfigureAwait(false));
                }
                catch (Exception e) when (e is not OperationCanceledException && RmqErrors.IsTopicNotFound(e))
                {
                    return (Topic: t, Route: (TopicRouteData?)null);
                }
            })).ConfigureAwait(false);
        });

        var found = 0;
        foreach (var (topic, route) in routes)
        {
            var clusters = route?.BrokerDatas.Select(b => b.Cluster ?? "").Distinct().Order(StringComparer.Ordinal).ToArray() ?? [];
            if (Cluster is { Length: > 0 } && !clusters.Any(c => Matches(c, Cluster)))
            {
                continue;
            }

            var queues = route?.QueueDatas ?? [];
            found++;
            WriteObject(new RmqTopic
            {
                NameServer = NameServerText,
                Cluster = string.Join(',', clusters),
                Topic = topic,
                BrokerNames = queues.Select(q => q.BrokerName).Order(StringComparer.Ordinal).ToArray(),
                ReadQueueNums = queues.Sum(q => q.ReadQueueNums),
                WriteQueueNums = queues.Sum(q => q.WriteQueueNums),
                Permission = queues.Count == 0 ? "-" : Perm.Text(queues.Aggregate(PermName.ReadWrite, (p, q) => p & q.Perm)),
            });
        }

        if (found == 0)
        {
            ReportMissing();
        }
    }

    /// <summary>A topic asked for by name (no wildcard) that no name server has is an Rmq.TopicNotFound error.</summary>
    private void ReportMissing()
    {
        foreach (var name in Topic ?? [])
        {
            if (!WildcardPattern.ContainsWildcardCharacters(name))
            {
                WriteTargetError($"Topic '{name}' not found on {NameServerText}", RmqErrors.TopicNotFound, name, ErrorCategory.ObjectNotFound);
            }
        }
    }

    private static bool IsSystem(string topic) =>
        SystemTopics.Contains(topic) || topic.StartsWith(MixAllPrefixes.Retry, StringComparison.Ordinal) || topic.StartsWith(MixAllPrefixes.Dlq, StringComparison.Ordinal)
        || topic.StartsWith("rmq_sys_", StringComparison.OrdinalIgnoreCase) || topic.EndsWith("_REPLY_TOPIC", StringComparison.Ordinal);
}
