namespace Rmq.Remoting.Protocol;

/// <summary>Header serialization, the high byte of the frame's header-length word.</summary>
public enum SerializeType : byte
{
    Json = 0,
    RocketMQ = 1,
}
