namespace Rmq.PowerShell.Models;

/// <summary>The write permission of a broker on the name servers.</summary>
public enum RmqPermission
{
    /// <summary>Write wiped (WIPE_WRITE_PERM_OF_BROKER): producers route away, consumers keep reading.</summary>
    ReadOnly,

    /// <summary>Write added back (ADD_WRITE_PERM_OF_BROKER).</summary>
    ReadWrite,
}
