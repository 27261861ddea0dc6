namespace Rmq.Configuration.Tests;

public class ClusterConfigValidatorTests
{
    private static ValidationReport Validate(params (string File, string Text)[] files)
        => ClusterConfigValidator.Validate(files.Select(f => JavaProperties.Parse(f.Text, f.File)).ToList(), TestMachine.Fixed);

    private static string Broker(string name, int id, string role, string extra = "")
        => $"brokerClusterName=DefaultCluster\nbrokerName={name}\nbrokerId={id}\nbrokerRole={role}\n{extra}";

    private static ConfigProblem Single(ValidationReport report, string code)
    {
        var matches = report.Problems.Where(p => p.Code == code).ToList();
        Assert.True(matches.Count == 1, $"expected one '{code}' in: {string.Join(" | ", report.Problems)}");
        return matches[0];
    }

    [Theory]
    [InlineData("single")]
    [InlineData("2m-noslave")]
    [InlineData("2m-2s-async")]
    [InlineData("2m-2s-sync")]
    public void Distribution_sets_are_clean(string mode)
    {
        Assert.True(DeploymentModes.TryParse(mode, out var m));
        var files = ClusterConfigScaffolder.Generate(new ScaffoldOptions(m));

        var report = ClusterConfigValidator.Validate(files.Select(f => JavaProperties.Parse(f.Content, f.RelativePath)).ToList(), TestMachine.Fixed);

        Assert.False(report.HasErrors, string.Join("\n", report.Problems));
    }

    [Fact]
    public void Generated_sets_on_one_host_have_no_problems_at_all()
    {
        var files = ClusterConfigScaffolder.Generate(new ScaffoldOptions(DeploymentMode.MultiMasterSlaveSync)
        {
            Masters = 3,
            SlavesPerMaster = 2,
            Hosts = ["10.0.0.1", "10.0.0.2"],
            NamesrvAddr = "10.0.0.9:9876",
        });

        var report = ClusterConfigValidator.Validate(files.Select(f => JavaProperties.Parse(f.Content, f.RelativePath)).ToList(), TestMachine.Fixed);

        Assert.Empty(report.Problems);
    }

    [Fact]
    public void Two_masters_with_one_broker_name_are_an_error_on_the_second_file()
    {
        var report = Validate(("a.properties", Broker("broker-a", 0, "ASYNC_MASTER", "brokerIP1=h1\n")), ("a2.properties", Broker("broker-a", 0, "ASYNC_MASTER", "brokerIP1=h2\n")));

        var p = Single(report, "two-masters");
        Assert.Equal("a2.properties", p.File);
        Assert.Equal("brokerName", p.Key);
        Assert.Equal(2, p.Line);
        Assert.Contains("a.properties", p.Message, StringComparison.Ordinal);
        Assert.True(report.HasErrors);
    }

    [Fact]
    public void Duplicate_slave_ids_are_an_error()
    {
        var report = Validate(
            ("a.properties", Broker("broker-a", 0, "ASYNC_MASTER", "brokerIP1=h1\n")),
            ("a-s.properties", Broker("broker-a", 1, "SLAVE", "brokerIP1=h2\n")),
            ("a-s2.properties", Broker("broker-a", 1, "SLAVE", "brokerIP1=h3\n")));

        var p = Single(report, "duplicate-slave-id");
        Assert.Equal("a-s2.properties", p.File);
        Assert.Equal("brokerId", p.Key);
        Assert.Equal(3, p.Line);
        Assert.Contains("a-s.properties", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sync_master_without_a_slave_is_an_error()
    {
        var report = Validate(("a.properties", Broker("broker-a", 0, "SYNC_MASTER")));

        var p = Single(report, "sync-master-without-slave");
        Assert.Equal("a.properties", p.File);
        Assert.Equal("brokerRole", p.Key);
        Assert.Equal(4, p.Line);
        Assert.Contains("SLAVE_NOT_AVAILABLE", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Slave_with_broker_id_zero_is_an_error()
    {
        var report = Validate(("a.properties", Broker("broker-a", 0, "ASYNC_MASTER", "brokerIP1=h1\n")), ("a-s.properties", Broker("broker-a", 0, "SLAVE", "brokerIP1=h2\n")));

        var p = Single(report, "slave-broker-id");
        Assert.Equal("a-s.properties", p.File);
        Assert.Equal("brokerId", p.Key);
        Assert.Equal(3, p.Line);
    }

    [Fact]
    public void Slave_whose_broker_name_matches_no_master_is_an_error()
    {
        var report = Validate(("a.properties", Broker("broker-a", 0, "ASYNC_MASTER", "brokerIP1=h1\n")), ("b-s.properties", Broker("broker-b", 1, "SLAVE", "brokerIP1=h2\n")));

        var p = Single(report, "slave-without-master");
        Assert.Equal("b-s.properties", p.File);
        Assert.Equal("brokerName", p.Key);
        Assert.Contains("broker-b", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_role_and_flush_values_are_errors_naming_the_value()
    {
        var report = Validate(("a.properties", Broker("broker-a", 0, "ASYNC_MASTER ", "flushDiskType=ASYNC\n")));

        var errors = report.Problems.Where(p => p.Code == "bad-value").OrderBy(p => p.Line).ToList();
        Assert.Equal(2, errors.Count);
        Assert.Equal(("brokerRole", 4), (errors[0].Key, errors[0].Line));
        Assert.Contains("trailing blank", errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(("flushDiskType", 5), (errors[1].Key, errors[1].Line));
        Assert.Contains("ASYNC_FLUSH, SYNC_FLUSH", errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Same_listen_port_on_one_host_is_an_error()
    {
        var report = Validate(
            ("a.properties", Broker("broker-a", 0, "ASYNC_MASTER", "brokerIP1=10.0.0.1\nstorePathRootDir=/s/a\nstorePathCommitLog=/s/a/commitlog\n")),
            ("b.properties", Broker("broker-b", 0, "ASYNC_MASTER", "brokerIP1=10.0.0.1\nstorePathRootDir=/s/b\nstorePathCommitLog=/s/b/commitlog\n")));

        var p = Single(report, "port-collision");
        Assert.Equal("b.properties", p.File);
        Assert.Equal("listenPort", p.Key);
        Assert.Null(p.Line);
        Assert.Contains("listenPort 10911 collides with the listenPort of a.properties on host 10.0.0.1", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ha_port_of_one_broker_on_the_listen_port_of_another_is_an_error()
    {
        var report = Validate(
            ("a.properties", Broker("broker-a", 0, "ASYNC_MASTER", "brokerIP1=h\nlistenPort=10911\nstorePathRootDir=/s/a\nstorePathCommitLog=/s/a/c\n")),
            ("b.properties", Broker("broker-b", 0, "ASYNC_MASTER", "brokerIP1=h\nlistenPort=10912\nstorePathRootDir=/s/b\nstorePathCommitLog=/s/b/c\n")));

        var p = Single(report, "port-collision");
        Assert.Equal(6, p.Line);
        Assert.Contains("collides with the HA port (listenPort+1) of a.properties", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Vip_channel_port_collision_is_an_error()
    {
        var report = Validate(
            ("a.properties", Broker("broker-a", 0, "ASYNC_MASTER", "brokerIP1=h\nlistenPort=10911\nstorePathRootDir=/s/a\nstorePathCommitLog=/s/a/c\n")),
            ("b.properties", Broker("broker-b", 0, "ASYNC_MASTER", "brokerIP1=h\nlistenPort=10909\nstorePathRootDir=/s/b\nstorePathCommitLog=/s/b/c\n")));

        var p = Single(report, "port-collision");
        Assert.Contains("listenPort 10909 collides with the VIP channel port (listenPort-2) of a.properties", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ports_whose_listen_ha_and_vip_ports_do_not_overlap_do_not_collide()
    {
        var report = Validate(
            ("a.properties", Broker("broker-a", 0, "ASYNC_MASTER", "brokerIP1=h\nlistenPort=10911\nstorePathRootDir=/s/a\nstorePathCommitLog=/s/a/c\n")),
            ("b.properties", Broker("broker-b", 0, "ASYNC_MASTER", "brokerIP1=h\nlistenPort=10915\nstorePathRootDir=/s/b\nstorePathCommitLog=/s/b/c\n")));

        Assert.Empty(report.Problems);
    }

    [Fact]
    public void Distinct_roots_with_the_default_commit_log_collide_on_the_commit_log()
    {
        var report = Validate(
            ("a.properties", Broker("broker-a", 0, "ASYNC_MASTER", "brokerIP1=h\nstorePathRootDir=/s/a\n")),
            ("b.properties", Broker("broker-b", 0, "ASYNC_MASTER", "brokerIP1=h\nlistenPort=10921\nstorePathRootDir=/s/b\n")));

        var p = Single(report, "store-path-collision");
        Assert.Equal("b.properties", p.File);
        Assert.Equal("storePathCommitLog", p.Key);
        Assert.Contains("does not derive storePathCommitLog", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Same_store_root_on_one_host_is_an_error_with_its_line()
    {
        var report = Validate(
            ("a.properties", Broker("broker-a", 0, "ASYNC_MASTER", "brokerIP1=h\nstorePathRootDir=/s\nstorePathCommitLog=/s/a\n")),
            ("b.properties", Broker("broker-b", 0, "ASYNC_MASTER", "brokerIP1=h\nlistenPort=10921\nstorePathRootDir=/s/\nstorePathCommitLog=/s/b\n")));

        var p = Single(report, "store-path-collision");
        Assert.Equal("storePathRootDir", p.Key);
        Assert.Equal(7, p.Line);
    }

    [Fact]
    public void Brokers_without_broker_ip_collide_only_as_a_warning()
    {
        var report = Validate(("a.properties", Broker("broker-a", 0, "ASYNC_MASTER")), ("b.properties", Broker("broker-b", 0, "ASYNC_MASTER")));

        var p = Single(report, "same-host-collision");
        Assert.Equal(ProblemSeverity.Warning, p.Severity);
        Assert.Equal("b.properties", p.File);
        Assert.Contains("a.properties", p.Message, StringComparison.Ordinal);
        Assert.False(report.HasErrors);
    }

    [Fact]
    public void Brokers_on_different_hosts_may_share_ports_and_paths()
    {
        var report = Validate(("a.properties", Broker("broker-a", 0, "ASYNC_MASTER", "brokerIP1=h1\n")), ("b.properties", Broker("broker-b", 0, "ASYNC_MASTER", "brokerIP1=h2\n")));

        Assert.Empty(report.Problems);
    }

    [Fact]
    public void Different_namesrv_addr_is_an_error_and_a_missing_one_a_warning()
    {
        var report = Validate(
            ("a.properties", Broker("broker-a", 0, "ASYNC_MASTER", "brokerIP1=h1\nnamesrvAddr=n1:9876;n2:9876\n")),
            ("b.properties", Broker("broker-b", 0, "ASYNC_MASTER", "brokerIP1=h2\nnamesrvAddr=n2:9876;n1:9876\n")),
            ("c.properties", Broker("broker-c", 0, "ASYNC_MASTER", "brokerIP1=h3\nnamesrvAddr=n1:9876\n")),
            ("d.properties", Broker("broker-d", 0, "ASYNC_MASTER", "brokerIP1=h4\n")));

        var mismatch = Single(report, "namesrv-mismatch");
        Assert.Equal("c.properties", mismatch.File);
        Assert.Equal("namesrvAddr", mismatch.Key);
        Assert.Equal(6, mismatch.Line);
        var missing = Single(report, "namesrv-missing");
        Assert.Equal("d.properties", missing.File);
        Assert.Equal(ProblemSeverity.Warning, missing.Severity);
    }

    [Fact]
    public void Unknown_keys_and_unparsable_values_are_reported_per_file()
    {
        var report = Validate(("a.properties", Broker("broker-a", 0, "ASYNC_MASTER", "flushDiskTpye=SYNC_FLUSH\nlistenPort=ten\n")));

        var unknown = Single(report, "unknown-key");
        Assert.Equal(("a.properties", 5, "flushDiskTpye"), (unknown.File, unknown.Line, unknown.Key));
        Assert.Contains("did you mean 'flushDiskType'?", unknown.Message, StringComparison.Ordinal);
        var bad = Single(report, "bad-value");
        Assert.Equal(("a.properties", 6, "listenPort"), (bad.File, bad.Line, bad.Key));
        Assert.Equal("a.properties:6: listenPort: error: 'ten' is not an int (32-bit integer); RocketMQ ignores this line and uses the default (10911)", bad.ToString());
    }

    [Fact]
    public void Folders_are_expanded_to_their_properties_and_conf_files()
    {
        string dir = Directory.CreateTempSubdirectory("rmq-validate").FullName;
        File.WriteAllText(Path.Combine(dir, "broker-a.properties"), Broker("broker-a", 0, "SYNC_MASTER"));
        File.WriteAllText(Path.Combine(dir, "namesrv.properties"), "listenPort=9876\n");
        File.WriteAllText(Path.Combine(dir, "README.md"), "not config");

        var report = ClusterConfigValidator.Validate([dir], TestMachine.Fixed);

        Assert.Equal(2, report.Files.Count);
        var p = Single(report, "sync-master-without-slave");
        Assert.Equal(Path.Combine(dir, "broker-a.properties"), p.File);
        Assert.Single(report.Problems);
    }

    [Fact]
    public void A_missing_path_throws()
    {
        Assert.Throws<FileNotFoundException>(() => ClusterConfigValidator.Validate(["/nonexistent/rmq/x.properties"], TestMachine.Fixed));
    }
}
