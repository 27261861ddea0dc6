using Rmq.Client.Broker;
using Rmq.Client.NameServer;
using Rmq.E2E.Support;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.E2E.Processes;

/// <summary>UPDATE_BROKER_CONFIG against a real `rmq broker`: written into its -c file and still in force after a restart.</summary>
public class BrokerConfigProcessTests
{
    [Fact]
    public async Task Updated_brokerPermission_is_persisted_in_the_config_file_and_registered_again_after_a_restart()
    {
        await using var nameServer = await NameServerProcess.StartAsync();
        await using var broker = await BrokerProcess.StartAsync(nameServer);
        await using var client = new BrokerClient();
        await using var names = new NameServerClient(nameServer.Address);
        await client.CreateTopicAsync(broker.Address, new TopicConfig { TopicName = "PermPersistT", ReadQueueNums = 1, WriteQueueNums = 1, Perm = PermName.ReadWrite });

        await client.UpdateBrokerConfigAsync(broker.Address, new Dictionary<string, string> { ["brokerPermission"] = "4" });

        Assert.True(await Eventually.TrueAsync(async () => (await names.GetTopicRouteAsync("PermPersistT")).QueueDatas.Single().Perm == PermName.Read, TimeSpan.FromSeconds(20)));
        Assert.Contains("brokerPermission=4", await File.ReadAllTextAsync(broker.ConfigFile), StringComparison.Ordinal);

        await broker.RestartAsync();

        Assert.Equal("4", (await client.GetBrokerConfigAsync(broker.Address))["brokerPermission"]);
        Assert.True(await Eventually.TrueAsync(async () => (await names.GetTopicRouteAsync("PermPersistT")).QueueDatas.Single().Perm == PermName.Read, TimeSpan.FromSeconds(20)));
    }
}
