using System.Management.Automation;
using System.Text;
using Rmq.Client.Messages;
using Rmq.Client.Producer;
using Rmq.PowerShell.Infrastructure;
using Rmq.PowerShell.Models;

namespace Rmq.PowerShell.Cmdlets;

/// <summary>
/// Send-RmqMessage: sends messages with a producer (one per name-server list, started on first use and
/// shut down at the end of the pipeline). Bodies can come from the pipeline. A failed send is a
/// non-terminating Rmq.SendFailed (or Rmq.TopicNotFound) error.
/// </summary>
[Cmdlet(VerbsCommunications.Send, "RmqMessage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(RmqSendResult))]
public sealed class SendRmqMessageCommand : RmqNameServerCmdlet
{
    private readonly Dictionary<string, Producer> _producers = new(StringComparer.Ordinal);

    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true, HelpMessage = "The topic.")]
    public string Topic { get; set; } = "";

    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, HelpMessage = "The message body (sent as UTF-8).")]
    [Alias("Message")]
    [AllowEmptyString]
    public string Body { get; set; } = "";

    [Parameter(ValueFromPipelineByPropertyName = true, HelpMessage = "The message tag.")]
    [Alias("Tags")]
    public string? Tag { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true, HelpMessage = "Message keys (indexed, for Get-message-by-key queries).")]
    [Alias("Keys")]
    public string[]? Key { get; set; }

    [Parameter(HelpMessage = "The producer group; default RMQ_PWSH_PRODUCER.")]
    public string ProducerGroup { get; set; } = "RMQ_PWSH_PRODUCER";

    [Parameter(HelpMessage = "How often the producer re-reads topic routes (pollNameServerInterval); seconds or a TimeSpan; default 30 s.")]
    [Seconds]
    public TimeSpan RouteRefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    protected override void ProcessRecord()
    {
        if (!ShouldProcess($"topic '{Topic}' via {NameServerText}", "Send message"))
        {
            return;
        }

        var nameServers = NameServerText;
        var message = new Message(Topic, Encoding.UTF8.GetBytes(Body), Tag, Key is { Length: > 0 } ? string.Join(' ', Key) : null);
        Rmq.Client.Broker.SendResult result;
        try
        {
            var producer = ProducerFor(nameServers);
            result = Run(ct => producer.SendAsync(message, cancellationToken: ct));
        }
        catch (Exception e) when (e is not PipelineStoppedException)
        {
            WriteTargetError(e, RmqErrors.IsTopicNotFound(e) ? RmqErrors.TopicNotFound : RmqErrors.SendFailed, Topic);
            return;
        }

        WriteObject(new RmqSendResult
        {
            NameServer = nameServers,
            Topic = Topic,
            BrokerName = result.MessageQueue.BrokerName,
            QueueId = result.MessageQueue.QueueId,
            QueueOffset = result.QueueOffset,
            Status = result.SendStatus.ToString(),
            MsgId = result.MsgId,
            OffsetMsgId = result.OffsetMsgId,
        });
    }

    protected override void EndProcessing() => ShutDown();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            ShutDown();
        }

        base.Dispose(disposing);
    }

    private Producer ProducerFor(string nameServers)
    {
        if (!_producers.TryGetValue(nameServers, out var producer))
        {
            producer = new Producer(new ProducerOptions { ProducerGroup = ProducerGroup, NameServerAddress = nameServers, InstanceName = $"pwsh-{Environment.ProcessId}-{Guid.NewGuid():n}", PollNameServerInterval = RouteRefreshInterval });
            Run(producer.StartAsync);
            _producers[nameServers] = producer;
        }

        return producer;
    }

    private void ShutDown()
    {
        foreach (var producer in _producers.Values)
        {
            producer.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(10));
        }

        _producers.Clear();
    }
}
