using CsCheck;

namespace Rmq.Store.Tests;

public sealed class RoundTripPropertyTests
{
    private static readonly Gen<string> Name = Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyzABCXYZ0123456789_-%|"], 1, 40];
    private static readonly Gen<string> Value = Gen.String[Gen.Char["abc xyz 0123456789-_.:/é中"], 0, 30];

    private static readonly Gen<HostAddress> Host = Gen.Select(Gen.Bool, Gen.Byte.Array[16], Gen.Int[0, 65535],
        (v6, bytes, port) => new HostAddress(v6 ? bytes : bytes.AsSpan(0, 4), port));

    private static readonly Gen<MessageToStore> Message = Gen.Select(
        Name, Gen.Int[0, 7], Gen.Byte.Array[0, 3000], Gen.Dictionary(Name, Value)[0, 5], Host, Host, Gen.Int[0, 16], Gen.Long[0, long.MaxValue],
        (topic, queueId, body, props, born, store, reconsume, bornTime) => new MessageToStore
        {
            Topic = topic,
            QueueId = queueId,
            Flag = reconsume * 3,
            Body = body,
            PropertiesString = MessageProperties.Build(props),
            BornHost = born,
            StoreHost = store,
            ReconsumeTimes = reconsume,
            BornTimestamp = bornTime,
        });

    [Fact]
    public async Task Any_message_decodes_back_to_what_was_appended()
    {
        await using var t = new TestStore(o => o with { MappedFileSizeCommitLog = 64 * 1024 });
        var store = await t.StartAsync();

        Message.Sample(
            msg =>
            {
                var r = store.PutMessageAsync(msg, CancellationToken.None).AsTask().GetAwaiter().GetResult();
                Assert.Equal(PutMessageStatus.PUT_OK, r.Status);
                var back = store.LookMessageByOffset(r.WroteOffset)!;
                Assert.Equal(msg.Topic, back.Topic);
                Assert.Equal(msg.QueueId, back.QueueId);
                Assert.Equal(msg.Flag, back.Flag);
                Assert.Equal(msg.Body.ToArray(), back.Body);
                Assert.Equal(msg.PropertiesString, back.PropertiesString);
                Assert.Equal(MessageProperties.Parse(msg.PropertiesString), back.Properties);
                Assert.Equal(msg.BornHost, back.BornHost);
                Assert.Equal(msg.StoreHost, back.StoreHost);
                Assert.Equal(msg.BornTimestamp, back.BornTimestamp);
                Assert.Equal(msg.ReconsumeTimes, back.ReconsumeTimes);
                Assert.Equal(r.WroteOffset, back.CommitLogOffset);
                Assert.Equal(r.WroteBytes, back.StoreSize);
                Assert.Equal(r.MsgId, back.MsgId);
            },
            iter: 300);
    }
}
