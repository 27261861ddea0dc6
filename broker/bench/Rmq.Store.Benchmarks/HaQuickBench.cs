using System.Diagnostics;
using System.Net;
using Rmq.Ha;
using Rmq.Store;

namespace Rmq.Store.Benchmarks;

/// <summary>
/// <c>--quick-ha</c>: SYNC_MASTER puts in one process, a master store and a slave store replicating over 127.0.0.1
/// (the real HA protocol, sockets and all), without the network front end: what the slave round trip costs a put,
/// at 1 appender (latency) and at N appenders (batching). Compare runs of this machine only.
/// </summary>
internal static class HaQuickBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = ArgValue(args, "--seconds", 5);
        var appenders = ArgValue(args, "--appenders", 64);
        var rounds = ArgValue(args, "--rounds", 3);
        var options = new HaOptions { HaListenAddress = IPAddress.Loopback, HaListenPort = 0 };
        await using var master = await BenchStore.StartAsync(FlushDiskType.ASYNC_FLUSH, 256 * 1024 * 1024, BrokerRole.SYNC_MASTER, ha: options);
        await using var slave = await BenchStore.StartAsync(FlushDiskType.ASYNC_FLUSH, 256 * 1024 * 1024, BrokerRole.SLAVE);
        await using var client = new HaClient(slave.Store, options with { HaMasterAddress = $"127.0.0.1:{master.Ha!.LocalEndPoint!.Port}" });
        await client.StartAsync(CancellationToken.None);
        var message = BenchStore.Message(new byte[1024]);
        while (master.Ha.ReplicatingSlaveCount == 0)
        {
            await Task.Delay(10);
        }

        await RunAppendersAsync(master.Store, message, 4, TimeSpan.FromSeconds(1)); // warm-up
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var n in new[] { 1, appenders })
            {
                var (rate, failed) = await RunAppendersAsync(master.Store, message, n, TimeSpan.FromSeconds(seconds));
                Console.WriteLine($"round {round}: SYNC_MASTER put 1 KiB, {n} appenders: {rate:F0} msgs/s, {1e6 * n / rate:F0} us per put, {failed} not PUT_OK");
            }
        }

        return 0;
    }

    private static async Task<(double Rate, long Failed)> RunAppendersAsync(MessageStore store, MessageToStore message, int appenders, TimeSpan duration)
    {
        long ok = 0, failed = 0;
        using var stop = new CancellationTokenSource(duration);
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, appenders).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var result = await store.PutMessageAsync(message, CancellationToken.None);
                if (result.Status == PutMessageStatus.PUT_OK)
                {
                    Interlocked.Increment(ref ok);
                }
                else
                {
                    Interlocked.Increment(ref failed);
                }
            }
        })));
        return (ok / Stopwatch.GetElapsedTime(started).TotalSeconds, failed);
    }

    private static int ArgValue(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var value) ? value : fallback;
    }
}
