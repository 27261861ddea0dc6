using System.Management.Automation;
using Rmq.Configuration;
using Rmq.PowerShell.Infrastructure;
using Rmq.PowerShell.Models;

namespace Rmq.PowerShell.Cmdlets;

/// <summary>
/// New-RmqClusterConfig: writes a RocketMQ conf set (like <c>rmq conf new</c>): the distribution's files for a
/// deployment mode, with the name servers, hosts, ports and store folders filled in. Existing files are
/// kept (an Rmq.ConfigExists error each) unless -Force.
/// </summary>
[Cmdlet(VerbsCommon.New, "RmqClusterConfig", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(RmqClusterConfigFile))]
public sealed class NewRmqClusterConfigCommand : RmqCmdlet
{
    [Parameter(Mandatory = true, Position = 0, HelpMessage = "Deployment mode: single, 2m-noslave, 2m-2s-async, 2m-2s-sync or namesrv.")]
    [ValidateSet("single", "2m-noslave", "2m-2s-async", "2m-2s-sync", "namesrv", IgnoreCase = true)]
    public string Mode { get; set; } = "";

    [Parameter(HelpMessage = "Output folder; default the mode's name under the current location ('.' for single and namesrv).")]
    public string? Path { get; set; }

    [Parameter(HelpMessage = "Number of Masters.")]
    [ValidateRange(1, 64)]
    public int? Masters { get; set; }

    [Parameter(HelpMessage = "Slaves per Master.")]
    [ValidateRange(0, 8)]
    public int? SlavesPerMaster { get; set; }

    [Parameter(HelpMessage = "brokerClusterName.")]
    [Alias("ClusterName")]
    public string? Cluster { get; set; }

    [Parameter(HelpMessage = "namesrvAddr written into every broker file; several, or 'a:9876;b:9876'.")]
    [Alias("NamesrvAddr")]
    public string[]? NameServer { get; set; }

    [Parameter(HelpMessage = "Hosts the brokers run on (brokerIP1), assigned in turn.")]
    public string[]? Hosts { get; set; }

    [Parameter(HelpMessage = "ASYNC_FLUSH or SYNC_FLUSH.")]
    [ValidateSet("ASYNC_FLUSH", "SYNC_FLUSH")]
    public string? FlushDiskType { get; set; }

    [Parameter(HelpMessage = "storePathRootDir root; each broker gets a folder under it.")]
    public string? StoreRoot { get; set; }

    [Parameter(HelpMessage = "Overwrite files that exist.")]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        DeploymentModes.TryParse(Mode, out var mode);
        IReadOnlyList<GeneratedFile> files;
        try
        {
            files = ClusterConfigScaffolder.Generate(new ScaffoldOptions(mode)
            {
                Masters = Masters,
                SlavesPerMaster = SlavesPerMaster,
                ClusterName = Cluster,
                NamesrvAddr = NameServer is { Length: > 0 } ? NameServerList.Format(NameServerList.Parse(NameServer)) : null,
                Hosts = Hosts ?? [],
                FlushDiskType = FlushDiskType,
                StoreRoot = StoreRoot,
            });
        }
        catch (ArgumentException e)
        {
            ThrowTerminatingError(new ErrorRecord(e, RmqErrors.ConfigInvalid, ErrorCategory.InvalidArgument, Mode));
            return;
        }

        var folder = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path ?? ClusterConfigScaffolder.DefaultOutputFolder(mode));
        foreach (var file in files)
        {
            var path = System.IO.Path.Combine(folder, file.RelativePath);
            if (File.Exists(path) && !Force)
            {
                WriteTargetError(new IOException($"{path} exists; use -Force to overwrite it"), RmqErrors.ConfigExists, path, ErrorCategory.ResourceExists);
                continue;
            }

            if (!ShouldProcess(path, "Write cluster config file"))
            {
                continue;
            }

            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Content, JavaProperties.FileEncoding);
            WriteObject(new RmqClusterConfigFile { Path = path, RelativePath = file.RelativePath, Description = file.Description, Written = true });
        }
    }
}
