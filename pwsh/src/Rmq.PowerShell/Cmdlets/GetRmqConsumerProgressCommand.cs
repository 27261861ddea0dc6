using System.Management.Automation;
using Rmq.PowerShell.Infrastructure;
using Rmq.PowerShell.Models;

namespace Rmq.PowerShell.Cmdlets;

/// <summary>Get-RmqConsumerProgress: per queue, the broker offset, the group's committed offset and the lag (mqadmin consumerProgress).</summary>
[Cmdlet(VerbsCommon.Get, "RmqConsumerProgress")]
[OutputType(typeof(RmqConsumerProgress))]
public sealed class GetRmqConsumerProgressCommand : RmqNameServerCmdlet
{
    private readonly HashSet<(string, string, string?)> _done = [];

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, HelpMessage = "Consumer group names.")]
    [Alias("ConsumerGroup")]
    public string[] Group { get; set; } = [];

    [Parameter(ValueFromPipelineByPropertyName = true, HelpMessage = "Only this topic.")]
    public string? Topic { get; set; }

    protected override void ProcessRecord()
    {
        var addresses = NameServers;
        foreach (var group in Group)
        {
            if (!_done.Add((NameServerText, group, Topic)))
            {
                continue;   // one object per broker of the same group piped in
            }

            Rmq.Client.Admin.Models.ConsumerProgress progress;
            try
            {
                progress = Run(async ct =>
                {
                    await using var admin = RmqSession.Admin(addresses);
                    return await admin.ConsumerProgressAsync(group, Topic, ct).ConfigureAwait(false);
                });
            }
            catch (Exception e) when (e is not PipelineStoppedException)
            {
                var id = RmqErrors.IsTopicNotFound(e) ? RmqErrors.ConsumerGroupNotFound : RmqErrors.ForNameServer(e);
                WriteTargetError(e, id, group);
                continue;
            }

            foreach (var row in progress.Rows)
            {
                WriteObject(new RmqConsumerProgress
                {
                    NameServer = NameServerText,
                    BrokerName = row.BrokerName,
                    Group = group,
                    Topic = row.Topic,
                    QueueId = row.QueueId,
                    BrokerOffset = row.BrokerOffset,
                    ConsumerOffset = row.ConsumerOffset,
                    Diff = row.Diff,
                    LastConsumed = row.LastTimestamp > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(row.LastTimestamp) : null,
                });
            }
        }
    }
}
