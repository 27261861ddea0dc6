using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.PowerShell.Infrastructure;

internal static class Perm
{
    /// <summary>R, W, RW or - for PermName bits.</summary>
    public static string Text(int perm) =>
        ((perm & PermName.Read) != 0, (perm & PermName.Write) != 0) switch
        {
            (true, true) => "RW",
            (true, false) => "R",
            (false, true) => "W",
            _ => "-",
        };
}
