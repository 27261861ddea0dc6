using System.CommandLine;
using System.Text;
using Rmq.Remoting.Protocol.Bodies;

namespace Rmq.Cli.Commands.Admin;

/// <summary><c>topicRoute -t T [-l]</c>: the TopicRouteData as fastjson pretty-prints it, or the 4.9 table.</summary>
internal sealed class TopicRouteCommand : AdminLeafCommand
{
    private readonly Option<string?> _topic;
    private readonly Option<bool> _list;

    public TopicRouteCommand(CliConsole console)
        : base(console, "topicRoute", "Examine topic route info")
    {
        _topic = Value("t", "topic", "topic name", required: true);
        _list = Flag("l", "list", "Use list format to print data");
    }

    protected override async Task<int> ExecuteAsync(AdminContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var route = await context.Admin.TopicRouteAsync(RequiredText(parse, _topic), cancellationToken).ConfigureAwait(false);
        if (context.Json)
        {
            await WriteJsonAsync(new
            {
                brokerDatas = route.BrokerDatas.Select(b => new { cluster = b.Cluster, brokerName = b.BrokerName, brokerAddrs = b.BrokerAddrs.ToDictionary(a => a.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), a => a.Value) }),
                queueDatas = route.QueueDatas,
                filterServerTable = route.FilterServerTable,
                orderTopicConf = route.OrderTopicConf,
            }).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        if (parse.GetValue(_list))
        {
            await Out.WriteAsync(RenderList(route)).ConfigureAwait(false);
        }
        else
        {
            await Out.WriteLineAsync(RenderPretty(route)).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }

    private static string RenderList(TopicRouteData route)
    {
        var text = new StringBuilder();
        const string format = "%-45s %-32s %-50s %-10s %-11s %-5s%n";
        text.Append(JavaFormat.Format(format, "#ClusterName", "#BrokerName", "#BrokerAddrs", "#ReadQueue", "#WriteQueue", "#Perm"));
        int read = 0, write = 0;
        foreach (var broker in route.BrokerDatas.OrderBy(b => b.BrokerName, StringComparer.Ordinal))
        {
            var queue = route.QueueDatas.FirstOrDefault(q => q.BrokerName == broker.BrokerName);
            read += queue?.ReadQueueNums ?? 0;
            write += queue?.WriteQueueNums ?? 0;
            var addrs = "{" + string.Join(", ", broker.BrokerAddrs.Select(a => $"{a.Key}={a.Value}")) + "}";
            text.Append(JavaFormat.Format(format, broker.Cluster, broker.BrokerName, addrs, queue?.ReadQueueNums ?? 0, queue?.WriteQueueNums ?? 0, queue?.Perm ?? 0));
        }

        text.Append(new string('-', 158)).Append('\n');
        text.Append(JavaFormat.Format(format, "Total:", route.BrokerDatas.Count, string.Empty, read, write, string.Empty));
        return text.ToString();
    }

    /// <summary>fastjson's pretty format: tab indents, sorted keys, <c>brokerAddrs</c> keys unquoted, nulls left out.</summary>
    public static string RenderPretty(TopicRouteData route)
    {
        var text = new StringBuilder();
        text.Append("{\n\t\"brokerDatas\":[");
        for (var i = 0; i < route.BrokerDatas.Count; i++)
        {
            var broker = route.BrokerDatas[i];
            text.Append(i == 0 ? "\n" : ",\n");
            text.Append("\t\t{\n\t\t\t\"brokerAddrs\":{");
            text.Append(string.Join(",", broker.BrokerAddrs.Select(a => $"{a.Key}:\"{a.Value}\"")));
            text.Append("},\n\t\t\t\"brokerName\":\"").Append(broker.BrokerName).Append('"');
            if (broker.Cluster is not null)
            {
                text.Append(",\n\t\t\t\"cluster\":\"").Append(broker.Cluster).Append('"');
            }

            text.Append("\n\t\t}");
        }

        text.Append(route.BrokerDatas.Count > 0 ? "\n\t],\n" : "],\n");
        text.Append("\t\"filterServerTable\":{},\n");
        if (route.OrderTopicConf is not null)
        {
            text.Append("\t\"orderTopicConf\":\"").Append(route.OrderTopicConf).Append("\",\n");
        }

        text.Append("\t\"queueDatas\":[");
        for (var i = 0; i < route.QueueDatas.Count; i++)
        {
            var queue = route.QueueDatas[i];
            text.Append(i == 0 ? "\n" : ",\n");
            text.Append("\t\t{\n");
            text.Append("\t\t\t\"brokerName\":\"").Append(queue.BrokerName).Append("\",\n");
            text.Append("\t\t\t\"perm\":").Append(queue.Perm).Append(",\n");
            text.Append("\t\t\t\"readQueueNums\":").Append(queue.ReadQueueNums).Append(",\n");
            text.Append("\t\t\t\"topicSysFlag\":").Append(queue.TopicSysFlag).Append(",\n");
            text.Append("\t\t\t\"writeQueueNums\":").Append(queue.WriteQueueNums).Append('\n');
            text.Append("\t\t}");
        }

        text.Append(route.QueueDatas.Count > 0 ? "\n\t]\n}" : "]\n}");
        return text.ToString();
    }
}
