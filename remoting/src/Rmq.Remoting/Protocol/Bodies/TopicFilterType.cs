namespace Rmq.Remoting.Protocol.Bodies;

/// <summary>TopicFilterType.java; written as its name (Q5).</summary>
public enum TopicFilterType
{
    SINGLE_TAG = 0,
    MULTI_TAG = 1,
}
