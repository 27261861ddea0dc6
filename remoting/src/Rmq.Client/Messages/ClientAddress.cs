using System.Buffers.Binary;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace Rmq.Client.Messages;

/// <summary>The client's own address, as RocketMQ's clients pick it (first non-loopback IPv4, else 127.0.0.1).</summary>
public static class ClientAddress
{
    private static readonly Lazy<IPAddress> Local = new(FindLocalIPv4);

    public static IPAddress LocalIPv4() => Local.Value;

    private static IPAddress FindLocalIPv4()
    {
        try
        {
            IPAddress? privateAddress = null;
            foreach (var nic in NetworkInterface.GetAllNetworkInterfaces())
            {
                if (nic.OperationalStatus != OperationalStatus.Up || nic.NetworkInterfaceType == NetworkInterfaceType.Loopback)
                {
                    continue;
                }

                foreach (var unicast in nic.GetIPProperties().UnicastAddresses)
                {
                    var address = unicast.Address;
                    if (address.AddressFamily != AddressFamily.InterNetwork || IPAddress.IsLoopback(address))
                    {
                        continue;
                    }

                    var b = address.GetAddressBytes();
                    var isPrivate = b[0] == 10 || (b[0] == 172 && b[1] is >= 16 and <= 31) || (b[0] == 192 && b[1] == 168);
                    if (!isPrivate)
                    {
                        return address;
                    }

                    privateAddress ??= address;
                }
            }

            return privateAddress ?? IPAddress.Loopback;
        }
        catch (NetworkInformationException)
        {
            return IPAddress.Loopback;
        }
    }
}
