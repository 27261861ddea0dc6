namespace Rmq.Remoting.Protocol.Headers.Broker;

/// <summary>The bits of <see cref="PullMessageRequestHeader.SysFlag"/>.</summary>
[Flags]
public enum PullSysFlag
{
    None = 0,
    CommitOffset = 1,
    Suspend = 2,
    Subscription = 4,
    ClassFilter = 8,
    LitePull = 16,
}
