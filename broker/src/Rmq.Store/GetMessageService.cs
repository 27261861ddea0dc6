using System.Buffers;
using System.Buffers.Binary;

namespace Rmq.Store;

/// <summary>Pull-side reads: consume queue → commit log, with RocketMQ's statuses, offset corrections and batch limits.</summary>
internal sealed class GetMessageService
{
    private readonly CommitLog _commitLog;
    private readonly ConsumeQueueTable _queues;
    private readonly MessageStoreOptions _options;
    private readonly long _memoryForHotData;

    public GetMessageService(CommitLog commitLog, ConsumeQueueTable queues, MessageStoreOptions options, long totalPhysicalMemory)
    {
        _commitLog = commitLog;
        _queues = queues;
        _options = options;
        _memoryForHotData = totalPhysicalMemory * options.AccessMessageInMemoryMaxRatio / 100;
    }

    public GetMessageResult GetMessage(string topic, int queueId, long offset, int maxMsgNums, IMessageFilter? filter)
    {
        var maxOffsetPy = _commitLog.MaxOffset;
        var cq = _queues.Find(topic, queueId);
        if (cq is null)
        {
            return new GetMessageResult { Status = GetMessageStatus.NO_MATCHED_LOGIC_QUEUE, NextBeginOffset = Correct(offset, 0) };
        }

        var minOffset = cq.MinOffsetInQueue;
        var maxOffset = cq.MaxOffsetInQueue;
        GetMessageStatus status;
        long next;
        if (maxOffset == 0)
        {
            (status, next) = (GetMessageStatus.NO_MESSAGE_IN_QUEUE, Correct(offset, 0));
        }
        else if (offset < minOffset)
        {
            (status, next) = (GetMessageStatus.OFFSET_TOO_SMALL, Correct(offset, minOffset));
        }
        else if (offset == maxOffset)
        {
            (status, next) = (GetMessageStatus.OFFSET_OVERFLOW_ONE, Correct(offset, offset));
        }
        else if (offset > maxOffset)
        {
            (status, next) = (GetMessageStatus.OFFSET_OVERFLOW_BADLY, Correct(offset, maxOffset));
        }
        else
        {
            return Scan(cq, offset, maxMsgNums, filter ?? TagsCodeFilter.All, minOffset, maxOffset, maxOffsetPy);
        }

        return new GetMessageResult { Status = status, NextBeginOffset = next, MinOffset = minOffset, MaxOffset = maxOffset };
    }

    private GetMessageResult Scan(ConsumeQueue cq, long offset, int maxMsgNums, IMessageFilter filter, long minOffset, long maxOffset, long maxOffsetPy)
    {
        using var units = cq.GetIndexBuffer(offset);
        if (units is null)
        {
            return new GetMessageResult
            {
                Status = GetMessageStatus.OFFSET_FOUND_NULL,
                NextBeginOffset = Correct(offset, cq.RollNextFile(offset)),
                MinOffset = minOffset,
                MaxOffset = maxOffset,
            };
        }

        var status = GetMessageStatus.NO_MATCHED_MESSAGE;
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        var written = 0;
        var queueOffsets = new List<long>();
        long nextPhyFileStart = long.MinValue;
        long maxPhyOffsetPulling = 0;
        var maxFilterBytes = Math.Max(16_000, maxMsgNums * ConsumeQueue.CqStoreUnitSize);
        var span = units.Span;
        var i = 0;
        try
        {
            for (; i + ConsumeQueue.CqStoreUnitSize <= span.Length && i < maxFilterBytes; i += ConsumeQueue.CqStoreUnitSize)
            {
                var offsetPy = BinaryPrimitives.ReadInt64BigEndian(span[i..]);
                var sizePy = BinaryPrimitives.ReadInt32BigEndian(span[(i + 8)..]);
                var tagsCode = BinaryPrimitives.ReadInt64BigEndian(span[(i + 12)..]);
                maxPhyOffsetPulling = offsetPy;
                if (nextPhyFileStart != long.MinValue && offsetPy < nextPhyFileStart)
                {
                    continue;
                }

                var isInDisk = maxOffsetPy - offsetPy > _memoryForHotData;
                if (IsBatchFull(sizePy, maxMsgNums, written, queueOffsets.Count, isInDisk))
                {
                    break;
                }

                if (!filter.IsMatchedByConsumeQueue(tagsCode))
                {
                    continue;
                }

                if (sizePy <= 0 || sizePy > _commitLog.FileSize)
                {
                    continue; // filler unit
                }

                if (written + sizePy > buffer.Length)
                {
                    var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(buffer.Length * 2, written + sizePy));
                    buffer.AsSpan(0, written).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }

                var destination = buffer.AsSpan(written, sizePy);
                if (!_commitLog.TryRead(offsetPy, destination))
                {
                    if (queueOffsets.Count == 0)
                    {
                        status = GetMessageStatus.MESSAGE_WAS_REMOVING;
                    }

                    nextPhyFileStart = _commitLog.RollNextFile(offsetPy);
                    continue;
                }

                if (!filter.IsMatchedByCommitLog(destination))
                {
                    continue;
                }

                written += sizePy;
                queueOffsets.Add(offset + (i / ConsumeQueue.CqStoreUnitSize));
                status = GetMessageStatus.FOUND;
                nextPhyFileStart = long.MinValue;
            }

            return new GetMessageResult
            {
                Status = status,
                NextBeginOffset = offset + (i / ConsumeQueue.CqStoreUnitSize),
                MinOffset = minOffset,
                MaxOffset = maxOffset,
                Body = buffer.AsSpan(0, written).ToArray(),
                MessageCount = queueOffsets.Count,
                QueueOffsets = queueOffsets,
                SuggestPullingFromSlave = maxOffsetPy - maxPhyOffsetPulling > _memoryForHotData,
            };
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Queue offset whose message store time is nearest to <paramref name="timestamp"/> (earlier wins a tie).</summary>
    public long GetOffsetInQueueByTime(string topic, int queueId, long timestamp)
    {
        var cq = _queues.Find(topic, queueId);
        if (cq is null)
        {
            return 0;
        }

        long low = cq.MinOffsetInQueue;
        long high = cq.MaxOffsetInQueue - 1;
        if (high < low)
        {
            return cq.MinOffsetInQueue;
        }

        long left = -1, right = -1;
        long leftTime = -1, rightTime = -1;
        while (low <= high)
        {
            var mid = low + ((high - low) / 2);
            var time = StoreTimeAt(cq, mid);
            if (time < 0)
            {
                low = mid + 1;
                continue;
            }

            if (time >= timestamp)
            {
                (right, rightTime) = (mid, time);
                high = mid - 1;
            }
            else
            {
                (left, leftTime) = (mid, time);
                low = mid + 1;
            }
        }

        if (right >= 0 && rightTime == timestamp)
        {
            return right;
        }

        if (left < 0)
        {
            return right >= 0 ? right : cq.MinOffsetInQueue;
        }

        if (right < 0)
        {
            return left;
        }

        return timestamp - leftTime <= rightTime - timestamp ? left : right;
    }

    /// <summary>Store time of the message at a queue offset; -1 when absent.</summary>
    public long StoreTimeAt(ConsumeQueue cq, long queueOffset)
        => cq.TryGetUnit(queueOffset, out var phyOffset, out var size, out _) && size != int.MaxValue
            ? _commitLog.PickupStoreTimestamp(phyOffset, size)
            : -1;

    private long Correct(long oldOffset, long newOffset)
        => _options.BrokerRole != BrokerRole.SLAVE || _options.OffsetCheckInSlave ? newOffset : oldOffset;

    private bool IsBatchFull(int sizePy, int maxMsgNums, int bufferTotal, int messageTotal, bool isInDisk)
    {
        if (bufferTotal == 0 || messageTotal == 0)
        {
            return false;
        }

        if (maxMsgNums <= messageTotal)
        {
            return true;
        }

        return isInDisk
            ? bufferTotal + sizePy > _options.MaxTransferBytesOnMessageInDisk || messageTotal > _options.MaxTransferCountOnMessageInDisk - 1
            : bufferTotal + sizePy > _options.MaxTransferBytesOnMessageInMemory || messageTotal > _options.MaxTransferCountOnMessageInMemory - 1;
    }
}
