using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Rmq.Store;

namespace Rmq.Ha.Tests;

/// <summary>The HA wire format seen from a raw socket on the other side (ha-and-flush.md §3).</summary>
public sealed class ProtocolTests
{
    [Fact]
    public async Task The_master_streams_big_endian_frames_from_the_reported_offset_then_idle_heartbeats_and_closes_a_silent_slave()
    {
        await using var cluster = await HaCluster.StartAsync();
        await cluster.PutAsync(100);
        var max = cluster.Master.MaxPhyOffset;
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, cluster.Ha.LocalEndPoint!.Port);
        using var stream = new NetworkStream(socket);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        // A slave reporting offset 100 receives the commit log from byte 100, in frames of at most haTransferBatchSize
        var report = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(report, 100);
        await stream.WriteAsync(report, cts.Token);
        var header = new byte[12];
        var offset = 100L;
        while (offset < max)
        {
            await stream.ReadExactlyAsync(header, cts.Token);
            Assert.Equal(offset, BinaryPrimitives.ReadInt64BigEndian(header));
            var size = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(8));
            Assert.InRange(size, 1, cluster.Options.HaTransferBatchSize);
            var body = new byte[size];
            await stream.ReadExactlyAsync(body, cts.Token);
            using (var expected = cluster.Master.GetCommitLogData(offset)!)
            {
                Assert.True(expected.Span[..size].SequenceEqual(body));
            }

            offset += size;

            // Report like a slave after each frame (keeps the connection alive on a slow machine)
            BinaryPrimitives.WriteInt64BigEndian(report, 100);
            await stream.WriteAsync(report, cts.Token);
        }

        // Idle: a heartbeat header with the next offset and body size 0
        await stream.ReadExactlyAsync(header, cts.Token);
        Assert.Equal(max, BinaryPrimitives.ReadInt64BigEndian(header));
        Assert.Equal(0, BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(8)));

        // The last complete report is this connection's ack (a partial one is kept for later)
        BinaryPrimitives.WriteInt64BigEndian(report, max);
        await stream.WriteAsync(report.AsMemory(0, 5), cts.Token);
        await stream.WriteAsync(report.AsMemory(5), cts.Token);
        await Poll.AssertAsync(() => cluster.Ha.PushedToSlaveOffset == max, "ack not taken");
        Assert.Equal(max, Assert.Single(cluster.Ha.GetStatus().Slaves).AckOffset);

        // Silent for longer than haHousekeepingInterval: the master closes the connection
        var buffer = new byte[64];
        while (await stream.ReadAsync(buffer, cts.Token) > 0)
        {
            // heartbeats until the master gives up on us
        }

        await Poll.AssertAsync(() => cluster.Ha.GetStatus().Slaves.Count == 0, "master kept the silent slave");
    }

    [Fact]
    public async Task The_slave_reports_its_max_offset_and_closes_on_an_offset_mismatch()
    {
        await using var slaveStore = new TestStore(BrokerRole.SLAVE);
        var store = await slaveStore.StartAsync();
        using var fakeMaster = new TcpListener(IPAddress.Loopback, 0);
        fakeMaster.Start();
        var address = $"127.0.0.1:{((IPEndPoint)fakeMaster.LocalEndpoint).Port}";
        await using var client = new HaClient(store, HaCluster.FastOptions with { HaMasterAddress = address });
        await client.StartAsync(CancellationToken.None);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        using var socket = await fakeMaster.AcceptSocketAsync(cts.Token);
        using var stream = new NetworkStream(socket);
        var report = new byte[8];
        await stream.ReadExactlyAsync(report, cts.Token);
        Assert.Equal(0, BinaryPrimitives.ReadInt64BigEndian(report));

        // An empty slave accepts data at any offset (it joins mid-log), appends it and reports the new end
        var record = await RecordAsync();
        var frame = new byte[12 + record.Length];
        BinaryPrimitives.WriteInt64BigEndian(frame, 5 * TestStore.FileSize);
        BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(8), record.Length);
        record.CopyTo(frame, 12);
        await stream.WriteAsync(frame, cts.Token);
        await stream.ReadExactlyAsync(report, cts.Token);
        var end = 5L * TestStore.FileSize + record.Length;
        Assert.Equal(end, BinaryPrimitives.ReadInt64BigEndian(report));
        Assert.Equal(end, store.MaxPhyOffset);

        // A frame for any other offset makes it close the connection without appending
        BinaryPrimitives.WriteInt64BigEndian(frame, end + 1);
        await stream.WriteAsync(frame, cts.Token);
        var buffer = new byte[64];
        while (await stream.ReadAsync(buffer, cts.Token) > 0)
        {
            // reports until the slave hangs up
        }

        Assert.Equal(end, store.MaxPhyOffset);
        var problem = client.GetStatus().Problem;
        Assert.NotNull(problem);
        Assert.Equal(HaProblemKind.OffsetMismatch, problem.Kind);
        Assert.Equal(end + 1, problem.MasterOffset);
        Assert.Equal(end, problem.SlaveOffset);
    }

    /// <summary>One real commit-log record, as a master would hold it.</summary>
    private static async Task<byte[]> RecordAsync()
    {
        await using var master = new TestStore(BrokerRole.ASYNC_MASTER);
        var store = await master.StartAsync();
        var r = await store.PutMessageAsync(TestStore.Message("TopicHA", 0, "raw"), CancellationToken.None);
        return store.GetMessageRecord(r.WroteOffset)!;
    }
}
