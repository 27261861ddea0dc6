namespace Rmq.Remoting.Protocol.Bodies;

/// <summary>Topic and broker permission bits (PermName.java).</summary>
public static class PermName
{
    public const int Priority = 1 << 3;
    public const int Read = 1 << 2;
    public const int Write = 1 << 1;
    public const int Inherit = 1 << 0;

    /// <summary>READ | WRITE = 6, the default of a topic and of <c>brokerPermission</c>.</summary>
    public const int ReadWrite = Read | Write;

    public static bool IsReadable(int perm) => (perm & Read) == Read;

    public static bool IsWriteable(int perm) => (perm & Write) == Write;

    public static bool IsInherited(int perm) => (perm & Inherit) == Inherit;

    public static bool IsPriority(int perm) => (perm & Priority) == Priority;

    /// <summary>As RocketMQ prints it: <c>RW-</c>, <c>R--</c>, <c>RWX</c> (X = inherit).</summary>
    public static string ToString(int perm) => string.Concat(
        IsReadable(perm) ? "R" : "-",
        IsWriteable(perm) ? "W" : "-",
        IsInherited(perm) ? "X" : "-");
}
