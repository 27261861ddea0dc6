namespace Rmq.Client.Admin.Models;

/// <summary>One master of <c>updateTopicPerm</c>: the perm it had and whether the new one was applied.</summary>
public sealed record TopicPermChange(string BrokerName, string Address, int OldPerm, int NewPerm, bool Succeeded, int? Code = null, string? Error = null)
{
    /// <summary>The perm was already the requested one, nothing was sent.</summary>
    public bool Unchanged => OldPerm == NewPerm;
}
