namespace Rmq.Store;

/// <summary>SYSFLAG bits of a stored message (store.md §3).</summary>
public static class MessageSysFlag
{
    public const int COMPRESSED_FLAG = 0x1;
    public const int MULTI_TAGS_FLAG = 0x2;
    public const int TRANSACTION_NOT_TYPE = 0;
    public const int TRANSACTION_PREPARED_TYPE = 0x1 << 2;
    public const int TRANSACTION_COMMIT_TYPE = 0x2 << 2;
    public const int TRANSACTION_ROLLBACK_TYPE = 0x3 << 2;
    public const int BORNHOST_V6_FLAG = 0x1 << 4;
    public const int STOREHOSTADDRESS_V6_FLAG = 0x1 << 5;

    public static int GetTransactionValue(int sysFlag) => sysFlag & TRANSACTION_ROLLBACK_TYPE;

    public static int ResetTransactionValue(int sysFlag, int type) => (sysFlag & ~TRANSACTION_ROLLBACK_TYPE) | type;
}
