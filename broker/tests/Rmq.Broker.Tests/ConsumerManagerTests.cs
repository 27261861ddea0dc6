using Rmq.Broker.Client;
using Rmq.Broker.Tests.Support;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Broker.Tests;

public sealed class ConsumerManagerTests
{
    private static ConsumerData Data(string group, string topic = "T") => new() { GroupName = group, SubscriptionDataSet = [SubscriptionData.ForTags(topic, "*", 1)] };

    [Fact]
    public void Clients_without_a_heartbeat_for_120_s_are_dropped_by_the_scan_and_closed()
    {
        var time = new ShiftedTimeProvider();
        var manager = new ConsumerManager(time);
        var stale = new FakeChannel("stale");
        var fresh = new FakeChannel("fresh");
        manager.RegisterConsumer("G", new ClientChannelInfo(stale, "c-stale", LanguageCode.JAVA, 0, time.GetUtcNow().ToUnixTimeMilliseconds()), Data("G"), false);
        time.Shift = TimeSpan.FromSeconds(100);
        manager.RegisterConsumer("G", new ClientChannelInfo(fresh, "c-fresh", LanguageCode.JAVA, 0, time.GetUtcNow().ToUnixTimeMilliseconds()), Data("G"), false);

        time.Shift = TimeSpan.FromSeconds(121);
        manager.ScanNotActiveChannel();

        Assert.Equal(["c-fresh"], manager.GetConsumerGroupInfo("G")!.ClientIds());
        Assert.True(stale.Closed);
        Assert.False(fresh.Closed);
    }

    [Fact]
    public void A_changed_group_raises_the_notification_with_every_remaining_client()
    {
        var manager = new ConsumerManager(TimeProvider.System);
        var notifications = new List<(string Group, int Clients)>();
        manager.ConsumerIdsChanged += (group, clients) => notifications.Add((group, clients.Count));
        var one = new FakeChannel("1");
        var two = new FakeChannel("2");

        manager.RegisterConsumer("G", new ClientChannelInfo(one, "c1", LanguageCode.JAVA, 0, 0), Data("G"), true);
        manager.RegisterConsumer("G", new ClientChannelInfo(one, "c1", LanguageCode.JAVA, 0, 1), Data("G"), true);
        manager.RegisterConsumer("G", new ClientChannelInfo(two, "c2", LanguageCode.JAVA, 0, 0), Data("G"), true);
        manager.DoChannelCloseEvent(two);

        Assert.Equal([("G", 1), ("G", 2), ("G", 1)], notifications);
    }
}
