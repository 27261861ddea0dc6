using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Rmq.Store;

namespace Rmq.Store.Benchmarks;

/// <summary>
/// <c>--quick</c>: Stopwatch loops for the three paths, next to what <c>dd</c> measures on the same disk
/// (sequential buffered write bandwidth, single-writer synchronous write rate).
/// </summary>
internal static partial class QuickBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var messages = ArgValue(args, "--messages", 1_000_000);
        var syncSeconds = ArgValue(args, "--sync-seconds", 5);
        var appenders = ArgValue(args, "--appenders", 64);
        Directory.CreateDirectory(BenchStore.BaseDirectory);
        Console.WriteLine($"store directory: {BenchStore.BaseDirectory}, {Environment.ProcessorCount} cores");

        // Each measurement starts with a clean page cache (sync), so earlier dirty pages do not throttle it.
        Sync();
        // Same volume as the append run (about 1.1 KiB of record per 1 KiB body).
        var ddCount = Math.Max(256, (int)((long)messages * 1150 / (1 << 20)));
        var ddBandwidth = DdBandwidth("bs=1M", $"count={ddCount}");
        Sync();
        var ddSyncRate = 2000 / DdSeconds("bs=4k", "count=2000", "oflag=dsync");
        Console.WriteLine($"dd sequential buffered write: {ddBandwidth / 1e6:F0} MB/s");
        Console.WriteLine($"dd single-writer synchronous 4 KiB writes (oflag=dsync): {ddSyncRate:F0} /s");

        Sync();
        await using var asyncStore = await BenchStore.StartAsync(FlushDiskType.ASYNC_FLUSH);
        var (asyncRate, asyncBytes, threadAlloc, totalAlloc) = await AppendAsyncFlush(asyncStore.Store, messages);
        Console.WriteLine($"ASYNC_FLUSH append 1 KiB x {messages}: {asyncRate:F0} msgs/s, {asyncBytes / 1e6:F0} MB/s " +
            $"({100 * asyncBytes / ddBandwidth:F0}% of dd), allocated/msg: {threadAlloc:F1} B on the appending thread, {totalAlloc:F1} B process-wide");

        Sync();
        await using (var syncStore = await BenchStore.StartAsync(FlushDiskType.SYNC_FLUSH))
        {
            // One appender can go no faster than the disk's sync latency: if msync were not reaching the device this
            // figure would be far above the dd synchronous write rate.
            var (singleRate, _) = await AppendSyncFlush(syncStore.Store, 1, TimeSpan.FromSeconds(2));
            Console.WriteLine($"SYNC_FLUSH append 1 KiB, 1 appender: {singleRate:F0} msgs/s ({singleRate / ddSyncRate:F2}x the dd synchronous write rate)");
            var (syncRate, flushes) = await AppendSyncFlush(syncStore.Store, appenders, TimeSpan.FromSeconds(syncSeconds));
            Console.WriteLine($"SYNC_FLUSH append 1 KiB, {appenders} appenders: {syncRate:F0} msgs/s ({syncRate / ddSyncRate:F1}x the dd synchronous write rate), " +
                $"{flushes} flush rounds");
        }

        var readRate = ReadBatches(asyncStore.Store, Math.Min(messages, 200_000), TimeSpan.FromSeconds(3));
        Console.WriteLine($"GetMessage of 32 (page cache): {readRate:F0} msgs/s ({readRate / 32:F0} pulls/s)");
        return 0;
    }

    private static async Task<(double Rate, double BytesPerSecond, double ThreadAllocPerMsg, double TotalAllocPerMsg)> AppendAsyncFlush(MessageStore store, int count)
    {
        var message = BenchStore.Message(new byte[1024]);
        for (var i = 0; i < 10_000; i++)
        {
            await store.PutMessageAsync(message, CancellationToken.None); // warm-up
        }

        var start = store.MaxPhyOffset;
        var threadBefore = GC.GetAllocatedBytesForCurrentThread();
        var totalBefore = GC.GetTotalAllocatedBytes(precise: true);
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var result = store.PutMessageAsync(message, CancellationToken.None);
            if (!result.IsCompletedSuccessfully || result.Result.Status != PutMessageStatus.PUT_OK)
            {
                throw new InvalidOperationException($"append failed: {(await result).Status}");
            }
        }

        sw.Stop();
        var threadAlloc = GC.GetAllocatedBytesForCurrentThread() - threadBefore;
        var totalAlloc = GC.GetTotalAllocatedBytes(precise: true) - totalBefore;
        var bytes = store.MaxPhyOffset - start;
        return (count / sw.Elapsed.TotalSeconds, bytes / sw.Elapsed.TotalSeconds, (double)threadAlloc / count, (double)totalAlloc / count);
    }

    private static async Task<(double Rate, long Flushes)> AppendSyncFlush(MessageStore store, int appenders, TimeSpan duration)
    {
        var body = new byte[1024];
        var flushesBefore = store.CommitLogFlushCount;
        long total = 0;
        var sw = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, appenders).Select(a => Task.Run(async () =>
        {
            var message = BenchStore.Message(body, a % 8);
            long n = 0;
            while (sw.Elapsed < duration)
            {
                var r = await store.PutMessageAsync(message, CancellationToken.None);
                if (r.Status != PutMessageStatus.PUT_OK)
                {
                    throw new InvalidOperationException($"append failed: {r.Status}");
                }

                n++;
            }

            Interlocked.Add(ref total, n);
        })));
        sw.Stop();
        return (total / sw.Elapsed.TotalSeconds, store.CommitLogFlushCount - flushesBefore);
    }

    private static double ReadBatches(MessageStore store, int messages, TimeSpan duration)
    {
        while (store.DispatchBehindBytes > 0)
        {
            Thread.Sleep(10);
        }

        long read = 0;
        long offset = 0;
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed < duration)
        {
            var r = store.GetMessage("g", "BenchTopic", 0, offset, 32);
            read += r.MessageCount;
            offset = r.NextBeginOffset >= messages ? 0 : r.NextBeginOffset;
        }

        return read / sw.Elapsed.TotalSeconds;
    }

    private static void Sync()
    {
        using var p = Process.Start("sync");
        p.WaitForExit();
    }

    private static double DdBandwidth(params string[] args)
    {
        var seconds = DdSeconds(args);
        var bs = args[0] == "bs=1M" ? 1 << 20 : 4096;
        var count = int.Parse(args[1]["count=".Length..], CultureInfo.InvariantCulture);
        return (double)bs * count / seconds;
    }

    private static double DdSeconds(params string[] args)
    {
        var file = Path.Combine(BenchStore.BaseDirectory, "dd.test");
        var psi = new ProcessStartInfo("dd") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        psi.ArgumentList.Add("if=/dev/zero");
        psi.ArgumentList.Add($"of={file}");
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        File.Delete(file);
        var match = DdSecondsRegex().Match(stderr);
        if (!match.Success)
        {
            throw new InvalidOperationException($"cannot parse dd output: {stderr}");
        }

        Console.WriteLine($"  dd {string.Join(' ', args)}: {stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last()}");
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static int ArgValue(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    [GeneratedRegex(@"copied, ([0-9.]+) s")]
    private static partial Regex DdSecondsRegex();
}
