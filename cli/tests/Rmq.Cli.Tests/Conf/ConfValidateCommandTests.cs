using System.Text.Json;

namespace Rmq.Cli.Tests.Conf;

public class ConfValidateCommandTests
{
    private static string WriteSet(params (string Name, string Text)[] files)
    {
        string dir = CliRun.TempDir();
        foreach (var (name, text) in files)
        {
            File.WriteAllText(Path.Combine(dir, name), text);
        }

        return dir;
    }

    private const string MasterA = "brokerClusterName=DefaultCluster\nbrokerName=broker-a\nbrokerId=0\nbrokerRole=SYNC_MASTER\nbrokerIP1=10.0.0.1\n";
    private const string SlaveA = "brokerClusterName=DefaultCluster\nbrokerName=broker-a\nbrokerId=1\nbrokerRole=SLAVE\nbrokerIP1=10.0.0.2\n";

    [Fact]
    public async Task Clean_set_exits_zero_and_prints_nothing()
    {
        string dir = WriteSet(("broker-a.properties", MasterA), ("broker-a-s.properties", SlaveA));

        var result = await CliRun.RunAsync("conf", "validate", dir);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal("", result.Out);
        Assert.Contains("checked 2 file(s): 0 error(s), 0 warning(s)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repository_conf_sets_have_no_errors()
    {
        string conf = Path.Combine(CliRun.RepoRoot(), "conf");

        foreach (string set in new[] { "2m-noslave", "2m-2s-async", "2m-2s-sync" })
        {
            var result = await CliRun.RunAsync("conf", "validate", Path.Combine(conf, set));
            Assert.Equal(ExitCodes.Success, result.ExitCode);
        }

        var single = await CliRun.RunAsync("conf", "validate", Path.Combine(conf, "broker.conf"), Path.Combine(conf, "namesrv.properties"));
        Assert.Equal(ExitCodes.Success, single.ExitCode);
        Assert.Equal("", single.Out);
    }

    [Fact]
    public async Task Each_problem_is_one_line_with_file_line_key_and_message()
    {
        string dir = WriteSet(("broker-a.properties", MasterA + "listenPort=10911 \nflushDiskTpye=SYNC_FLUSH\n"));
        string file = Path.Combine(dir, "broker-a.properties");

        var result = await CliRun.RunAsync("conf", "validate", file);

        Assert.Equal(ExitCodes.ValidationFailed, result.ExitCode);
        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Contains(lines, l => l.StartsWith($"{file}:6: listenPort: error: '10911 ' is not an int (32-bit integer) (it ends with 1 trailing blank)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"{file}:7: flushDiskTpye: warning: unknown broker key, ignored; did you mean 'flushDiskType'?", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"{file}:4: brokerRole: error: SYNC_MASTER of 'broker-a' has no Slave", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Warnings_alone_exit_zero()
    {
        string dir = WriteSet(("broker-a.properties", "brokerName=broker-a\nlistenport=10911\n"));

        var result = await CliRun.RunAsync("conf", "validate", dir);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("did you mean 'listenPort'?", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_output_is_an_array_of_problems()
    {
        string dir = WriteSet(("broker-a.properties", MasterA), ("broker-a-s.properties", SlaveA.Replace("brokerId=1", "brokerId=0", StringComparison.Ordinal)));

        var result = await CliRun.RunAsync("conf", "validate", dir, "--output", "json");

        Assert.Equal(ExitCodes.ValidationFailed, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Out);
        var items = doc.RootElement.EnumerateArray().ToList();
        var slaveId = Assert.Single(items, i => i.GetProperty("code").GetString() == "slave-broker-id");
        Assert.Equal("error", slaveId.GetProperty("severity").GetString());
        Assert.Equal(Path.Combine(dir, "broker-a-s.properties"), slaveId.GetProperty("file").GetString());
        Assert.Equal(3, slaveId.GetProperty("line").GetInt32());
        Assert.Equal("brokerId", slaveId.GetProperty("key").GetString());
        Assert.Contains("SLAVE needs brokerId > 0", slaveId.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_output_of_a_clean_set_is_an_empty_array()
    {
        string dir = WriteSet(("broker-a.properties", MasterA), ("broker-a-s.properties", SlaveA));

        var result = await CliRun.RunAsync("conf", "validate", dir, "--output", "json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(JsonValueKind.Array, JsonDocument.Parse(result.Out).RootElement.ValueKind);
        Assert.Equal(0, JsonDocument.Parse(result.Out).RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Files_are_checked_together_as_one_cluster()
    {
        string one = WriteSet(("broker-a.properties", MasterA));
        string two = WriteSet(("broker-a-s.properties", SlaveA));

        var result = await CliRun.RunAsync("conf", "validate", Path.Combine(one, "broker-a.properties"), Path.Combine(two, "broker-a-s.properties"));

        Assert.Equal(ExitCodes.Success, result.ExitCode);
    }

    [Fact]
    public async Task Missing_path_is_bad_arguments()
    {
        string dir = CliRun.TempDir();

        var result = await CliRun.RunAsync("conf", "validate", Path.Combine(dir, "nope.properties"));

        Assert.Equal(ExitCodes.BadArguments, result.ExitCode);
        Assert.Contains("no such file or folder", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Folder_without_config_files_is_bad_arguments()
    {
        var result = await CliRun.RunAsync("conf", "validate", CliRun.TempDir());

        Assert.Equal(ExitCodes.BadArguments, result.ExitCode);
    }

    [Fact]
    public async Task Unknown_output_format_is_bad_arguments()
    {
        string dir = WriteSet(("broker-a.properties", MasterA));

        var result = await CliRun.RunAsync("conf", "validate", dir, "--output", "xml");

        Assert.Equal(ExitCodes.BadArguments, result.ExitCode);
    }
}
