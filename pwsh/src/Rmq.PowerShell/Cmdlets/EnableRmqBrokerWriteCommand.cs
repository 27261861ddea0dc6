using System.Management.Automation;
using Rmq.PowerShell.Infrastructure;
using Rmq.PowerShell.Models;

namespace Rmq.PowerShell.Cmdlets;

/// <summary>Enable-RmqBrokerWrite: adds the write permission of brokers back on every name server.</summary>
[Cmdlet(VerbsLifecycle.Enable, "RmqBrokerWrite", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(RmqWritePermResult))]
public sealed class EnableRmqBrokerWriteCommand : WritePermCmdlet
{
    protected override RmqPermission TargetPermission => RmqPermission.ReadWrite;
}
