namespace Rmq.Configuration.Tests;

public class ConfigBinderTests
{
    private static BoundConfig BindBroker(string text, IReadOnlyDictionary<string, string>? overrides = null)
        => ConfigBinder.Bind(JavaProperties.Parse(text, "broker-a.properties"), BrokerConfigKeys.Table, overrides, TestMachine.Fixed);

    [Fact]
    public void Every_type_binds_from_text()
    {
        var cfg = BindBroker("""
            brokerName=broker-x
            listenPort=10921
            consumerFallbehindThreshold=17179869185
            slaveReadEnable=TRUE
            autoCreateTopicEnable=False
            brokerRole=SYNC_MASTER
            flushDiskType=SYNC_FLUSH
            """);

        Assert.Empty(cfg.Problems);
        Assert.Equal("broker-x", cfg.GetString("brokerName"));
        Assert.Equal(10921, cfg.GetInt("listenPort"));
        Assert.Equal(17179869185L, cfg.GetLong("consumerFallbehindThreshold"));
        Assert.True(cfg.GetBool("slaveReadEnable"));
        Assert.False(cfg.GetBool("autoCreateTopicEnable"));
        Assert.Equal(BrokerRole.SYNC_MASTER, cfg.GetEnum<BrokerRole>("brokerRole"));
        Assert.Equal("SYNC_FLUSH", cfg.GetEnum("flushDiskType"));
        Assert.Equal(4, cfg.GetLine("slaveReadEnable"));
        Assert.True(cfg.IsSet("listenPort"));
        Assert.False(cfg.IsSet("maxMessageSize"));
    }

    [Fact]
    public void Double_keys_bind()
    {
        var key = new ConfigKey("ratio", ConfigValueType.Double, "0.5");
        Assert.Equal(0.85, ConfigBinder.TryParse(key, "0.85", out _));
        Assert.Null(ConfigBinder.TryParse(key, "abc", out _));
    }

    [Fact]
    public void Defaults_are_rocketmq_defaults_and_machine_ones_are_computed()
    {
        var cfg = BindBroker("");

        Assert.Equal(10911, cfg.GetInt("listenPort"));
        Assert.Equal(10912, cfg.GetInt("haListenPort"));
        Assert.Equal(10911, cfg.GetInt("advertisedListenPort"));
        Assert.Equal("DefaultCluster", cfg.GetString("brokerClusterName"));
        Assert.Equal("host-1", cfg.GetString("brokerName"));
        Assert.Equal("10.0.0.5", cfg.GetString("brokerIP1"));
        Assert.Equal(4, cfg.GetInt("sendMessageThreadPoolNums"));
        Assert.Equal(32, cfg.GetInt("pullMessageThreadPoolNums"));
        Assert.Equal(16, cfg.GetInt("queryMessageThreadPoolNums"));
        Assert.Equal(8, cfg.GetInt("heartbeatThreadPoolNums"));
        Assert.Equal(Path.Combine("/home/rmq", "store"), cfg.GetString("storePathRootDir"));
        Assert.Equal(Path.Combine("/home/rmq", "store", "commitlog"), cfg.GetString("storePathCommitLog"));
        Assert.Equal(1073741824, cfg.GetInt("mappedFileSizeCommitLog"));
        Assert.Equal(6000000, cfg.GetInt("mappedFileSizeConsumeQueue"));
        Assert.Equal(72, cfg.GetInt("fileReservedTime"));
        Assert.Equal("04", cfg.GetString("deleteWhen"));
        Assert.Equal(BrokerRole.ASYNC_MASTER, cfg.GetEnum<BrokerRole>("brokerRole"));
        Assert.Equal(FlushDiskType.ASYNC_FLUSH, cfg.GetEnum<FlushDiskType>("flushDiskType"));
        Assert.Null(cfg.GetString("namesrvAddr"));
    }

    [Fact]
    public void Dependent_defaults_follow_the_configured_values()
    {
        var cfg = BindBroker("listenPort=20911\nstorePathRootDir=/data/a\n");

        Assert.Equal(20912, cfg.GetInt("haListenPort"));
        Assert.Equal(20911, cfg.GetInt("advertisedListenPort"));
        // RocketMQ's default CommitLog folder does not follow storePathRootDir
        Assert.Equal(Path.Combine("/home/rmq", "store", "commitlog"), cfg.GetString("storePathCommitLog"));
    }

    [Fact]
    public void Advertised_listen_port_is_an_rmq_extension()
    {
        var cfg = BindBroker("listenPort=10911\nadvertisedListenPort=30911\n");

        Assert.Equal(30911, cfg.GetInt("advertisedListenPort"));
        Assert.True(BrokerConfigKeys.Table["advertisedListenPort"].IsRmqExtension);
        Assert.False(BrokerConfigKeys.Table["listenPort"].IsRmqExtension);
    }

    [Fact]
    public void Enum_value_with_a_trailing_blank_is_an_error_that_names_the_blank()
    {
        var cfg = BindBroker("brokerName=broker-a\nbrokerRole=ASYNC_MASTER \n");

        var error = Assert.Single(cfg.Errors);
        Assert.Equal("bad-value", error.Code);
        Assert.Equal("broker-a.properties", error.File);
        Assert.Equal(2, error.Line);
        Assert.Equal("brokerRole", error.Key);
        Assert.Contains("'ASYNC_MASTER '", error.Message, StringComparison.Ordinal);
        Assert.Contains("1 trailing blank", error.Message, StringComparison.Ordinal);
        Assert.Contains("ASYNC_MASTER, SYNC_MASTER, SLAVE", error.Message, StringComparison.Ordinal);
        // bound like Java: the line is ignored, the default stays
        Assert.Equal(BrokerRole.ASYNC_MASTER, cfg.GetEnum<BrokerRole>("brokerRole"));
        Assert.False(cfg.IsSet("brokerRole"));
    }

    [Fact]
    public void Enum_value_in_the_wrong_case_suggests_the_right_one()
    {
        var cfg = BindBroker("flushDiskType=sync_flush\n");

        var error = Assert.Single(cfg.Errors);
        Assert.Contains("did you mean 'SYNC_FLUSH'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("listenPort=10911x", "listenPort", "an int")]
    [InlineData("listenPort=10911 ", "listenPort", "trailing blank")]
    [InlineData("consumerFallbehindThreshold=1.5", "consumerFallbehindThreshold", "a long")]
    [InlineData("slaveReadEnable=yes", "slaveReadEnable", "true or false")]
    [InlineData("slaveReadEnable=true ", "slaveReadEnable", "trailing blank")]
    [InlineData("listenPort=99999", "listenPort", "between 0 and 65535")]
    [InlineData("brokerPermission=5", "brokerPermission", "one of 2, 4, 6")]
    [InlineData("deleteWhen=25", "deleteWhen", "hour")]
    [InlineData("namesrvAddr=127.0.0.1", "namesrvAddr", "host:port")]
    [InlineData("messageDelayLevel=1s 5x", "messageDelayLevel", "delay level")]
    public void Unparsable_or_invalid_values_are_errors_with_file_line_key_and_expectation(string line, string key, string expected)
    {
        var cfg = BindBroker("# first\n" + line + "\n");

        var error = Assert.Single(cfg.Errors);
        Assert.Equal("broker-a.properties", error.File);
        Assert.Equal(2, error.Line);
        Assert.Equal(key, error.Key);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(BrokerConfigKeys.Table[key].DefaultFor(new DefaultContext(TestMachine.Fixed, _ => null)), cfg.GetString(key));
    }

    [Fact]
    public void Only_true_in_any_case_is_true()
    {
        Assert.True(BindBroker("slaveReadEnable=tRuE").GetBool("slaveReadEnable"));
        Assert.False(BindBroker("slaveReadEnable=FALSE").GetBool("slaveReadEnable"));
        Assert.True(BindBroker("slaveReadEnable=1").HasErrors);
    }

    [Fact]
    public void String_value_with_trailing_blank_is_kept_with_a_warning()
    {
        var cfg = BindBroker("brokerName=broker-a \n");

        Assert.Equal("broker-a ", cfg.GetString("brokerName"));
        var warning = Assert.Single(cfg.Warnings);
        Assert.Equal("trailing-blank", warning.Code);
        Assert.False(cfg.HasErrors);
    }

    [Theory]
    [InlineData("mapedFileSizeCommitLog", "mappedFileSizeCommitLog")]
    [InlineData("mapedFileSizeConsumeQueue", "mappedFileSizeConsumeQueue")]
    public void Old_spellings_set_the_current_key(string old, string current)
    {
        var cfg = BindBroker($"{old}=10240\n");

        Assert.Empty(cfg.Problems);
        Assert.Equal(10240, cfg.GetInt(current));
        Assert.Equal(old, cfg.Get(current).SpelledAs);
        Assert.Equal(10240, cfg.GetInt(old));
    }

    [Fact]
    public void Both_spellings_warn_and_the_current_spelling_wins_whatever_the_order()
    {
        var a = BindBroker("mappedFileSizeCommitLog=20480\nmapedFileSizeCommitLog=10240\n");
        var b = BindBroker("mapedFileSizeCommitLog=10240\nmappedFileSizeCommitLog=20480\n");

        Assert.Equal(20480, a.GetInt("mappedFileSizeCommitLog"));
        Assert.Equal(20480, b.GetInt("mappedFileSizeCommitLog"));
        Assert.Equal("duplicate-key", Assert.Single(a.Warnings).Code);
        Assert.Equal("duplicate-key", Assert.Single(b.Warnings).Code);
    }

    [Theory]
    [InlineData("brokerClustername", "brokerClusterName")]
    [InlineData("listenport", "listenPort")]
    [InlineData("flushDiskTpye", "flushDiskType")]
    [InlineData("namesrvAdr", "namesrvAddr")]
    [InlineData("brokerIp1", "brokerIP1")]
    public void Unknown_key_is_a_warning_with_a_suggestion(string typo, string suggestion)
    {
        var cfg = BindBroker($"brokerName=a\n{typo}=x\n");

        var warning = Assert.Single(cfg.Warnings);
        Assert.Equal("unknown-key", warning.Code);
        Assert.Equal(typo, warning.Key);
        Assert.Equal(2, warning.Line);
        Assert.Contains($"did you mean '{suggestion}'?", warning.Message, StringComparison.Ordinal);
        Assert.Equal(typo, Assert.Single(cfg.UnknownEntries).Key);
        Assert.False(cfg.HasErrors);
    }

    [Fact]
    public void Unknown_key_far_from_any_key_gets_no_suggestion()
    {
        var cfg = BindBroker("completelyUnrelatedThing=1\n");

        Assert.DoesNotContain("did you mean", Assert.Single(cfg.Warnings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Slave_with_broker_id_zero_is_an_error()
    {
        var cfg = BindBroker("brokerName=broker-a\nbrokerId=0\nbrokerRole=SLAVE\n");

        var error = Assert.Single(cfg.Errors);
        Assert.Equal("slave-broker-id", error.Code);
        Assert.Equal("brokerId", error.Key);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void Slave_without_broker_id_is_an_error_on_the_role_line()
    {
        var cfg = BindBroker("brokerRole=SLAVE\n");

        var error = Assert.Single(cfg.Errors);
        Assert.Equal("brokerRole", error.Key);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void Master_broker_id_is_forced_to_zero_with_a_warning()
    {
        var cfg = BindBroker("brokerId=3\nbrokerRole=SYNC_MASTER\n");

        Assert.Equal(0L, cfg.GetLong("brokerId"));
        Assert.Equal("master-broker-id", Assert.Single(cfg.Warnings).Code);
        Assert.False(cfg.HasErrors);
    }

    [Fact]
    public void Ha_listen_port_is_always_listen_port_plus_one()
    {
        var cfg = BindBroker("listenPort=10921\nhaListenPort=11000\n");

        Assert.Equal(10922, cfg.GetInt("haListenPort"));
        Assert.Equal("ha-port-ignored", Assert.Single(cfg.Warnings).Code);
    }

    [Fact]
    public void Overrides_win_over_the_file()
    {
        var cfg = BindBroker("namesrvAddr=a:9876\n", new Dictionary<string, string> { ["namesrvAddr"] = "b:9876" });

        Assert.Equal("b:9876", cfg.GetString("namesrvAddr"));
        Assert.Equal("override", cfg.Get("namesrvAddr").Origin);
    }

    [Fact]
    public void Unknown_override_is_an_error()
    {
        var cfg = BindBroker("", new Dictionary<string, string> { ["namesrvAdr"] = "b:9876" });

        Assert.Contains("namesrvAddr", Assert.Single(cfg.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Getter_of_the_wrong_type_throws()
    {
        var cfg = BindBroker("");

        Assert.Throws<InvalidOperationException>(() => cfg.GetInt("brokerName"));
        Assert.Throws<KeyNotFoundException>(() => cfg.GetInt("nope"));
    }

    [Fact]
    public void Namesrv_table_binds_its_defaults()
    {
        var cfg = ConfigBinder.Bind(JavaProperties.Parse("orderMessageEnable=true\n"), NamesrvConfigKeys.Table, null, TestMachine.Fixed);

        Assert.Empty(cfg.Problems);
        Assert.Equal(9876, cfg.GetInt("listenPort"));
        Assert.True(cfg.GetBool("orderMessageEnable"));
        Assert.Equal("center", cfg.GetString("productEnvName"));
        Assert.Equal(Path.Combine("/home/rmq", "namesrv", "kvConfig.json"), cfg.GetString("kvConfigPath"));
        Assert.Equal(8, cfg.GetInt("serverWorkerThreads"));
    }

    [Fact]
    public void Every_broker_default_parses_as_its_type()
    {
        var cfg = BindBroker("");

        Assert.Empty(cfg.Problems);
        Assert.Equal(BrokerConfigKeys.Table.Keys.Count, cfg.Values.Count());
        Assert.All(BrokerConfigKeys.Table.Keys.Where(k => k.Type == ConfigValueType.Enum), k => Assert.Contains(k.Default!, k.AllowedValues));
    }
}
