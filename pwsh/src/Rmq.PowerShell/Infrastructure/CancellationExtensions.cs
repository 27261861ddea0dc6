using System.Management.Automation;

namespace Rmq.PowerShell.Infrastructure;

internal static class CancellationExtensions
{
    public static void ThrowIfCancellationRequestedAsStopped(this CancellationToken token)
    {
        if (token.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
    }
}
