using System.Diagnostics;
using System.Globalization;
using System.Text;
using Xunit.Abstractions;

namespace Rmq.Store.Tests;

/// <summary>Kills a child process (SIGKILL) mid-stream and checks what it acknowledged after recovery.</summary>
public sealed class CrashTests(ITestOutputHelper output)
{
    private const int FileSize = 256 * 1024;

    [Fact]
    public async Task Sync_flush_every_acknowledged_message_survives_a_kill()
    {
        var (acks, store, t) = await RunAndKillAsync(FlushDiskType.SYNC_FLUSH, killAfterAcks: 1500);
        await using var _ = t;

        var lost = Verify(acks, store);

        output.WriteLine($"SYNC_FLUSH: {acks.Count} acknowledged, {lost} lost, commit log end {store.MaxPhyOffset}.");
        Assert.Equal(0, lost);
        Assert.True(store.RecoveredFromCrash);
        RecoveryTests.AssertQueuesAgreeWithCommitLog(store, "CrashTopic", 4);
    }

    [Fact]
    public async Task Async_flush_reports_how_many_acknowledged_messages_were_lost()
    {
        var (acks, store, t) = await RunAndKillAsync(FlushDiskType.ASYNC_FLUSH, killAfterAcks: 5000);
        await using var _ = t;

        var lost = Verify(acks, store);

        output.WriteLine($"ASYNC_FLUSH: {acks.Count} acknowledged, {lost} lost after SIGKILL.");
        output.WriteLine("Note: SIGKILL of a process does not drop the OS page cache, so unflushed but written pages survive; only a power loss or kernel crash would lose the unflushed tail.");
        RecoveryTests.AssertQueuesAgreeWithCommitLog(store, "CrashTopic", 4);
    }

    private static int Verify(List<Ack> acks, MessageStore store)
    {
        var lost = 0;
        foreach (var ack in acks)
        {
            var msg = store.LookMessageByOffset(ack.Offset);
            if (msg is null || msg.StoreSize != ack.Size)
            {
                lost++;
                continue;
            }

            Assert.Equal(CrashBodyFor(ack.Id), Encoding.UTF8.GetString(msg.Body));
            Assert.Equal((ack.QueueId, ack.QueueOffset), (msg.QueueId, msg.QueueOffset));
            Assert.Equal(ack.Offset, store.GetCommitLogOffsetInQueue("CrashTopic", ack.QueueId, ack.QueueOffset));
            if (ack.QueueOffset % 25 == 0)
            {
                var byKey = store.QueryMessage("CrashTopic", ack.Id, 32, 0, long.MaxValue).Messages;
                Assert.Equal(ack.Offset, Assert.Single(byKey).CommitLogOffset);
            }
        }

        return lost;
    }

    private static async Task<(List<Ack> Acks, MessageStore Store, TestStore Test)> RunAndKillAsync(FlushDiskType flush, int killAfterAcks)
    {
        var t = new TestStore(o => o with { MappedFileSizeCommitLog = FileSize, MappedFileSizeConsumeQueue = 1000 * 20, MaxIndexNum = 40_000 });
        try
        {
            return (await RunAndKillAsync(t, flush, killAfterAcks), t.Store!, t);
        }
        catch
        {
            await t.DisposeAsync();
            throw;
        }
    }

    private static async Task<List<Ack>> RunAndKillAsync(TestStore t, FlushDiskType flush, int killAfterAcks)
    {
        var childDll = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "Rmq.Store.CrashChild", "bin",
            new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name, "net10.0", "Rmq.Store.CrashChild.dll"));
        Assert.True(File.Exists(childDll), $"child program not built: {childDll}");
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { childDll, t.Root, flush.ToString(), FileSize.ToString(CultureInfo.InvariantCulture), "16" })
        {
            psi.ArgumentList.Add(arg);
        }

        var acks = new List<Ack>();
        using var process = Process.Start(psi)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var deadline = Environment.TickCount64 + 60_000;
        while (acks.Count < killAfterAcks && Environment.TickCount64 < deadline)
        {
            var line = await process.StandardOutput.ReadLineAsync();
            if (line is null)
            {
                break;
            }

            if (Ack.TryParse(line, out var ack))
            {
                acks.Add(ack);
            }
        }

        process.Kill(entireProcessTree: true);
        // Lines the child wrote before it died were acknowledged too.
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (Ack.TryParse(line, out var ack))
            {
                acks.Add(ack);
            }
        }

        await process.WaitForExitAsync();
        Assert.True(acks.Count >= killAfterAcks, $"child acknowledged only {acks.Count}: {await stderr}");
        Assert.True(File.Exists(Path.Combine(t.Root, "abort")));
        await t.StartAsync();
        return acks;
    }

    private static string CrashBodyFor(string id) => id + ":" + string.Concat(Enumerable.Repeat(id, 20));

    private readonly record struct Ack(long Offset, int Size, int QueueId, long QueueOffset, string Id)
    {
        public static bool TryParse(string line, out Ack ack)
        {
            ack = default;
            var parts = line.Split(' ');
            if (parts.Length != 5)
            {
                return false;
            }

            ack = new Ack(
                long.Parse(parts[0], CultureInfo.InvariantCulture),
                int.Parse(parts[1], CultureInfo.InvariantCulture),
                int.Parse(parts[2], CultureInfo.InvariantCulture),
                long.Parse(parts[3], CultureInfo.InvariantCulture),
                parts[4]);
            return true;
        }
    }
}
