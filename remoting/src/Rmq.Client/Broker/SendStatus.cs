namespace Rmq.Client.Broker;

/// <summary>How a stored message was stored (SendStatus.java); every value means the broker has the message.</summary>
public enum SendStatus
{
    SEND_OK,
    FLUSH_DISK_TIMEOUT,
    FLUSH_SLAVE_TIMEOUT,
    SLAVE_NOT_AVAILABLE,
}
