namespace Rmq.Client.Messages;

/// <summary>Message sysflag bits (MessageSysFlag.java, store.md §3).</summary>
public static class MessageSysFlag
{
    public const int CompressedFlag = 0x1;
    public const int MultiTagsFlag = 0x2;
    public const int TransactionNotType = 0;
    public const int TransactionPreparedType = 0x4;
    public const int TransactionCommitType = 0x8;
    public const int TransactionRollbackType = 0xC;
    public const int BornHostV6Flag = 0x10;
    public const int StoreHostV6Flag = 0x20;

    public static int GetTransactionValue(int flag) => flag & TransactionRollbackType;

    public static bool IsCompressed(int flag) => (flag & CompressedFlag) == CompressedFlag;
}
