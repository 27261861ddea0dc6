using System.Management.Automation;
using Rmq.Configuration;
using Rmq.PowerShell.Infrastructure;
using Rmq.PowerShell.Models;

namespace Rmq.PowerShell.Cmdlets;

/// <summary>
/// Test-RmqClusterConfig: validates a set of name server and broker files together (like <c>rmq conf validate</c>):
/// each file's keys and values, and the set (names, ids, ports, store folders, roles). Files and folders
/// from the pipeline (e.g. New-RmqClusterConfig's output) are validated as one set at the end.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "RmqClusterConfig")]
[OutputType(typeof(RmqClusterConfigReport), typeof(bool))]
public sealed class TestRmqClusterConfigCommand : RmqCmdlet
{
    private readonly List<string> _paths = [];

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, HelpMessage = "Config files or folders (their *.properties and *.conf files).")]
    [Alias("FullName")]
    public string[] Path { get; set; } = [];

    [Parameter(HelpMessage = "Output only $true (no errors) or $false.")]
    public SwitchParameter Quiet { get; set; }

    protected override void ProcessRecord()
    {
        foreach (var path in Path)
        {
            _paths.Add(SessionState.Path.GetUnresolvedProviderPathFromPSPath(path));
        }
    }

    protected override void EndProcessing()
    {
        ValidationReport report;
        try
        {
            report = ClusterConfigValidator.Validate(_paths);
        }
        catch (FileNotFoundException e)
        {
            WriteTargetError(e, RmqErrors.ConfigInvalid, e.FileName, ErrorCategory.ObjectNotFound);
            if (Quiet)
            {
                WriteObject(false);
            }

            return;
        }

        if (Quiet)
        {
            WriteObject(report.IsClean);
            return;
        }

        foreach (var problem in report.Problems.Where(p => p.IsError))
        {
            WriteVerbose(problem.ToString());
        }

        WriteObject(new RmqClusterConfigReport
        {
            Files = report.Files.ToArray(),
            IsValid = report.IsClean,
            ErrorCount = report.ErrorCount,
            WarningCount = report.WarningCount,
            Problems = report.Problems.ToArray(),
        });
    }
}
