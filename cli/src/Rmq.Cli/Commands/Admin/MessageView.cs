using System.Globalization;
using System.Net;
using System.Text;
using Rmq.Client.Messages;

namespace Rmq.Cli.Commands.Admin;

/// <summary>A message as <c>--output json</c> prints it (body as UTF-8 text and base64).</summary>
internal sealed record MessageJson(
    string MsgId, string OffsetMsgId, string Topic, string? Tags, string? Keys, string? BrokerName, int QueueId, long QueueOffset, long CommitLogOffset,
    int ReconsumeTimes, long BornTimestamp, long StoreTimestamp, string BornHost, string StoreHost, int SysFlag,
    IReadOnlyDictionary<string, string> Properties, string Body, string BodyBase64, string? BodyPath);

/// <summary>mqadmin's message detail (QueryMsgByIdSubCommand.printMsg) and the JSON shape of a message.</summary>
internal static class MessageView
{
    public static string BodyDirectory => Path.Combine(Path.GetTempPath(), "rocketmq", "msgbodys");

    public static string Host(IPEndPoint endPoint) => endPoint.Address + ":" + endPoint.Port.ToString(CultureInfo.InvariantCulture);

    /// <summary>Writes the body to <c>/tmp/rocketmq/msgbodys/&lt;id&gt;</c> as mqadmin does and returns the path.</summary>
    public static string WriteBodyFile(MessageExt message, string name)
    {
        Directory.CreateDirectory(BodyDirectory);
        var path = Path.Combine(BodyDirectory, name);
        File.WriteAllBytes(path, message.Body);
        return path;
    }

    public static MessageJson ToJson(MessageExt m, string? bodyPath = null) => new(
        m.MsgId, m.OffsetMsgId, m.Topic, m.Tags, m.Keys, m.BrokerName, m.QueueId, m.QueueOffset, m.CommitLogOffset, m.ReconsumeTimes,
        m.BornTimestamp, m.StoreTimestamp, Host(m.BornHost), Host(m.StoreHost), m.SysFlag,
        new SortedDictionary<string, string>(m.Properties.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal),
        Encoding.UTF8.GetString(m.Body), Convert.ToBase64String(m.Body), bodyPath);

    /// <summary>The detail block; queryMsgById starts it with <c>OffsetID:</c>, queryMsgByUniqueKey with <c>Topic:</c> (<paramref name="firstLabel"/> null).</summary>
    public static string Detail(MessageExt m, string? firstLabel, string? firstValue, string bodyPath)
    {
        var text = new StringBuilder();
        void Line(string label, object? value) => text.Append(JavaFormat.Format("%-20s %s%n", label, value));
        if (firstLabel is not null)
        {
            Line(firstLabel, firstValue);
        }

        Line("Topic:", m.Topic);
        Line("Tags:", "[" + (m.Tags ?? "null") + "]");
        Line("Keys:", "[" + (m.Keys ?? "null") + "]");
        Line("Queue ID:", m.QueueId);
        Line("Queue Offset:", m.QueueOffset);
        Line("CommitLog Offset:", m.CommitLogOffset);
        Line("Reconsume Times:", m.ReconsumeTimes);
        Line("Born Timestamp:", JavaFormat.HumanTime(m.BornTimestamp));
        Line("Store Timestamp:", JavaFormat.HumanTime(m.StoreTimestamp));
        Line("Born Host:", Host(m.BornHost));
        Line("Store Host:", Host(m.StoreHost));
        Line("System Flag:", m.SysFlag);
        Line("Properties:", "{" + string.Join(", ", m.Properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value)) + "}");
        Line("Message Body Path:", bodyPath);
        return text.ToString();
    }

    /// <summary>printMsg / consumeMessage's one line per message.</summary>
    public static string Line(MessageExt m, bool printBody) =>
        JavaFormat.Format("MSGID: %s %s BODY: %s%n", m.MsgId, m.ToString(), printBody ? Encoding.UTF8.GetString(m.Body) : "NOT PRINT BODY");
}
