using Rmq.NameServer.Tests.Support;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;
using static Rmq.NameServer.Tests.Support.NameServerHarness;

namespace Rmq.NameServer.Tests;

public class LivenessTests
{
    private static readonly DataVersion V1 = new(1700000000000, 1);

    [Fact]
    public async Task Broker_silent_for_119_seconds_stays_and_past_120_is_removed()
    {
        await using var ns = new NameServerHarness();
        await ns.RegisterAsync("broker-a", MasterAddr, 0, MasterHaAddr, Topics(V1, Topic("TopicTest")));

        ns.Clock.Advance(TimeSpan.FromSeconds(119));
        Assert.Empty(ns.Controller.ScanNotActiveBrokers());
        ns.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Empty(ns.Controller.ScanNotActiveBrokers());
        ns.Clock.Advance(TimeSpan.FromMilliseconds(1));
        var expired = ns.Controller.ScanNotActiveBrokers();

        Assert.Equal(MasterAddr, Assert.Single(expired).BrokerAddr);
        Assert.Equal(ResponseCode.TopicNotExist, (await ns.GetRouteAsync("TopicTest")).Code);
        Assert.Empty(ns.Controller.Routes.GetClusterInfo().BrokerAddrTable);
    }

    [Fact]
    public async Task The_scan_timer_removes_an_expired_broker_and_closes_its_channel()
    {
        await using var ns = new NameServerHarness();
        var channel = new TestChannel("10.0.0.1:40001");
        await ns.RegisterAsync("broker-a", MasterAddr, 0, MasterHaAddr, Topics(V1, Topic("TopicTest")), channel);
        ns.Controller.Start();

        ns.Clock.Advance(TimeSpan.FromSeconds(119));
        Assert.Equal(ResponseCode.Success, (await ns.GetRouteAsync("TopicTest")).Code);
        Assert.False(channel.IsClosed);

        ns.Clock.Advance(TimeSpan.FromSeconds(10)); // the scan at 125 s sees it
        Assert.Equal(ResponseCode.TopicNotExist, (await ns.GetRouteAsync("TopicTest")).Code);
        Assert.True(channel.IsClosed);
    }

    [Fact]
    public async Task Regular_registrations_keep_a_broker_alive()
    {
        await using var ns = new NameServerHarness();
        ns.Controller.Start();
        var channel = new TestChannel("10.0.0.1:40001");
        var topics = Topics(V1, Topic("TopicTest"));

        for (var i = 0; i < 10; i++)
        {
            await ns.RegisterAsync("broker-a", MasterAddr, 0, MasterHaAddr, topics, channel);
            ns.Clock.Advance(TimeSpan.FromSeconds(30));
        }

        Assert.Equal(ResponseCode.Success, (await ns.GetRouteAsync("TopicTest")).Code);
    }

    [Fact]
    public async Task Stopping_the_controller_stops_the_scan_timer()
    {
        var ns = new NameServerHarness();
        ns.Controller.Start();
        Assert.Equal(1, ns.Clock.ActiveTimers);

        await ns.DisposeAsync();

        Assert.Equal(0, ns.Clock.ActiveTimers);
    }

    [Fact]
    public async Task Closing_the_masters_channel_removes_it_at_once_but_keeps_the_topic_while_the_slave_lives()
    {
        await using var ns = new NameServerHarness();
        var masterChannel = new TestChannel("10.0.0.1:40001");
        var slaveChannel = new TestChannel("10.0.0.2:40002");
        await ns.RegisterAsync("broker-a", MasterAddr, 0, MasterHaAddr, Topics(V1, Topic("TopicTest")), masterChannel);
        await ns.RegisterAsync("broker-a", SlaveAddr, 1, SlaveHaAddr, Topics(V1), slaveChannel);

        ns.Controller.OnChannelClosed(masterChannel);

        var route = await ns.GetRouteDataAsync("TopicTest");
        Assert.Equal(SlaveAddr, Assert.Single(route.BrokerDatas[0].BrokerAddrs).Value);
        Assert.Null(ns.Controller.Routes.GetBrokerLiveInfo(MasterAddr));

        ns.Controller.OnChannelClosed(slaveChannel);

        Assert.Equal(ResponseCode.TopicNotExist, (await ns.GetRouteAsync("TopicTest")).Code);
        Assert.Empty(ns.Controller.Routes.GetClusterInfo().ClusterAddrTable);
    }

    [Fact]
    public async Task Closing_by_remote_address_removes_the_broker_registered_at_that_address()
    {
        await using var ns = new NameServerHarness();
        await ns.RegisterAsync("broker-a", MasterAddr, 0, MasterHaAddr, Topics(V1, Topic("TopicTest")));

        ns.Controller.OnChannelClosed(MasterAddr);

        Assert.Equal(ResponseCode.TopicNotExist, (await ns.GetRouteAsync("TopicTest")).Code);
    }

    [Fact]
    public async Task Closing_a_client_channel_changes_nothing()
    {
        await using var ns = new NameServerHarness();
        await ns.RegisterAsync("broker-a", MasterAddr, 0, MasterHaAddr, Topics(V1, Topic("TopicTest")));

        ns.Controller.OnChannelClosed(new TestChannel("10.0.0.50:51234"));

        Assert.Equal(ResponseCode.Success, (await ns.GetRouteAsync("TopicTest")).Code);
    }
}
