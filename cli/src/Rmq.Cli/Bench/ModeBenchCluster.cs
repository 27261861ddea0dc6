using System.Globalization;
using Rmq.Cli.LocalCluster;
using Rmq.Client.Admin;
using Rmq.Client.Broker;
using Rmq.Client.Messages;
using Rmq.Client.Producer;
using Rmq.Configuration;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Cli.Bench;

/// <summary>
/// One deployment mode under test: its name server and brokers as child <c>rmq</c> processes on 127.0.0.1 (through
/// <see cref="LocalClusterRunner"/>, stopped by PID), the bench topic on its master, and a started producer.
/// </summary>
public sealed class ModeBenchCluster : IAsyncDisposable
{
    public const string Topic = "BenchModes";
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);
    private readonly LocalClusterRunner _runner;
    private readonly string _dataDir;
    private Producer? _producer;

    private ModeBenchCluster(BenchModeVariant variant, LocalClusterRunner runner, string dataDir, string namesrvAddress)
    {
        Variant = variant;
        _runner = runner;
        _dataDir = dataDir;
        NamesrvAddress = namesrvAddress;
    }

    public BenchModeVariant Variant { get; }

    public string NamesrvAddress { get; }

    /// <summary>Starts the cluster, creates the topic (8 queues on the master) and waits until a send succeeds.</summary>
    public static async Task<ModeBenchCluster> StartAsync(BenchModeVariant variant, string dataDir, int namesrvPort, int basePort, IReadOnlyList<string> brokerProperties, TextWriter progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(variant);
        ArgumentNullException.ThrowIfNull(brokerProperties);
        var namesrv = "127.0.0.1:" + namesrvPort.ToString(CultureInfo.InvariantCulture);
        var staging = Path.Combine(dataDir, "scaffold");
        Directory.CreateDirectory(staging);
        foreach (var file in ClusterConfigScaffolder.Generate(variant.ScaffoldOptions(namesrv, Path.Combine(dataDir, "store"))))
        {
            var content = brokerProperties.Count == 0 ? file.Content : file.Content.TrimEnd('\n') + "\n" + string.Join('\n', brokerProperties) + "\n";
            await File.WriteAllTextAsync(Path.Combine(staging, Path.GetFileName(file.RelativePath)), content, JavaProperties.FileEncoding, cancellationToken).ConfigureAwait(false);
        }

        var plan = LocalClusterPlanner.FromConfFolder(staging, dataDir, namesrvPort, basePort);
        var runner = new LocalClusterRunner(plan, progress);
        var cluster = new ModeBenchCluster(variant, runner, dataDir, namesrv);
        try
        {
            await runner.StartAsync(ReadyTimeout, cancellationToken).ConfigureAwait(false);
            var master = plan.Brokers.First(b => b.BrokerId == 0);
            await using (var admin = new AdminClient(namesrv))
            {
                await admin.Broker.CreateTopicAsync(master.Address, new TopicConfig { TopicName = Topic, ReadQueueNums = 8, WriteQueueNums = 8 }, cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            cluster._producer = new Producer(new ProducerOptions
            {
                ProducerGroup = "bench_modes_" + variant.Label,
                NameServerAddress = namesrv,
                InstanceName = "bench-modes-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "-" + variant.Label,
                CompressMsgBodyOverHowmuch = int.MaxValue,
            });
            await cluster._producer.StartAsync(cancellationToken).ConfigureAwait(false);
            await cluster.WaitUntilSendSucceedsAsync(cancellationToken).ConfigureAwait(false);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public Task<ProducerLoadResult> RunAsync(ProducerLoadOptions load, CancellationToken cancellationToken) =>
        ProducerLoad.RunAsync(_producer!, load with { Topic = Topic }, null, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_producer is not null)
        {
            await BoundedDispose.RunAsync(_producer).ConfigureAwait(false);
        }

        await _runner.DisposeAsync().ConfigureAwait(false);
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held; the folder is under the temp directory.
        }
    }

    /// <summary>A SYNC_MASTER answers SLAVE_NOT_AVAILABLE until its slave replicates: wait for a SEND_OK.</summary>
    private async Task WaitUntilSendSucceedsAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + ReadyTimeout;
        var probe = ProducerLoad.LetterBody(16);
        SendStatus? last = null;
        while (DateTime.UtcNow < deadline)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                var result = await _producer!.SendAsync(new Message(Topic, probe), cancellationToken: cancellationToken).ConfigureAwait(false);
                if (result.SendStatus == SendStatus.SEND_OK)
                {
                    return;
                }

                last = result.SendStatus;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // route not there yet
            }

            await Task.Delay(200, cancellationToken).ConfigureAwait(false);
        }

        throw new TimeoutException($"{Variant.Label}: no SEND_OK within {ReadyTimeout.TotalSeconds:0} s (last status {last})");
    }
}
