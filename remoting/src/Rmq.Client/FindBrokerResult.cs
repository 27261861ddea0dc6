namespace Rmq.Client;

/// <summary>An address found for a broker name (FindBrokerResult.java).</summary>
public sealed record FindBrokerResult(string BrokerAddr, bool Slave);
