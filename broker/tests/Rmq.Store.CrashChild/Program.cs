using System.Globalization;
using System.Text;
using Rmq.Store;

// Usage: Rmq.Store.CrashChild <storeRoot> <SYNC_FLUSH|ASYNC_FLUSH> <commitLogFileSize> <writers>
// Prints "READY" once started, then one line per acknowledged message:
// "<commitLogOffset> <size> <queueId> <queueOffset> <bodyId>". Runs until killed.
if (args.Length < 4)
{
    Console.Error.WriteLine("usage: <storeRoot> <SYNC_FLUSH|ASYNC_FLUSH> <commitLogFileSize> <writers>");
    return 2;
}

var options = new MessageStoreOptions
{
    StorePathRootDir = args[0],
    FlushDiskType = Enum.Parse<FlushDiskType>(args[1]),
    MappedFileSizeCommitLog = int.Parse(args[2], CultureInfo.InvariantCulture),
    MappedFileSizeConsumeQueue = 1000 * 20,
    MaxHashSlotNum = 1000,
    MaxIndexNum = 40_000,
};
var writers = int.Parse(args[3], CultureInfo.InvariantCulture);
var store = new MessageStore(options);
await store.StartAsync(CancellationToken.None);
var output = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true };
var outputLock = new Lock();
output.WriteLine("READY");

var storeHost = HostAddress.Parse("127.0.0.1:10911");
await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
{
    for (var i = 0; ; i++)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"w{w}-{i}");
        var msg = new MessageToStore
        {
            Topic = "CrashTopic",
            QueueId = w % 4,
            Body = Encoding.UTF8.GetBytes(CrashBody.For(id)),
            PropertiesString = $"KEYS\u0001{id}",
            BornHost = storeHost,
            StoreHost = storeHost,
            BornTimestamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
        };
        var result = await store.PutMessageAsync(msg, CancellationToken.None);
        if (result.Status == PutMessageStatus.PUT_OK)
        {
            lock (outputLock)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{result.WroteOffset} {result.WroteBytes} {msg.QueueId} {result.LogicsOffset} {id}"));
            }
        }
    }
})));
return 0;

internal static class CrashBody
{
    public static string For(string id) => id + ":" + string.Concat(Enumerable.Repeat(id, 20));
}
