using System.Globalization;

namespace Rmq.Cli.Commands.Admin;

/// <summary>MQVersion.getVersionDesc: from V4_0_0_SNAPSHOT (ordinal 212) on, the enum runs patch by patch, a SNAPSHOT then the release.</summary>
internal static class MQVersionText
{
    private const int V4_0_0_Snapshot = 212;

    public static string Describe(int ordinal)
    {
        if (ordinal < V4_0_0_Snapshot)
        {
            return "V" + ordinal.ToString(CultureInfo.InvariantCulture);
        }

        var n = (ordinal - V4_0_0_Snapshot) / 2;
        var text = string.Create(CultureInfo.InvariantCulture, $"V{4 + (n / 100)}_{n / 10 % 10}_{n % 10}");
        return (ordinal - V4_0_0_Snapshot) % 2 == 0 ? text + "_SNAPSHOT" : text;
    }
}
