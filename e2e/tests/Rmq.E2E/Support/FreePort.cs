using System.Net;
using System.Net.Sockets;

namespace Rmq.E2E.Support;

/// <summary>Picks TCP ports on 127.0.0.1 that nothing listens on (for processes that need a fixed port in a config file).</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A port p with p-2 .. p+1 free too (a broker uses listenPort-2, listenPort and listenPort+1).</summary>
    public static int NextBrokerPort()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var port = Next();
            if (port > 1026 && port < 65534 && new[] { port - 2, port - 1, port + 1 }.All(IsFree))
            {
                return port;
            }
        }

        throw new InvalidOperationException("no free block of broker ports found");
    }

    /// <summary>A base port b with b-2 .. b+span-1 all free (for several brokers 10 apart from b).</summary>
    public static int NextBlock(int span)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var port = Random.Shared.Next(20000, 60000 - span);
            if (Enumerable.Range(port - 2, span + 2).All(IsFree))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"no free block of {span} ports found");
    }

    public static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
