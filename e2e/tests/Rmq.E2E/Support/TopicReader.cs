using System.Text;
using Rmq.Client.Consumer;

namespace Rmq.E2E.Support;

/// <summary>Reads every body of a topic from offset 0 of each queue the name server routes (bounded rounds per queue).</summary>
public static class TopicReader
{
    public static async Task<HashSet<string>> ReadAllAsync(string nameServer, string topic)
    {
        await using var consumer = new PullConsumer(new PullConsumerOptions { NameServerAddress = nameServer, InstanceName = "topic-reader" });
        await consumer.StartAsync();
        var bodies = new HashSet<string>(StringComparer.Ordinal);
        foreach (var queue in await consumer.FetchSubscribeMessageQueuesAsync(topic))
        {
            var offset = 0L;
            for (var round = 0; round < 1000; round++)
            {
                var result = await consumer.PullAsync(queue, "*", offset, 32);
                if (result.Messages.Count == 0 && result.NextBeginOffset <= offset)
                {
                    break;
                }

                foreach (var message in result.Messages)
                {
                    bodies.Add(Encoding.UTF8.GetString(message.Body));
                }

                offset = result.NextBeginOffset;
            }
        }

        return bodies;
    }
}
