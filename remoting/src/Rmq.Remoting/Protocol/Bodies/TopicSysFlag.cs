namespace Rmq.Remoting.Protocol.Bodies;

/// <summary>Unit flags of a topic (TopicSysFlag.java).</summary>
public static class TopicSysFlag
{
    public const int Unit = 1 << 0;
    public const int UnitSub = 1 << 1;

    public static int Build(bool unit, bool hasUnitSub) => (unit ? Unit : 0) | (hasUnitSub ? UnitSub : 0);

    public static bool HasUnitFlag(int sysFlag) => (sysFlag & Unit) == Unit;

    public static bool HasUnitSubFlag(int sysFlag) => (sysFlag & UnitSub) == UnitSub;
}
