using System.Management.Automation;
using Rmq.PowerShell.Infrastructure;
using Rmq.PowerShell.Models;

namespace Rmq.PowerShell.Cmdlets;

/// <summary>Set-RmqBrokerWritePerm (alias Set-BrokerWritePerm): ReadOnly wipes, ReadWrite adds the write permission of brokers on every name server.</summary>
[Cmdlet(VerbsCommon.Set, "RmqBrokerWritePerm", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[Alias("Set-BrokerWritePerm")]
[OutputType(typeof(RmqWritePermResult))]
public sealed class SetRmqBrokerWritePermCommand : WritePermCmdlet
{
    [Parameter(Mandatory = true, HelpMessage = "ReadOnly (wipe write) or ReadWrite (add write).")]
    public RmqPermission Permission { get; set; }

    protected override RmqPermission TargetPermission => Permission;
}
