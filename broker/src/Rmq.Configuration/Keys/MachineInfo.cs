using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace Rmq.Configuration;

/// <summary>
/// The facts RocketMQ's machine-dependent defaults are computed from (host name, processor count, home
/// folder, auto-detected address, NAMESRV_ADDR / ROCKETMQ_HOME). Pass a fixed instance in tests.
/// </summary>
public sealed record MachineInfo(
    string HostName,
    int ProcessorCount,
    string HomeDirectory,
    string LocalAddress,
    string? NamesrvAddrEnvironment,
    string? RocketmqHomeEnvironment)
{
    private static readonly Lazy<MachineInfo> s_current = new(Detect);

    /// <summary>This machine, detected once.</summary>
    public static MachineInfo Current => s_current.Value;

    private static MachineInfo Detect() => new(
        Environment.MachineName,
        Environment.ProcessorCount,
        Environment.GetFolderPath(Environment.SpecialFolder.UserProfile),
        DetectLocalAddress(),
        Environment.GetEnvironmentVariable("NAMESRV_ADDR"),
        Environment.GetEnvironmentVariable("ROCKETMQ_HOME"));

    /// <summary>As RocketMQ does: a non-loopback IPv4 address of an interface that is up, else IPv6, else 127.0.0.1.</summary>
    public static string DetectLocalAddress()
    {
        try
        {
            var addresses = NetworkInterface.GetAllNetworkInterfaces()
                .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
                .SelectMany(n => n.GetIPProperties().UnicastAddresses)
                .Select(a => a.Address)
                .Where(a => !System.Net.IPAddress.IsLoopback(a))
                .ToList();
            var v4 = addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork);
            var v6 = addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetworkV6 && !a.IsIPv6LinkLocal);
            return (v4 ?? v6)?.ToString() ?? "127.0.0.1";
        }
        catch (NetworkInformationException)
        {
            return "127.0.0.1";
        }
    }
}
