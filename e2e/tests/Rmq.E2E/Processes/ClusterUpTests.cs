using System.Text;
using System.Text.Json;
using Rmq.Client.Broker;
using Rmq.Client.Consumer;
using Rmq.Client.Messages;
using Rmq.Client.Producer;
using Rmq.E2E.Support;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;
using Rmq.Remoting.Transport;

namespace Rmq.E2E.Processes;

/// <summary>The README's main job: `rmq cluster up 2m-2s-sync` brings up a whole cluster on this machine.</summary>
public class ClusterUpTests
{
    [Fact]
    public async Task Cluster_up_2m_2s_sync_serves_a_message_and_Ctrl_C_leaves_no_process_behind()
    {
        using var dir = new TempDir("rmq-cluster");
        var namesrvPort = FreePort.Next();
        var basePort = FreePort.NextBlock(40);
        var namesrv = $"127.0.0.1:{namesrvPort}";

        // Given `rmq cluster up 2m-2s-sync` running
        await using var up = RmqProcess.Start(dir.File("up-logs"), "cluster", "up", "2m-2s-sync",
            "--data", dir.File("data"), "--namesrv-port", namesrvPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--base-port", basePort.ToString(System.Globalization.CultureInfo.InvariantCulture));

        // Then the name server lists both masters and both slaves
        await using var remoting = new RemotingClient(new RemotingClientOptions());
        ClusterInfo? info = null;
        var listed = await Eventually.TrueAsync(async () =>
        {
            var response = await remoting.InvokeAsync(namesrv, RemotingCommand.CreateRequest(RequestCode.GetBrokerClusterInfo), TimeSpan.FromSeconds(2));
            info = JsonBody.Decode<ClusterInfo>(response.Body.Span);
            return info.BrokerAddrTable.Values.Sum(b => b.BrokerAddrs.Count) == 4 && File.Exists(dir.File("data/cluster.json"));
        }, TimeSpan.FromSeconds(90));
        Assert.True(listed, $"cluster not up:\n{up.StandardOutput}\n{up.StandardError}");
        Assert.Equal(["broker-a", "broker-b"], info!.BrokerAddrTable.Keys.Order(StringComparer.Ordinal));
        Assert.All(info.BrokerAddrTable.Values, b => Assert.Equal([0L, 1L], b.BrokerAddrs.Keys));

        // And a message sent through it is consumed
        await using var producer = new Producer(new ProducerOptions { ProducerGroup = "cluster-up-test", NameServerAddress = namesrv });
        await producer.StartAsync();
        // (SYNC_MASTER: SEND_OK only once the slave replicates; a slave learns its master from its next registration)
        SendResult sent = null!;
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            sent = await producer.SendAsync(new Message("ClusterUpTopic", Encoding.UTF8.GetBytes("hello cluster"), tags: "TagA"));
            return sent.SendStatus == SendStatus.SEND_OK;
        }, TimeSpan.FromSeconds(40), TimeSpan.FromMilliseconds(500)), $"no SEND_OK from the 2m-2s-sync cluster: last {sent?.SendStatus}");
        await using var consumer = new PullConsumer(new PullConsumerOptions { NameServerAddress = namesrv });
        await consumer.StartAsync();
        var pulled = await consumer.PullAsync(sent!.MessageQueue, "*", sent.QueueOffset, 32);
        var message = Assert.Single(pulled.Messages);
        Assert.Equal("hello cluster", Encoding.UTF8.GetString(message.Body));
        Assert.Equal(sent.OffsetMsgId, message.OffsetMsgId);

        // When it is stopped like Ctrl+C (SIGTERM), every process it started is gone
        using var state = JsonDocument.Parse(await File.ReadAllTextAsync(dir.File("data/cluster.json")));
        var pids = state.RootElement.GetProperty("brokers").EnumerateArray().Select(b => b.GetProperty("pid").GetInt32())
            .Append(state.RootElement.GetProperty("namesrvPid").GetInt32()).ToList();
        Assert.Equal(5, pids.Count);
        Assert.Equal(0, await up.StopAsync(TimeSpan.FromSeconds(60)));
        Assert.All(pids, pid => Assert.False(IsRunning(pid), $"pid {pid} still runs"));
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
