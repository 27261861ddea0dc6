namespace Rmq.Cli.Tests.Admin;

/// <summary>The command list, help, unknown commands and bad arguments: no server needed.</summary>
public sealed class AdminShellTests
{
    private static readonly string[] Required =
    [
        "updateTopic", "deleteTopic", "topicList", "topicRoute", "topicStatus", "topicClusterList", "updateTopicPerm", "clusterList", "brokerStatus",
        "updateBrokerConfig", "getBrokerConfig", "updateSubGroup", "deleteSubGroup", "consumerProgress", "consumerConnection", "producerConnection",
        "queryMsgById", "queryMsgByKey", "queryMsgByOffset", "queryMsgByUniqueKey", "sendMessage", "consumeMessage", "printMsg", "resetOffsetByTime",
        "wipeWritePerm", "addWritePerm", "getNamesrvConfig", "updateNamesrvConfig", "updateKvConfig", "deleteKvConfig", "statsAll", "clusterRT",
        "brokerConsumeStats", "cleanExpiredCQ", "deleteExpiredCommitLog", "drainBroker", "undrainBroker", "drainStatus",
    ];

    [Fact]
    public async Task No_command_prints_the_mqadmin_command_list_with_rmq_admin_in_the_footer()
    {
        var result = await AdminRun.RunAsync();

        Assert.Equal(0, result.ExitCode);
        var lines = result.Out.Split('\n');
        Assert.Equal("The most commonly used mqadmin commands are:", lines[0]);
        Assert.Contains("   updateTopic          Update or create topic", lines);
        Assert.Contains("   clusterList          List all of clusters", lines);
        foreach (var name in Required)
        {
            Assert.Contains(lines, l => l.StartsWith("   " + name.PadRight(20) + " ", StringComparison.Ordinal));
        }

        Assert.Equal("See 'rmq admin help <command>' for more information on a specific command.", lines[^2]);
    }

    [Fact]
    public async Task An_unknown_command_says_it_does_not_exist_and_exits_2()
    {
        var result = await AdminRun.RunAsync("topicLsit", "-n", "127.0.0.1:9876");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("The sub command topicLsit not exist.", result.Error.Trim());
    }

    [Theory]
    [InlineData("help", "updateTopic")]
    [InlineData("updateTopic", "--help")]
    [InlineData("updateTopic", "-h")]
    public async Task Help_describes_a_command_with_mqadmins_short_and_long_flags(string first, string second)
    {
        var result = await AdminRun.RunAsync(first, second);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Update or create topic", result.Out, StringComparison.Ordinal);
        foreach (var flag in new[] { "-b, --brokerAddr", "-c, --clusterName", "-t, --topic", "-r, --readQueueNums", "-w, --writeQueueNums", "-p, --perm", "-o, --order", "-n, --namesrvAddr", "--output" })
        {
            Assert.Contains(flag, result.Out, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("topicRoute")]
    [InlineData("updateTopic", "-t", "T")]
    [InlineData("updateTopic", "-c", "C", "-t", "T", "-p", "5")]
    [InlineData("updateTopic", "-c", "C", "-t", "T", "-r", "eight")]
    [InlineData("topicList", "--bogus")]
    [InlineData("topicList", "--output", "xml")]
    [InlineData("resetOffsetByTime", "-g", "G", "-t", "T", "-s", "yesterday")]
    [InlineData("drainBroker", "-b", "broker-a", "--grace", "soon")]
    public async Task A_bad_command_line_exits_2_before_any_server_is_asked(params string[] args)
    {
        // the name server list points nowhere: reaching it would exit 5, not 2
        var result = await AdminRun.RunAsync([.. args, "-n", "127.0.0.1:" + AdminRun.ClosedPort()]);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains(" command failed", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_name_server_exits_5()
    {
        var result = await AdminRun.RunAsync("topicList", "-n", "127.0.0.1:" + AdminRun.ClosedPort());

        Assert.True(result.ExitCode == 5, result.ToString());
    }

    [Fact]
    public async Task An_unreachable_name_server_with_json_output_writes_a_json_error_to_stderr()
    {
        var result = await AdminRun.RunAsync("topicRoute", "-t", "T", "--output", "json", "-n", "127.0.0.1:" + AdminRun.ClosedPort());

        Assert.Equal(5, result.ExitCode);
        using var doc = System.Text.Json.JsonDocument.Parse(result.Error);
        Assert.Equal("topicRoute", doc.RootElement.GetProperty("error").GetProperty("command").GetString());
        Assert.Equal(5, doc.RootElement.GetProperty("error").GetProperty("exitCode").GetInt32());
        Assert.Equal(string.Empty, result.Out);
    }

    [Fact]
    public async Task Every_command_has_help_with_its_description_and_the_global_options()
    {
        var list = (await AdminRun.RunAsync()).Out.Split('\n');
        foreach (var name in Required)
        {
            var description = list.Single(l => l.StartsWith("   " + name.PadRight(20) + " ", StringComparison.Ordinal))[(4 + Math.Max(20, name.Length))..];
            var help = await AdminRun.RunAsync("help", name);

            Assert.True(help.ExitCode == 0, name + "\n" + help);
            Assert.Contains(description, help.Out, StringComparison.Ordinal);
            Assert.Contains("-n, --namesrvAddr", help.Out, StringComparison.Ordinal);
            Assert.Contains("--output", help.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Help_of_an_unknown_command_says_it_does_not_exist()
    {
        var result = await AdminRun.RunAsync("help", "nope");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("The sub command nope not exist.", result.Error.Trim());
    }

    [Fact]
    public async Task A_name_server_that_accepts_but_never_answers_times_out_with_exit_5()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var accepted = new List<System.Net.Sockets.TcpClient>();
        var accepting = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    accepted.Add(await listener.AcceptTcpClientAsync());
                }
            }
            catch (Exception e) when (e is System.Net.Sockets.SocketException or ObjectDisposedException)
            {
                // stopped
            }
        });

        var result = await AdminRun.RunAsync(TimeSpan.FromSeconds(30), "topicList", "-n", "127.0.0.1:" + ((System.Net.IPEndPoint)listener.LocalEndpoint).Port);
        listener.Stop();
        await accepting;
        accepted.ForEach(c => c.Dispose());

        Assert.True(result.ExitCode == 5, result.ToString());
    }
}
