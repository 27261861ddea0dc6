namespace Rmq.Configuration;

/// <summary>The command-line names of <see cref="DeploymentMode"/>.</summary>
public static class DeploymentModes
{
    private static readonly (string Name, DeploymentMode Mode)[] s_names =
    [
        ("single", DeploymentMode.Single),
        ("2m-noslave", DeploymentMode.MultiMasterNoSlave),
        ("2m-2s-async", DeploymentMode.MultiMasterSlaveAsync),
        ("2m-2s-sync", DeploymentMode.MultiMasterSlaveSync),
        ("namesrv", DeploymentMode.Namesrv),
    ];

    public static IReadOnlyList<string> Names { get; } = s_names.Select(n => n.Name).ToArray();

    public static string NameOf(DeploymentMode mode) => s_names.First(n => n.Mode == mode).Name;

    public static bool TryParse(string name, out DeploymentMode mode)
    {
        foreach (var (n, m) in s_names)
        {
            if (string.Equals(n, name, StringComparison.OrdinalIgnoreCase))
            {
                mode = m;
                return true;
            }
        }

        mode = default;
        return false;
    }
}
