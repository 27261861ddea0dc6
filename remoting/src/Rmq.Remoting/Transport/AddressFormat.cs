using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Rmq.Remoting.Transport;

/// <summary>"ip:port" as RocketMQ prints addresses, and the reverse for the client.</summary>
internal static class AddressFormat
{
    public static string? Format(EndPoint? endPoint) => endPoint switch
    {
        IPEndPoint ip => Format(ip),
        DnsEndPoint dns => dns.Host + ":" + dns.Port.ToString(CultureInfo.InvariantCulture),
        null => null,
        _ => endPoint.ToString(),
    };

    public static string Format(IPEndPoint endPoint)
    {
        var address = endPoint.Address.IsIPv4MappedToIPv6 ? endPoint.Address.MapToIPv4() : endPoint.Address;
        return address.ToString() + ":" + endPoint.Port.ToString(CultureInfo.InvariantCulture);
    }

    public static IPEndPoint Normalize(IPEndPoint endPoint) =>
        endPoint.Address.IsIPv4MappedToIPv6 ? new IPEndPoint(endPoint.Address.MapToIPv4(), endPoint.Port) : endPoint;

    /// <summary>Parses "host:port" (or "[v6]:port"); resolves a host name.</summary>
    public static async Task<IPEndPoint> ResolveAsync(string address, CancellationToken cancellationToken)
    {
        var colon = address.LastIndexOf(':');
        if (colon <= 0 || colon == address.Length - 1 ||
            !int.TryParse(address.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            throw new RemotingConnectException($"invalid address '{address}', expected host:port");
        }

        var host = address[..colon].Trim('[', ']');
        if (IPAddress.TryParse(host, out var ip))
        {
            return new IPEndPoint(ip, port);
        }

        IPAddress[] addresses;
        try
        {
            addresses = await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            throw new RemotingConnectException($"cannot resolve '{host}' in address '{address}'", e);
        }

        var chosen = addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses.FirstOrDefault()
            ?? throw new RemotingConnectException($"'{host}' in address '{address}' resolves to nothing");
        return new IPEndPoint(chosen, port);
    }
}
