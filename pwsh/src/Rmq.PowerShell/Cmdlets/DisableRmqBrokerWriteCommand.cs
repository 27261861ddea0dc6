using System.Management.Automation;
using Rmq.PowerShell.Infrastructure;
using Rmq.PowerShell.Models;

namespace Rmq.PowerShell.Cmdlets;

/// <summary>Disable-RmqBrokerWrite: wipes the write permission of brokers on every name server (producers route away).</summary>
[Cmdlet(VerbsLifecycle.Disable, "RmqBrokerWrite", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(RmqWritePermResult))]
public sealed class DisableRmqBrokerWriteCommand : WritePermCmdlet
{
    protected override RmqPermission TargetPermission => RmqPermission.ReadOnly;
}
