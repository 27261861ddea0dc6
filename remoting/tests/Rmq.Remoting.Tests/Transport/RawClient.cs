using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Rmq.Remoting.Protocol;

namespace Rmq.Remoting.Tests.Transport;

/// <summary>A plain socket speaking the wire format by hand, as a third-party client would.</summary>
internal sealed class RawClient : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };

    private RawClient()
    {
    }

    public static async Task<RawClient> ConnectAsync(IPEndPoint endPoint)
    {
        var client = new RawClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await client._socket.ConnectAsync(endPoint, timeout.Token);
        return client;
    }

    public async Task SendAsync(byte[] bytes) => await _socket.SendAsync(bytes, SocketFlags.None);

    public Task SendAsync(RemotingCommand command) => SendAsync(RemotingCommandCodec.Encode(command));

    /// <summary>Reads one whole frame (with its length prefix); throws on timeout or end of stream.</summary>
    public async Task<byte[]> ReadFrameAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        var prefix = new byte[4];
        await ReadExactlyAsync(prefix, cts.Token);
        var length = BinaryPrimitives.ReadInt32BigEndian(prefix);
        var frame = new byte[4 + length];
        prefix.CopyTo(frame, 0);
        await ReadExactlyAsync(frame.AsMemory(4), cts.Token);
        return frame;
    }

    /// <summary>True when the server closed the connection (read returned 0 or reset) within the timeout.</summary>
    public async Task<bool> WaitClosedAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                var read = await _socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token);
                if (read == 0)
                {
                    return true;
                }
            }
        }
        catch (SocketException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public void Dispose() => _socket.Dispose();

    private async Task ReadExactlyAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        while (!buffer.IsEmpty)
        {
            var read = await _socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);
            if (read == 0)
            {
                throw new EndOfStreamException("the server closed the connection");
            }

            buffer = buffer[read..];
        }
    }
}
