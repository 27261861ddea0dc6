using System.Globalization;
using Rmq.Broker.Tests.Support;
using Rmq.Remoting.Protocol;
using Rmq.Remoting.Protocol.Bodies;
using Rmq.Remoting.Protocol.Headers.Broker;

namespace Rmq.Broker.Tests;

/// <summary>The broker's statistics over the wire: GET_BROKER_RUNTIME_INFO figures and VIEW_BROKER_STATS_DATA items.</summary>
public sealed class BrokerStatsTests
{
    private static async Task<BrokerCluster> StartWithTrafficAsync(int messages)
    {
        var cluster = await BrokerCluster.StartAsync();
        await cluster.CreateTopicAsync("StT", 1);
        for (var i = 0; i < messages; i++)
        {
            await cluster.SendAsync("StT", "stats-" + i, queueId: 0);
        }

        Assert.True(await Eventually.TrueAsync(() => cluster.Broker.Store.GetMaxOffsetInQueue("StT", 0) == messages));
        var pull = await cluster.InvokeAsync(BrokerCluster.PullRequest("StG", "StT", 0, 0));
        Assert.Equal(ResponseCode.Success, pull.Code);
        var miss = await cluster.InvokeAsync(BrokerCluster.PullRequest("StG", "StT", 0, messages, flags: PullSysFlag.Subscription));
        Assert.Equal(ResponseCode.PullNotFound, miss.Code);
        return cluster;
    }

    private static async Task<Dictionary<string, string>> RuntimeInfoAsync(BrokerCluster cluster)
    {
        var response = await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.GetBrokerRuntimeInfo));
        Assert.Equal(ResponseCode.Success, response.Code);
        return JsonBody.Decode<KvTable>(response.Body.Span).Table;
    }

    private static double[] Tps(string value)
    {
        var fields = value.Split(' ');
        Assert.Equal(3, fields.Length);
        return fields.Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray();
    }

    [Fact]
    public async Task Runtime_info_counts_puts_and_gets_and_reports_rates_and_the_earliest_message()
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await using var cluster = await StartWithTrafficAsync(5);

        cluster.Broker.StatsSampling.Tick();
        var table = await RuntimeInfoAsync(cluster);

        Assert.Equal("5", table["msgPutTotalTodayNow"]);
        Assert.Equal("5", table["msgGetTotalTodayNow"]);
        Assert.Equal("0", table["msgPutTotalTodayMorning"]);
        Assert.Equal("5", table["putMessageTimesTotal"]);
        Assert.True(long.Parse(table["putMessageSizeTotal"], CultureInfo.InvariantCulture) > 5 * 7);
        Assert.True(Tps(table["putTps"])[0] > 0, table["putTps"]);
        Assert.True(Tps(table["getTransferedTps"])[0] > 0, table["getTransferedTps"]);
        Assert.True(Tps(table["getFoundTps"])[0] > 0, table["getFoundTps"]);
        Assert.True(Tps(table["getMissTps"])[0] > 0, table["getMissTps"]);
        Assert.Equal(Tps(table["getFoundTps"])[0] + Tps(table["getMissTps"])[0], Tps(table["getTotalTps"])[0], 6);
        var earliest = long.Parse(table["earliestMessageTimeStamp"], CultureInfo.InvariantCulture);
        Assert.InRange(earliest, before, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        Assert.InRange(double.Parse(table["commitLogDiskRatio"], CultureInfo.InvariantCulture), 0, 1);
        Assert.Equal("0", table["dispatchBehindBytes"]);
        Assert.EndsWith(" B", table["remainHowManyDataToFlush"], StringComparison.Ordinal);
        Assert.StartsWith("[<=0ms]:", table["putMessageDistributeTime"], StringComparison.Ordinal);
        Assert.Equal("0.00", table["putLatency99"]);
    }

    [Fact]
    public async Task Runtime_info_of_an_empty_broker_has_no_earliest_message_and_zero_rates()
    {
        await using var cluster = await BrokerCluster.StartAsync();

        var table = await RuntimeInfoAsync(cluster);

        Assert.Equal("-1", table["earliestMessageTimeStamp"]);
        Assert.Equal("0.0 0.0 0.0", table["putTps"]);
        Assert.Equal("0", table["msgPutTotalTodayNow"]);
    }

    [Fact]
    public async Task View_broker_stats_data_reports_topic_puts_and_group_gets_by_RocketMQ_names_and_keys()
    {
        await using var cluster = await StartWithTrafficAsync(4);
        cluster.Broker.StatsSampling.Tick(forceItems: true);

        BrokerStatsData? View(RemotingCommand response) => response.Code == ResponseCode.Success ? JsonBody.Decode<BrokerStatsData>(response.Body.Span) : null;
        var puts = View(await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.ViewBrokerStatsData, new ViewBrokerStatsDataRequestHeader("TOPIC_PUT_NUMS", "StT"))));
        var gets = View(await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.ViewBrokerStatsData, new ViewBrokerStatsDataRequestHeader("GROUP_GET_NUMS", "StT@StG"))));
        var size = View(await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.ViewBrokerStatsData, new ViewBrokerStatsDataRequestHeader("TOPIC_PUT_SIZE", "StT"))));
        var broker = View(await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.ViewBrokerStatsData, new ViewBrokerStatsDataRequestHeader("BROKER_PUT_NUMS", "TestCluster"))));
        var unknown = await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.ViewBrokerStatsData, new ViewBrokerStatsDataRequestHeader("TOPIC_PUT_NUMS", "Nope")));

        Assert.Equal(4, puts!.StatsMinute.Sum);
        Assert.True(puts.StatsMinute.Tps > 0);
        Assert.Equal(1.0, puts.StatsMinute.Avgpt);
        Assert.Equal(4, gets!.StatsMinute.Sum);
        Assert.Equal(4.0, gets.StatsMinute.Avgpt);
        Assert.True(size!.StatsMinute.Sum > 4 * 7);
        Assert.Equal(4, broker!.StatsMinute.Sum);
        Assert.Equal(ResponseCode.SystemError, unknown.Code);
        Assert.Equal("The stats <TOPIC_PUT_NUMS> <Nope> not exist", unknown.Remark);
    }

    [Fact]
    public async Task Deleting_a_topic_drops_its_stats_items()
    {
        await using var cluster = await StartWithTrafficAsync(1);

        await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.DeleteTopicInBroker, new TopicRequestHeader { Topic = "StT" }));

        var view = await cluster.InvokeAsync(RemotingCommand.CreateRequest(RequestCode.ViewBrokerStatsData, new ViewBrokerStatsDataRequestHeader("TOPIC_PUT_NUMS", "StT")));
        Assert.Equal(ResponseCode.SystemError, view.Code);
    }
}
